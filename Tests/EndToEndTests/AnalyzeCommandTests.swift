import Foundation
import Testing

/// `gloss analyze` as a user runs it: the real binary, real plugins, real files.
@Suite(.serialized)
struct AnalyzeCommandTests {
    private let seed = GlossProcess.repositoryRoot.appendingPathComponent("seeds/000_cb800a4348140aef.txt")

    private func json(_ path: String) throws -> [String: Any] {
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    @Test func analyzesTheSeedAndWritesAResultThatMatchesTheSchema() throws {
        let directory = try GlossProcess.temporaryDirectory()
        let input = directory.appendingPathComponent("seed.txt")
        try FileManager.default.copyItem(at: seed, to: input)
        let run = try GlossProcess.run(["analyze", input.path])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("seed.txt.gloss.json: ok, ar"))
        let resultPath = input.path + ".gloss.json"
        let validation = try GlossProcess.validate([resultPath], text: input.path)
        #expect(validation.status == 0, "\(validation.stdout)")
        let result = try json(resultPath)
        #expect(result["status"] as? String == "ok")
        let analyzers = (result["analyzers"] as? [[String: Any]])?.compactMap { $0["id"] as? String }
        #expect(analyzers == ["gloss.date", "gloss.entity", "gloss.example.sentences", "gloss.example.units", "gloss.geo"])
        let annotations = try #require(result["annotations"] as? [[String: Any]])
        let quantities = annotations.filter { $0["type"] as? String == "quantity" }.compactMap { $0["text"] as? String }
        #expect(quantities.contains("130 كلم"))
        // What the sample article must yield from the date analyzer (its modification time is
        // the reference here, so only the absolute values are checked).
        let dates = Dictionary(annotations.filter { $0["analyzer"] as? String == "gloss.date" }
            .map { ($0["text"] as? String ?? "", ($0["attributes"] as? [String: Any])?["value"] as? String ?? "") }) { first, _ in first }
        #expect(dates["يونيو 2015"] == "2015-06")
        #expect(dates["جويلية 2015"] == "2015-07")
        #expect(dates["الأيام القليلة الماضية"] == "PAST_REF")
        #expect(dates["أكثر من شهر ونصف"] == "P1.5M")
        #expect(dates["أمس"] != nil && dates["الأسبوع الماضي"] != nil)
        // What it must yield from the geo analyzer, with the entity analyzer before it: places
        // with coordinates, Tripoli in Libya, واشنطن alone but not inside واشنطن بوست, a focus on Libya.
        let places = annotations.filter { $0["analyzer"] as? String == "gloss.geo" && $0["type"] as? String == "place" }
        func attribute(_ annotation: [String: Any], _ key: String) -> Any? { (annotation["attributes"] as? [String: Any])?[key] }
        #expect(places.filter { $0["text"] as? String == "ليبيا" }.count == 15)
        #expect(places.filter { $0["text"] as? String == "طرابلس" }.allSatisfy { attribute($0, "country") as? String == "LY" })
        #expect(places.filter { $0["text"] as? String == "واشنطن" }.count == 1)
        #expect(places.allSatisfy { attribute($0, "lat") is Double && attribute($0, "lon") is Double && attribute($0, "evidence") is [String] })
        let focus = annotations.first { $0["analyzer"] as? String == "gloss.geo" && $0["type"] as? String == "focus" }
        #expect(focus.map { attribute($0, "country") as? String } == "LY")
        // What the sample article must yield from the entity analyzer, through the real plugin:
        // its spans arrive as code points, clitics left out (لليبيا → ليبيا).
        let entities = annotations.filter { $0["analyzer"] as? String == "gloss.entity" }
            .map { "\($0["type"] as? String ?? ""):\($0["text"] as? String ?? "")" }
        for expected in ["person:مارك تونر", "person:السراج", "organization:الخارجية الأمريكية", "organization:داعش",
                         "organization:الدولة الإسلامية", "organization:واشنطن بوست", "organization:حكومة الوفاق الوطني",
                         "location:ليبيا", "location:الجزائر", "location:طرابلس"] {
            #expect(entities.contains(expected), "\(expected) in \(entities)")
        }
        #expect(entities.filter { $0 == "organization:داعش" }.count == 6)
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted() == ["seed.txt", "seed.txt.gloss.json"])
    }

    @Test func sameInputAndConfigurationGiveTheSameResultBytes() throws {
        let directory = try GlossProcess.temporaryDirectory()
        let input = directory.appendingPathComponent("seed.txt")
        try FileManager.default.copyItem(at: seed, to: input)
        let first = try GlossProcess.run(["analyze", "--stdout", "--reference-time", "2016-05-17T08:00:00Z", input.path])
        let second = try GlossProcess.run(["analyze", "--stdout", "--reference-time", "2016-05-17T08:00:00Z", input.path])
        #expect(first.status == 0)
        let strip = { (text: String) in text.split(separator: "\n").filter { !$0.contains("duration_ms") }.joined(separator: "\n") }
        #expect(strip(first.stdout) == strip(second.stdout))
        #expect(first.stdout.contains(#""reference_source": "option""#))
        #expect(!FileManager.default.fileExists(atPath: input.path + ".gloss.json"))
    }

    @Test func everyBadInputStillGetsExactlyOneResultThatSaysWhy() throws {
        let directory = try GlossProcess.temporaryDirectory()
        let files: [(String, [UInt8])] = [
            ("empty.txt", []),
            ("binary.bin", [0x7F, 0x45, 0x4C, 0x46, 0x02, 0x01, 0x01, 0x00, 0x00, 0x00]),
            ("large.txt", Array(repeating: UInt8(ascii: "a"), count: 4096)),
            ("legacy.txt", [0xE1, 0xED, 0xC8, 0xED, 0xC7, 0x20, 0xE6, 0xC7, 0xE1, 0xCC, 0xD2, 0xC7, 0xC6, 0xD1, 0x20, 0xC7, 0xE1, 0xC8, 0xE1, 0xCF]),
        ]
        for (name, bytes) in files { try Data(bytes).write(to: directory.appendingPathComponent(name)) }
        try FileManager.default.createSymbolicLink(atPath: directory.appendingPathComponent("dangling.txt").path,
                                                   withDestinationPath: "/nonexistent/gloss-target")
        let names = files.map(\.0) + ["dangling.txt"]
        let run = try GlossProcess.run(["analyze", "--input-maximum-size", "1KiB"] + names.map { directory.appendingPathComponent($0).path })
        #expect(run.status == 1, "a failed input must make the exit status 1: \(run.stderr)")
        let expected = ["empty.txt": ("ok", nil), "binary.bin": ("failed", "not_text"), "large.txt": ("failed", "too_large"),
                        "legacy.txt": ("ok", nil), "dangling.txt": ("failed", "unreadable")] as [String: (String, String?)]
        for name in names {
            let path = directory.appendingPathComponent(name).path + ".gloss.json"
            let result = try json(path)
            #expect(result["status"] as? String == expected[name]?.0, "\(name)")
            #expect((result["error"] as? [String: Any])?["code"] as? String == expected[name]?.1, "\(name)")
        }
        #expect((try json(directory.appendingPathComponent("legacy.txt.gloss.json").path)["input"] as? [String: Any])?["encoding"] as? String == "windows-1256")
        #expect((try json(directory.appendingPathComponent("empty.txt.gloss.json").path)["annotations"] as? [Any])?.isEmpty == true)
        let validation = try GlossProcess.validate(names.map { directory.appendingPathComponent($0).path + ".gloss.json" })
        #expect(validation.status == 0, "\(validation.stdout)")
    }

    @Test func anUnknownAnalyzerIsAConfigurationErrorThatSaysWhatToDo() throws {
        let run = try GlossProcess.run(["analyze", "--analyzer", "acme.nothing", seed.path])
        #expect(run.status == 3)
        #expect(run.stderr.contains("acme.nothing"))
        #expect(run.stderr.contains("gloss plugins list"))
    }

    @Test func aBadConfigurationNamesTheKeyAndRefusesToRun() throws {
        let directory = try GlossProcess.temporaryDirectory()
        let config = directory.appendingPathComponent("gloss.yaml")
        try Data("input:\n  maximum_size: huge\n".utf8).write(to: config)
        let run = try GlossProcess.run(["analyze", "--config", config.path, seed.path])
        #expect(run.status == 3)
        #expect(run.stderr.contains("input.maximum_size"))
        #expect(run.stderr.contains("huge"))
        let viaEnvironment = try GlossProcess.run(["config", "check"], environment: ["GLOSS_CONFIG": config.path])
        #expect(viaEnvironment.status == 3)
    }

    @Test func theShippedConfigurationFilePassesItsCheck() throws {
        let run = try GlossProcess.run(["config", "check", GlossProcess.repositoryRoot.appendingPathComponent("packaging/gloss.yaml").path])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("input.maximum_size: 16777216"))
    }

    @Test func theEnvironmentOverridesTheFileAndFlagsOverrideTheEnvironment() throws {
        let directory = try GlossProcess.temporaryDirectory()
        let input = directory.appendingPathComponent("big.txt")
        try Data(repeating: UInt8(ascii: "a"), count: 3000).write(to: input)
        let config = directory.appendingPathComponent("gloss.yaml")
        try Data("input:\n  maximum_size: 1KiB\n".utf8).write(to: config)
        let fromFile = try GlossProcess.run(["analyze", "--stdout", "--config", config.path, input.path])
        #expect(fromFile.stdout.contains("too_large"))
        let fromEnvironment = try GlossProcess.run(["analyze", "--stdout", "--config", config.path, input.path],
                                                   environment: ["GLOSS_INPUT_MAXIMUM_SIZE": "4KiB"])
        #expect(!fromEnvironment.stdout.contains("too_large"))
        let fromFlag = try GlossProcess.run(["analyze", "--stdout", "--config", config.path, "--input-maximum-size", "2KiB", input.path],
                                            environment: ["GLOSS_INPUT_MAXIMUM_SIZE": "4KiB"])
        #expect(fromFlag.stdout.contains("too_large"))
    }

    @Test func versionAndHelpSpeakToANewcomer() throws {
        let version = try GlossProcess.run(["--version"])
        #expect(version.stdout.contains("plugin ABI 1.1"))
        let help = try GlossProcess.run(["analyze", "--help"])
        #expect(help.stdout.contains("Exit status"))
        #expect(help.stdout.contains("--reference-time"))
    }
}
