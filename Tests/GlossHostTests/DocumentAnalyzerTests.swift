import Foundation
import GlossCore
@testable import GlossHost
import Logging
import Testing

@Suite(.serialized)
struct DocumentAnalyzerTests {
    private let reference = Date(timeIntervalSince1970: 1_463_472_000)

    private func analyzer(_ directory: URL, settings: Settings = Settings()) -> DocumentAnalyzer {
        let catalog = PluginCatalog(searchPath: PluginSearchPath(explicitPaths: [directory.path], includeDefaults: false))
        return DocumentAnalyzer(catalog: catalog, settings: settings, logger: Logger(label: "test"))
    }

    @Test func convertsUTF8OffsetsToCodePointsSoTextMatchesTheSpan() throws {
        let compiler = try FixtureCompiler()
        _ = try compiler.fixture("words")
        let text = "مارك تونر said 👍🏽 twice"
        let result = analyzer(compiler.directory).analyze(InputDocument(text: text, name: "t.txt", modified: reference),
                                                          referenceTime: reference, referenceSource: .mtime)
        #expect(result.status == .ok)
        #expect(result.annotations.map(\.text) == ["مارك", "تونر", "said", "👍🏽", "twice"])
        let scalars = Array(text.unicodeScalars)
        for annotation in result.annotations {
            var view = String.UnicodeScalarView()
            view.append(contentsOf: scalars[annotation.start..<annotation.end])
            #expect(String(view) == annotation.text)
        }
        #expect(result.annotations[0].attribute("length") == .integer(8))  // 4 Arabic letters, 2 bytes each
    }

    @Test func dropsInvalidAnnotationsAndReportsThemAgainstThePlugin() throws {
        let compiler = try FixtureCompiler()
        _ = try compiler.fixture("invalid", ["FIXTURE_EMIT_INVALID"])
        let result = analyzer(compiler.directory).analyze(InputDocument(text: "عربي text", name: "t.txt", modified: reference),
                                                          referenceTime: reference, referenceSource: .mtime)
        #expect(result.status == .ok)
        #expect(result.annotations.map(\.text) == ["عربي", "text"])
        let report = try #require(result.analyzers.first)
        #expect(report.droppedAnnotations == 7)
        let problems = report.problems.joined(separator: "\n")
        #expect(problems.contains("past the end"))
        #expect(problems.contains("character boundaries"))
        #expect(problems.contains("\"undeclared\""))
        #expect(problems.contains("confidence 7.5"))
        #expect(problems.contains("empty or reversed"))
        #expect(problems.contains("\"Bad-Key\""))
        #expect(problems.contains("unknown value kind 99"))
    }

