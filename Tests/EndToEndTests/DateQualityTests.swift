import Foundation
import Testing

/// The date analyzer's quality on its corpus (Tests/Corpora/dates), measured by `gloss eval`
/// through the real plugin host. The thresholds are what the analyzer reaches today minus a
/// small margin, so a regression fails; value accuracy and the negatives are the issue's bar.
struct DateQualityTests {
    @Test func holdsValueAccuracyF1AndCleanNegatives() throws {
        let corpus = GlossProcess.repositoryRoot.appendingPathComponent("Tests/Corpora/dates").path
        let run = try GlossProcess.run(["eval", "gloss.date", "--corpus", corpus, "--minimum-value-accuracy", "0.98",
                                        "--maximum-negative-hits", "0", "--minimum-f1", "0.97"])
        #expect(run.status == 0, "\(run.stdout)\(run.stderr)")
        #expect(run.stdout.contains("negative sentences: 173, annotations found in them: 0"))
        print(run.stdout)
    }
}

/// analyzers.gloss.date.numeric_order, through the real plugin and the configuration file.
struct DateConfigurationTests {
    private func values(order: String?) throws -> (values: [String], output: GlossProcess.Output) {
        let directory = try GlossProcess.temporaryDirectory()
        let input = directory.appendingPathComponent("numeric.txt")
        try Data("The contract was signed on 11/04/2024 in Doha.".utf8).write(to: input)
        var arguments = ["analyze", "--stdout", "--reference-time", "2016-05-17T08:00:00Z"]
        if let order {
            let config = directory.appendingPathComponent("gloss.yaml")
            try Data("analyzers:\n  enabled: [gloss.date]\n  gloss.date:\n    numeric_order: \(order)\n".utf8).write(to: config)
            arguments += ["--config", config.path]
        }
        let run = try GlossProcess.run(arguments + [input.path])
        let result = (try? JSONSerialization.jsonObject(with: Data(run.stdout.utf8))) as? [String: Any]
        let annotations = result?["annotations"] as? [[String: Any]] ?? []
        let values = annotations.filter { $0["analyzer"] as? String == "gloss.date" }
            .compactMap { ($0["attributes"] as? [String: Any])?["value"] as? String }
        return (values, run)
    }

    @Test func anAmbiguousNumericDateIsADateOnlyWhenConfigured() throws {
        #expect(try values(order: nil).values == [])
        #expect(try values(order: "unambiguous").values == [])
        #expect(try values(order: "day-first").values == ["2024-04-11"])
        #expect(try values(order: "month-first").values == ["2024-11-04"])
    }

    @Test func aWrongOrderIsRefusedWithTheChoices() throws {
        let (values, run) = try values(order: "sideways")
        #expect(values.isEmpty)
        #expect(run.stderr.contains("numeric_order") && run.stderr.contains("day-first"), "\(run.stderr)")
    }
}

/// The geo analyzer on its development corpus (Tests/Corpora/geo), through the real plugin host:
/// accuracy within 161 km, F1 and the false hits in trap sentences near today's levels (99.0 %,
/// 0.979, 10), above the issue's 95 %.
struct GeoQualityTests {
    @Test func holdsAccuracyAndF1() throws {
        let corpus = GlossProcess.repositoryRoot.appendingPathComponent("Tests/Corpora/geo").path
        let run = try GlossProcess.run(["eval", "gloss.geo", "--corpus", corpus, "--minimum-value-accuracy", "0.98",
                                        "--minimum-f1", "0.975", "--maximum-negative-hits", "12"])
        #expect(run.status == 0, "\(run.stdout)\(run.stderr)")
        print(run.stdout)
    }

    /// The held-out corpus (written by another author, never tuned on) at the issue's 95 %:
    /// a guard against regressions, deliberately not at today's figures (F1 0.966, 99.3 %).
    @Test func holdsTheIssuesLevelOnTheHeldOutCorpus() throws {
        let corpus = GlossProcess.repositoryRoot.appendingPathComponent("Tests/Corpora/geo-heldout").path
        let run = try GlossProcess.run(["eval", "gloss.geo", "--corpus", corpus, "--minimum-value-accuracy", "0.95", "--minimum-f1", "0.95"])
        #expect(run.status == 0, "\(run.stdout)\(run.stderr)")
    }

    /// With the entity analyzer beside it, as in the daemon: persons and organizations that
    /// contain a place name remove it, lone mislabelled places do not (F1 0.983, 7 hits today).
    @Test func holdsWithTheEntityAnalyzer() throws {
        let corpus = GlossProcess.repositoryRoot.appendingPathComponent("Tests/Corpora/geo").path
        let run = try GlossProcess.run(["eval", "gloss.geo", "--corpus", corpus, "--with", "gloss.entity", "--minimum-value-accuracy", "0.98",
                                        "--minimum-f1", "0.98", "--maximum-negative-hits", "9"])
        #expect(run.status == 0, "\(run.stdout)\(run.stderr)")
        print(run.stdout)
    }
}
