import Foundation
import GlossCore
@testable import GlossHost
import Testing

@Suite(.serialized)
struct PluginLibraryTests {
    @Test func loadsTheCExamplePluginBuiltWithTheExactCCLineFromTheGuide() throws {
        let compiler = try FixtureCompiler()
        // The very command docs/PLUGINS.md tells plugin authors to type, run as written from a
        // directory that looks like the repository root.
        let guide = try String(contentsOf: FixtureCompiler.repositoryRoot.appendingPathComponent("docs/PLUGINS.md"), encoding: .utf8)
        let line = try #require(guide.split(separator: "\n").first { $0.hasPrefix("$ cc ") }.map { String($0.dropFirst(2)) })
        #expect(line.contains("-fvisibility=hidden"))
        for name in ["Sources", "Plugins"] {
            try FileManager.default.createSymbolicLink(at: compiler.directory.appendingPathComponent(name),
                                                       withDestinationURL: FixtureCompiler.repositoryRoot.appendingPathComponent(name))
        }
        try FixtureCompiler.run("/bin/sh", ["-c", "cd '\(compiler.directory.path)' && \(line)"])
        let path = compiler.directory.appendingPathComponent("gloss-example-units.so").path
        let exported = try FixtureCompiler.run("/usr/bin/nm", ["-D", "--defined-only", path])
        #expect(exported.split(separator: "\n").map { $0.split(separator: " ").last.map(String.init) } == ["gloss_plugin_entry"])
        let library = try PluginLibrary(path: path)
        #expect(library.descriptor.id == "gloss.example.units")
        #expect(library.descriptor.annotationTypes == ["quantity"])
        #expect(library.descriptor.isConcurrent)
    }

    @Test func refusesALibraryWithoutTheEntryFunction() throws {
        let path = try FixtureCompiler().fixture("no-entry", ["FIXTURE_NO_ENTRY"])
        let error = #expect(throws: PluginLoadError.self) { try PluginLibrary(path: path) }
        #expect(error?.code == .missingEntry)
        #expect(error?.description.contains(path) == true)
        #expect(error?.description.contains("gloss_plugin_entry") == true)
    }

    @Test func refusesAFileThatIsNotASharedLibrary() throws {
        let compiler = try FixtureCompiler()
        let path = compiler.directory.appendingPathComponent("garbage.so").path
        try Data("this is not ELF".utf8).write(to: URL(fileURLWithPath: path))
        let error = #expect(throws: PluginLoadError.self) { try PluginLibrary(path: path) }
        #expect(error?.code == .cannotOpen)
        #expect(error?.description.contains(path) == true)
    }

    @Test func refusesPluginBuiltForAnotherMajorVersionNamingBoth() throws {
        let path = try FixtureCompiler().fixture("abi2", ["FIXTURE_ABI_MAJOR=2"])
        let error = #expect(throws: PluginLoadError.self) { try PluginLibrary(path: path) }
        #expect(error?.code == .abiMajorMismatch)
        #expect(error?.reason.contains("ABI 2.1") == true)
        #expect(error?.reason.contains("ABI 1.1") == true)
    }

    @Test func refusesUnknownFlagBits() throws {
        let path = try FixtureCompiler().fixture("flags", ["FIXTURE_FLAGS=0x10"])
        let error = #expect(throws: PluginLoadError.self) { try PluginLibrary(path: path) }
        #expect(error?.code == .unknownFlags)
        #expect(error?.reason.contains("0x10") == true)
    }

    @Test func refusesNonZeroReservedWords() throws {
        let path = try FixtureCompiler().fixture("reserved", ["FIXTURE_RESERVED=7"])
        let error = #expect(throws: PluginLoadError.self) { try PluginLibrary(path: path) }
        #expect(error?.code == .reservedNotZero)
        #expect(error?.reason.contains("reserved[3]") == true)
    }

    @Test func refusesAnInvalidPluginID() throws {
        let path = try FixtureCompiler().fixture("bad-id", [#"FIXTURE_ID="NoDots""#])
        let error = #expect(throws: PluginLoadError.self) { try PluginLibrary(path: path) }
        #expect(error?.code == .invalidDescriptor)
        #expect(error?.reason.contains("NoDots") == true)
    }
}
