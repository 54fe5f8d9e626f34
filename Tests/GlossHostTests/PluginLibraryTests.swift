import Foundation
import GlossCore
@testable import GlossHost
import Testing

@Suite(.serialized)
struct PluginLibraryTests {
    @Test func loadsTheCExamplePluginBuiltWithPlainCC() throws {
        let compiler = try FixtureCompiler()
        // Exactly the line docs/PLUGINS.md gives plugin authors.
        let source = FixtureCompiler.repositoryRoot.appendingPathComponent("Plugins/Examples/Units/units.c").path
        let path = try compiler.compile(source: source, output: "gloss-example-units.so", extra: ["-O2"])
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
        #expect(error?.reason.contains("ABI 2.0") == true)
        #expect(error?.reason.contains("ABI 1.0") == true)
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
