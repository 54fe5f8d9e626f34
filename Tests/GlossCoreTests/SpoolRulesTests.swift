import GlossCore
import Testing

struct SpoolRulesTests {
    @Test(arguments: ["report.txt", "a/b/c.md", "نص.txt", "no-extension"])
    func acceptsOrdinaryFiles(path: String) {
        #expect(SpoolRules().isInput(relativePath: path))
    }

    @Test(arguments: [".hidden", "dir/.x.txt", "a.tmp", "a.part", "a.swp", "a.txt~", "a.txt.gloss.json",
                      ".a.txt.gloss.json.123.456.tmp"])
    func ignoresHiddenPartialEditorFilesAndResults(path: String) {
        #expect(!SpoolRules().isInput(relativePath: path))
    }

    @Test func ignoresConfiguredGlobsByPathOrName() {
        let rules = SpoolRules(excludeGlobs: ["*.csv", "drafts/*"])
        #expect(!rules.isInput(relativePath: "deep/table.csv"))
        #expect(!rules.isInput(relativePath: "drafts/idea.txt"))
        #expect(rules.isInput(relativePath: "final/idea.txt"))
    }

    @Test(arguments: [("500ms", 500), ("2s", 2000), ("1.5s", 1500), ("5m", 300_000), ("1h", 3_600_000), ("30", 30_000), ("0", 0)])
    func parsesDurations(text: String, milliseconds: Int64) {
        #expect(DurationText.parse(text) == .milliseconds(milliseconds))
    }

    @Test(arguments: ["", "soon", "-1s", "5 parsecs", "1e99h"])
    func refusesNonDurations(text: String) {
        #expect(DurationText.parse(text) == nil)
    }
}
