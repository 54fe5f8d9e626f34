import Foundation
import Testing

@Suite(.serialized)
struct PluginsCommandTests {
    @Test func listShowsTheExamplesAndWhyABrokenPluginWasRefused() throws {
        let directory = try GlossProcess.temporaryDirectory()
        let broken = try GlossProcess.buildFixture("broken", in: directory, ["FIXTURE_ABI_MAJOR=2"])
        let run = try GlossProcess.run(["plugins", "list", "--plugin", directory.path])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("gloss.example.units 1.0.0"))
        #expect(run.stdout.contains("gloss.example.sentences 1.0.0"))
        #expect(run.stdout.contains("languages: ar, en"))
        #expect(run.stdout.contains(broken))
        #expect(run.stdout.contains("ABI 2.1"))
    }

    @Test func checkPassesTheExamplePlugins() throws {
        for name in ["libgloss-example-units.so", "libgloss-example-sentences.so"] {
            let run = try GlossProcess.run(["plugins", "check", GlossProcess.buildDirectory.appendingPathComponent(name).path])
            #expect(run.status == 0, "\(run.stdout)\(run.stderr)")
            #expect(run.stdout.contains("PASS"))
        }
    }

    @Test func checkReportsACrashInsteadOfSufferingIt() throws {
        let directory = try GlossProcess.temporaryDirectory()
        let plugin = try GlossProcess.buildFixture("crashy", in: directory, [#"FIXTURE_ID="test.crashy""#, "FIXTURE_CRASH"])
        let sample = directory.appendingPathComponent("trigger.txt")
        try Data("this will crash".utf8).write(to: sample)
        let run = try GlossProcess.run(["plugins", "check", plugin, "--sample", sample.path])
        #expect(run.status == 1)
        #expect(run.stdout.contains("crashed (signal 11"), "\(run.stdout)")
        #expect(run.stdout.contains("trigger.txt"))
    }

    /// A plugin that leaves a child holding the check's pipes, then crashes: the check sees
    /// the crash (not a hang), and the child does not outlive it.
    @Test func checkSeesACrashEvenWhenTheCrashingPluginLeftAChildBehind() throws {
        let directory = try GlossProcess.temporaryDirectory()
        let pidFile = directory.appendingPathComponent("child.pid")
        let plugin = try GlossProcess.buildFixture("forky", in: directory, [#"FIXTURE_ID="test.forky""#, "FIXTURE_FORK_PIDFILE=\"\(pidFile.path)\""])
        let sample = directory.appendingPathComponent("trigger.txt")
        try Data("this will fork and crash".utf8).write(to: sample)
        let run = try GlossProcess.run(["plugins", "check", plugin, "--sample", sample.path, "--timeout", "30"])
        #expect(run.status == 1)
        #expect(run.stdout.contains("crashed (signal 11"), "\(run.stdout)")
        let child = try GlossProcess.childPID(in: pidFile)
        // It was killed; give the kernel a moment to finish its exit (its descriptors close
        // before it becomes a zombie).
        let deadline = Date().addingTimeInterval(5)
        while !GlossProcess.isGone(child) && Date() < deadline { Thread.sleep(forTimeInterval: 0.02) }
        #expect(GlossProcess.isGone(child), "the plugin's child \(child) still runs")
    }

    @Test func checkReportsAHangAfterTheTimeout() throws {
        let directory = try GlossProcess.temporaryDirectory()
        let plugin = try GlossProcess.buildFixture("hangs", in: directory, [#"FIXTURE_ID="test.hangs""#, "FIXTURE_HANG"])
        let sample = directory.appendingPathComponent("trigger.txt")
        try Data("this will hang".utf8).write(to: sample)
        let run = try GlossProcess.run(["plugins", "check", plugin, "--sample", sample.path, "--timeout", "3"])
        #expect(run.status == 1)
        #expect(run.stdout.contains("did not finish within 3 s"), "\(run.stdout)")
    }

    @Test func checkFailsAPluginThatEndsTheProcessItself() throws {
        let directory = try GlossProcess.temporaryDirectory()
        let plugin = try GlossProcess.buildFixture("exits", in: directory, [#"FIXTURE_ID="test.exits""#, "FIXTURE_EXIT"])
        let sample = directory.appendingPathComponent("trigger.txt")
        try Data("this will exit quietly".utf8).write(to: sample)
        let run = try GlossProcess.run(["plugins", "check", plugin, "--sample", sample.path])
        #expect(run.status == 1)
        #expect(run.stdout.contains("exit status 0"), "\(run.stdout)")
        #expect(!run.stdout.contains("PASS"))
    }

    @Test func checkReportsInvalidAnnotationsAndRefusals() throws {
        let directory = try GlossProcess.temporaryDirectory()
        let sloppy = try GlossProcess.buildFixture("sloppy", in: directory, [#"FIXTURE_ID="test.sloppy""#, "FIXTURE_EMIT_INVALID"])
        let run = try GlossProcess.run(["plugins", "check", sloppy])
        #expect(run.status == 1)
        #expect(run.stdout.contains("invalid annotation dropped"))
        let noEntry = try GlossProcess.buildFixture("no-entry", in: directory, ["FIXTURE_NO_ENTRY"])
        let refused = try GlossProcess.run(["plugins", "check", noEntry])
        #expect(refused.status == 1)
        #expect(refused.stdout.contains("gloss_plugin_entry"))
    }
}