    @Test func handsEarlierAnnotationsToPluginsThatRequireThem() throws {
        let compiler = try FixtureCompiler()
        _ = try compiler.fixture("base", [#"FIXTURE_ID="test.base""#])
        _ = try compiler.fixture("reader", [#"FIXTURE_ID="test.reader""#, #"FIXTURE_REQUIRES="test.base""#])
        let result = analyzer(compiler.directory).analyze(InputDocument(text: "one two three", name: "t.txt", modified: reference),
                                                          referenceTime: reference, referenceSource: .mtime)
        let seen = result.annotations.filter { $0.analyzer == "test.reader" }.map { $0.attribute("seen") }
        #expect(seen == Array(repeating: .integer(3), count: 3))
        let baseSeen = result.annotations.filter { $0.analyzer == "test.base" }.map { $0.attribute("seen") }
        #expect(baseSeen == Array(repeating: .integer(0), count: 3))
    }

    /// ABI 1.1 optional_plugins: read when loaded, never required.
    @Test func handsOptionalAnnotationsWhenThatPluginIsLoadedAndRunsWithoutIt() throws {
        let together = try FixtureCompiler()
        _ = try together.fixture("base", [#"FIXTURE_ID="test.base""#])
        _ = try together.fixture("reader", [#"FIXTURE_ID="test.reader""#, #"FIXTURE_OPTIONAL="test.base""#])
        let text = InputDocument(text: "one two three", name: "t.txt", modified: reference)
        let both = analyzer(together.directory).analyze(text, referenceTime: reference, referenceSource: .mtime)
        #expect(both.annotations.filter { $0.analyzer == "test.reader" }.map { $0.attribute("seen") } == Array(repeating: .integer(3), count: 3))

        let alone = try FixtureCompiler()
        _ = try alone.fixture("reader", [#"FIXTURE_ID="test.reader""#, #"FIXTURE_OPTIONAL="test.base""#])
        let catalog = PluginCatalog(searchPath: PluginSearchPath(explicitPaths: [alone.directory.path], includeDefaults: false))
        #expect(catalog.refused.isEmpty, "\(catalog.refused)")
        let single = analyzer(alone.directory).analyze(text, referenceTime: reference, referenceSource: .mtime)
        #expect(single.status == .ok)
        #expect(single.annotations.filter { $0.analyzer == "test.reader" }.map { $0.attribute("seen") } == Array(repeating: .integer(0), count: 3))

        // A failure of the optional one on a document does not stop the reader.
        let failing = try FixtureCompiler()
        _ = try failing.fixture("base", [#"FIXTURE_ID="test.base""#, "FIXTURE_FAIL"])
        _ = try failing.fixture("reader", [#"FIXTURE_ID="test.reader""#, #"FIXTURE_OPTIONAL="test.base""#])
        let afterFailure = analyzer(failing.directory).analyze(text, referenceTime: reference, referenceSource: .mtime)
        #expect(afterFailure.analyzers.first { $0.id == "test.reader" }?.status == .ok)
        #expect(afterFailure.annotations.contains { $0.analyzer == "test.reader" })
    }

    /// A plugin built against ABI 1.0 ends its descriptor before the 1.1 fields; the host
    /// never reads past struct_size (the fixture sets optional_plugins beyond it anyway).
    @Test func readsA10DescriptorOnlyUpToItsSize() throws {
        let compiler = try FixtureCompiler()
        _ = try compiler.fixture("base", [#"FIXTURE_ID="test.base""#])
        _ = try compiler.fixture("old", [#"FIXTURE_ID="test.old""#, "FIXTURE_ABI_1_0", #"FIXTURE_OPTIONAL="test.base""#])
        let catalog = PluginCatalog(searchPath: PluginSearchPath(explicitPaths: [compiler.directory.path], includeDefaults: false))
        #expect(catalog.refused.isEmpty, "\(catalog.refused)")
        let old = catalog.plugins.first { $0.descriptor.id == "test.old" }
        #expect(old?.descriptor.abiMinor == 0)
        #expect(old?.descriptor.optionallyReads == [])
    }

    @Test func givesEachPluginItsConfigurationSection() throws {
        let compiler = try FixtureCompiler()
        _ = try compiler.fixture("configured", [#"FIXTURE_ID="test.configured""#])
        var settings = Settings()
        settings.analyzerSettings["test.configured"] = ["greeting": "مرحبا"]
        let result = analyzer(compiler.directory, settings: settings)
            .analyze(InputDocument(text: "x", name: "t.txt", modified: reference), referenceTime: reference, referenceSource: .mtime)
        #expect(result.annotations.first?.attribute("greeting") == .string("مرحبا"))
    }

    @Test func aFailingAnalyzerMakesThePartialResultAndKeepsTheOthers() throws {
        let compiler = try FixtureCompiler()
        _ = try compiler.fixture("fails", [#"FIXTURE_ID="test.fails""#, "FIXTURE_FAIL"])
        _ = try compiler.fixture("works", [#"FIXTURE_ID="test.works""#])
        _ = try compiler.fixture("dependent", [#"FIXTURE_ID="test.dependent""#, #"FIXTURE_REQUIRES="test.fails""#])
        let result = analyzer(compiler.directory).analyze(InputDocument(text: "a b", name: "t.txt", modified: reference),
                                                          referenceTime: reference, referenceSource: .mtime)
        #expect(result.status == .partial)
        let byID = Dictionary(uniqueKeysWithValues: result.analyzers.map { ($0.id, $0) })
        #expect(byID["test.fails"]?.status == .failed)
        #expect(byID["test.fails"]?.error?.message == "fixture: this document cannot be analyzed")
        #expect(byID["test.dependent"]?.status == .skipped)
        #expect(byID["test.dependent"]?.error?.code == "requirement_failed")
        #expect(result.annotations.map(\.analyzer) == ["test.works", "test.works"])
    }

    @Test func refusesAPluginWhoseCreateFailsAndRunsTheRest() throws {
        let compiler = try FixtureCompiler()
        _ = try compiler.fixture("broken", [#"FIXTURE_ID="test.broken""#, "FIXTURE_FAIL_CREATE"])
        _ = try compiler.fixture("fine", [#"FIXTURE_ID="test.fine""#])
        let pipeline = analyzer(compiler.directory)
        #expect(pipeline.analyzers.map(\.id) == ["test.fine"])
        #expect(pipeline.refused.first?.code == .createFailed)
        #expect(pipeline.refused.first?.reason.contains("GLOSS_STATUS_BAD_CONFIGURATION") == true)
    }
}
