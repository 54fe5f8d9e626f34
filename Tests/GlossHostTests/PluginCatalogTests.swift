import Foundation
import GlossCore
@testable import GlossHost
import Testing

@Suite(.serialized)
struct PluginCatalogTests {
    private func catalog(_ directory: URL, enabled: [String] = []) -> PluginCatalog {
        PluginCatalog(searchPath: PluginSearchPath(explicitPaths: [directory.path], includeDefaults: false), enabled: enabled)
    }

    @Test func refusesASecondPluginWithTheSameIDAndKeepsTheFirst() throws {
        let compiler = try FixtureCompiler()
        let first = try compiler.fixture("a-first", [#"FIXTURE_ID="test.same""#])
        let second = try compiler.fixture("b-second", [#"FIXTURE_ID="test.same""#])
        let catalog = catalog(compiler.directory)
        #expect(catalog.plugins.map(\.path) == [first])
        let refusal = try #require(catalog.refused.first)
        #expect(refusal.code == .duplicateID)
        #expect(refusal.path == second)
        #expect(refusal.reason.contains(first))
    }

    @Test func refusesADependencyCycleButLoadsTheOtherPlugins() throws {
        let compiler = try FixtureCompiler()
        _ = try compiler.fixture("one", [#"FIXTURE_ID="test.one""#, #"FIXTURE_REQUIRES="test.two""#])
        _ = try compiler.fixture("two", [#"FIXTURE_ID="test.two""#, #"FIXTURE_REQUIRES="test.one""#])
        _ = try compiler.fixture("free", [#"FIXTURE_ID="test.free""#])
        _ = try compiler.fixture("no-entry", ["FIXTURE_NO_ENTRY"])
        let catalog = catalog(compiler.directory)
        #expect(catalog.plugins.map(\.descriptor.id) == ["test.free"])
        let cycle = catalog.refused.filter { $0.code == .dependencyCycle }
        #expect(Set(cycle.compactMap(\.pluginID)) == ["test.one", "test.two"])
        #expect(cycle.allSatisfy { $0.reason.contains("test.one → test.two → test.one") || $0.reason.contains("test.two → test.one → test.two") })
        #expect(catalog.refused.contains { $0.code == .missingEntry })
    }

    @Test func refusesAPluginWhoseRequirementIsMissing() throws {
        let compiler = try FixtureCompiler()
        // An id that merely contains the word "cycle" must not be taken for a cycle.
        _ = try compiler.fixture("needy", [#"FIXTURE_ID="test.needy""#, #"FIXTURE_REQUIRES="test.recycle""#])
        let catalog = catalog(compiler.directory)
        #expect(catalog.plugins.isEmpty)
        let refusal = try #require(catalog.refused.first)
        #expect(refusal.code == .missingRequirement)
        #expect(refusal.reason.contains("test.recycle"))
    }

    @Test func ordersPluginsAfterWhatTheyRequire() throws {
        let compiler = try FixtureCompiler()
        _ = try compiler.fixture("a-late", [#"FIXTURE_ID="test.late""#, #"FIXTURE_REQUIRES="test.zearly""#])
        _ = try compiler.fixture("b-early", [#"FIXTURE_ID="test.zearly""#])
        #expect(catalog(compiler.directory).plugins.map(\.descriptor.id) == ["test.zearly", "test.late"])
    }

    @Test func enablingAnAnalyzerEnablesWhatItRequires() throws {
        let compiler = try FixtureCompiler()
        _ = try compiler.fixture("late", [#"FIXTURE_ID="test.late""#, #"FIXTURE_REQUIRES="test.early""#])
        _ = try compiler.fixture("early", [#"FIXTURE_ID="test.early""#])
        _ = try compiler.fixture("other", [#"FIXTURE_ID="test.other""#])
        let catalog = catalog(compiler.directory, enabled: ["test.late"])
        #expect(catalog.plugins.map(\.descriptor.id) == ["test.early", "test.late"])
        #expect(catalog.refused.map(\.code) == [.notEnabled])
    }

    @Test func findsOnlyLibglossPrefixedLibrariesBesideTheExecutable() throws {
        let compiler = try FixtureCompiler()
        _ = try compiler.fixture("libgloss-fixture", [#"FIXTURE_ID="test.prefixed""#])
        _ = try compiler.fixture("libunrelated", [#"FIXTURE_ID="test.unrelated""#])
        let fakeExecutable = compiler.directory.appendingPathComponent("gloss").path
        let searchPath = PluginSearchPath(explicitPaths: [], includeDefaults: true, executablePath: fakeExecutable)
        let catalog = PluginCatalog(searchPath: searchPath)
        #expect(catalog.plugins.map(\.descriptor.id) == ["test.prefixed"])
    }
}
