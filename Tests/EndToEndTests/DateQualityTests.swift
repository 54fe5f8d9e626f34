import Foundation
import Testing

/// The date analyzer's quality on its corpus (Tests/Corpora/dates), measured by `gloss eval`
/// through the real plugin host. The thresholds are what the analyzer reaches today minus a
/// small margin, so a regression fails; value accuracy and the negatives are the bar.
struct DateQualityTests {
    @Test func holdsValueAccuracyF1AndCleanNegatives() throws {
        let corpus = GlossProcess.repositoryRoot.appendingPathComponent("Tests/Corpora/dates").path
        let run = try GlossProcess.run(["eval", "gloss.date", "--corpus", corpus, "--minimum-value-accuracy", "0.98",
                                        "--maximum-negative-hits", "0", "--minimum-f1", "0.92"])
        #expect(run.status == 0, "\(run.stdout)\(run.stderr)")
        #expect(run.stdout.contains("negative sentences: 173, annotations found in them: 0"))
        print(run.stdout)
    }
}
