import Foundation
import GlossTestSupport
import Testing

/// Plugins are someone else's code: the daemon contains them. Plus reload, stop, status.
@Suite(.serialized)
struct DaemonSupervisionTests {
    private func analyzer(_ result: [String: Any], _ id: String) -> [String: Any]? {
        (result["analyzers"] as? [[String: Any]])?.first { $0["id"] as? String == id }
    }

    @Test func crashingHangingAndGreedyPluginsCostOnlyTheirOwnAnnotations() throws {
        let daemon = try DaemonHarness(environment: ["GLOSS_DAEMON_TIME_LIMIT": "5s", "GLOSS_DAEMON_MEMORY_LIMIT": "300MiB",
                                                     "GLOSS_DAEMON_WORKERS": "2"])
        let plugins = try daemon.fixturePlugin("crashy", [#"FIXTURE_ID="test.crashy""#, "FIXTURE_CRASH"])
        _ = try daemon.fixturePlugin("hangs", [#"FIXTURE_ID="test.hangs""#, "FIXTURE_HANG"])
        _ = try daemon.fixturePlugin("greedy", [#"FIXTURE_ID="test.greedy""#, "FIXTURE_GREEDY"])
        try daemon.start(extraEnvironment: ["GLOSS_PLUGINS_PATHS": plugins.path])
        var inputs: [(URL, String?)] = []
        for index in 0..<12 {
            let trigger: String? = [3: "crash", 6: "hang", 9: "greedy"][index]
            let text = "document \(index) runs 130 km" + (trigger.map { " and will \($0)" } ?? "")
            inputs.append((try daemon.drop("doc\(index).txt", text), trigger))
        }
        let culprits = ["crash": ("test.crashy", "crashed"), "hang": ("test.hangs", "timed_out"), "greedy": ("test.greedy", "out_of_memory")]
        for (input, trigger) in inputs {
            let result = try daemon.waitForResult(input, timeout: 60)
            if let trigger, let (id, status) = culprits[trigger] {
                #expect(result["status"] as? String == "partial", "\(input.lastPathComponent)")
                #expect(analyzer(result, id)?["status"] as? String == status, "\(input.lastPathComponent): \(result)")
                #expect((analyzer(result, id)?["error"] as? [String: Any])?["message"] as? String != nil)
                // The other analyzers' annotations are all there.
                let annotations = result["annotations"] as? [[String: Any]] ?? []
                #expect(annotations.contains { $0["analyzer"] as? String == "gloss.example.units" && $0["text"] as? String == "130 km" })
                #expect(!annotations.contains { $0["analyzer"] as? String == id })
                let others = culprits.values.map(\.0).filter { $0 != id }
                for other in others { #expect(annotations.contains { $0["analyzer"] as? String == other }, "\(other) missing") }
            } else {
                #expect(result["status"] as? String == "ok", "\(input.lastPathComponent): \(result)")
            }
        }
        // Each culprit was tried once: no retry loop.
        for (trigger, (id, _)) in culprits {
            let file = inputs.first { $0.1 == trigger }!.0.path
            let failures = daemon.log.split(separator: "\n").filter { $0.contains("analyzer=\(id)") && $0.contains("file=\(file)") }
            #expect(failures.count == 1, "\(id) on \(file): \(failures)")
        }
        // And the daemon keeps going.
        let after = try daemon.drop("after.txt", "still alive, 1 km")
        #expect(try daemon.waitForResult(after)["status"] as? String == "ok")
        #expect(try daemon.stop() == 0)
    }

    /// A crash is reported as a crash even when the time limit is shorter than the Swift
    /// runtime's backtracer takes to symbolicate (about 0.4 s here, seconds on a busy machine):
    /// workers run without it, so the verdict cannot depend on the machine's load.
    @Test func aCrashIsACrashEvenUnderATightTimeLimit() throws {
        let daemon = try DaemonHarness(environment: ["GLOSS_DAEMON_TIME_LIMIT": "250ms", "GLOSS_DAEMON_WORKERS": "1"])
        let plugins = try daemon.fixturePlugin("crashy", [#"FIXTURE_ID="test.crashy""#, "FIXTURE_CRASH"])
        try daemon.start(extraEnvironment: ["GLOSS_PLUGINS_PATHS": plugins.path])
        for index in 0..<3 {
            let result = try daemon.waitForResult(try daemon.drop("crash\(index).txt", "this one will crash"), timeout: 60)
            #expect(analyzer(result, "test.crashy")?["status"] as? String == "crashed", "\(result)")
        }
        #expect(try daemon.stop() == 0)
    }

    /// A plugin that forks a child holding the worker's pipes, then crashes: the verdict
    /// comes when the worker dies, not when the child lets go, and the child dies with it.
    @Test func aChildLeftBehindByACrashingPluginNeitherDelaysTheResultNorSurvives() throws {
        let daemon = try DaemonHarness(environment: ["GLOSS_DAEMON_WORKERS": "1"])
        let pidFile = try GlossProcess.temporaryDirectory().appendingPathComponent("child.pid")
        let plugins = try daemon.fixturePlugin("forky", [#"FIXTURE_ID="test.forky""#, "FIXTURE_FORK_PIDFILE=\"\(pidFile.path)\""])
        try daemon.start(extraEnvironment: ["GLOSS_PLUGINS_PATHS": plugins.path])
        let result = try daemon.waitForResult(try daemon.drop("fork.txt", "this one will fork and crash"), timeout: 30)
        #expect(analyzer(result, "test.forky")?["status"] as? String == "crashed", "\(result)")
        let child = try GlossProcess.childPID(in: pidFile)
        try daemon.waitUntil("the plugin's child is gone") { GlossProcess.isGone(child) }
        #expect(try daemon.stop() == 0)
    }

    /// Workers the daemon retires (at start, on reload) or replaces (after a crash) are reaped
    /// even where Foundation cannot watch child processes: without a loopback interface or IP
    /// sockets (gloss.service: PrivateNetwork=yes, RestrictAddressFamilies=AF_UNIX) it cannot
    /// make its CFSocket wakeup pair, and workers started with Foundation's Process stayed
    /// zombies. `unshare --net` gives the daemon a network namespace whose loopback is down.
    @Test(.enabled(if: getuid() == 0, "unshare --net needs root"))
    func retiredAndReplacedWorkersLeaveNoZombiesEvenWithoutALoopbackInterface() throws {
        let daemon = try DaemonHarness(environment: ["GLOSS_DAEMON_WORKERS": "1"], launcher: ["/usr/bin/unshare", "--net"])
        let plugins = try daemon.fixturePlugin("crashy", [#"FIXTURE_ID="test.crashy""#, "FIXTURE_CRASH"])
        try daemon.start(extraEnvironment: ["GLOSS_PLUGINS_PATHS": plugins.path])
        for index in 0..<2 {
            let result = try daemon.waitForResult(try daemon.drop("crash\(index).txt", "this one will crash"), timeout: 60)
            #expect(analyzer(result, "test.crashy")?["status"] as? String == "crashed", "\(result)")
        }
        daemon.signal(SIGHUP)
        try daemon.waitUntil("the reload is done") { daemon.log.contains("Configuration reloaded") }
        let after = try daemon.waitForResult(try daemon.drop("after.txt", "still alive, 1 km"), timeout: 60)
        #expect(after["status"] as? String == "ok", "\(after)")
        // The probe worker, two crashed ones and the one the reload retired: none may linger.
        try daemon.waitUntil("no child of the daemon is a zombie", timeout: 10) { GlossProcess.zombieChildren(of: daemon.pid).isEmpty }
        #expect(try daemon.stop() == 0)
    }

    @Test func reloadAppliesANewConfigurationAndKeepsTheOldOneWhenTheNewIsInvalid() throws {
        let config = try GlossProcess.temporaryDirectory().appendingPathComponent("gloss.yaml")
        try Data("analyzers:\n  enabled: [gloss.example.units, gloss.example.sentences]\n".utf8).write(to: config)
        let daemon = try DaemonHarness(arguments: ["--config", config.path])
        try daemon.start()
        let before = try daemon.waitForResult(try daemon.drop("before.txt", "First sentence, 5 km. Second one."))
        #expect((before["analyzers"] as? [[String: Any]])?.count == 2)

        try Data("analyzers:\n  enabled: [gloss.example.units]\n".utf8).write(to: config)
        daemon.signal(SIGHUP)
        try daemon.waitUntil("the reload is logged") { daemon.log.contains("Configuration reloaded") }
        let after = try daemon.waitForResult(try daemon.drop("after.txt", "Only units now, 5 km. Really."))
        #expect((after["analyzers"] as? [[String: Any]])?.compactMap { $0["id"] as? String } == ["gloss.example.units"])

        try Data("input:\n  maximum_size: enormous\n".utf8).write(to: config)
        daemon.signal(SIGHUP)
        try daemon.waitUntil("the refusal is logged") { daemon.log.contains("The new configuration was refused") }
        #expect(daemon.log.contains("input.maximum_size"))
        // The refusal names the file the operator edited, not the daemon's private copy of it.
        let refusal = daemon.log.split(separator: "\n").first { $0.contains("The new configuration was refused") } ?? ""
        #expect(refusal.contains("(from \(config.path))") && !refusal.contains("gloss-2.yaml"), "\(refusal)")
        let still = try daemon.waitForResult(try daemon.drop("still.txt", "Still running, 8 km."))
        #expect((still["analyzers"] as? [[String: Any]])?.compactMap { $0["id"] as? String } == ["gloss.example.units"])
        #expect(try daemon.stop() == 0)
    }

    @Test func aReloadLetsRunningWorkFinishOnTheOldPlugins() throws {
        let config = try GlossProcess.temporaryDirectory().appendingPathComponent("gloss.yaml")
        let daemon = try DaemonHarness(arguments: ["--config", config.path], environment: ["GLOSS_DAEMON_WORKERS": "2"])
        let plugins = try daemon.fixturePlugin("slow", [#"FIXTURE_ID="test.slow""#, "FIXTURE_SLOW"])
        try Data("plugins:\n  paths: [\(plugins.path)]\n".utf8).write(to: config)
        try daemon.start()
        let slow = try daemon.drop("slow.txt", "slow under the old configuration")
        try daemon.waitUntil("the slow analysis is running") { daemon.runningCount() == 1 }
        try Data("plugins:\n  paths: [\(plugins.path)]\nanalyzers:\n  enabled: [gloss.example.units]\n".utf8).write(to: config)
        daemon.signal(SIGHUP)
        try daemon.waitUntil("the reload is logged") { daemon.log.contains("Configuration reloaded") }
        let quick = try daemon.waitForResult(try daemon.drop("quick.txt", "new configuration, 2 km"))
        #expect((quick["analyzers"] as? [[String: Any]])?.compactMap { $0["id"] as? String } == ["gloss.example.units"])
        let finished = try daemon.waitForResult(slow)
        let ids = (finished["analyzers"] as? [[String: Any]])?.compactMap { $0["id"] as? String } ?? []
        #expect(ids.contains("test.slow"), "the running analysis was not finished on the old plugin set: \(ids)")
        #expect(try daemon.stop() == 0)
    }

    @Test func sigtermLetsRunningWorkFinishThenExitsZero() throws {
        let daemon = try DaemonHarness()
        let plugins = try daemon.fixturePlugin("slow", [#"FIXTURE_ID="test.slow""#, "FIXTURE_SLOW"])
        try daemon.start(extraEnvironment: ["GLOSS_PLUGINS_PATHS": plugins.path])
        let input = try daemon.drop("slow.txt", "this one is slow")
        try daemon.waitUntil("the slow analysis is running") { daemon.runningCount() == 1 }
        let status = try daemon.stop()
        #expect(status == 0)
        #expect(daemon.result(input)?["status"] as? String == "ok", "the running analysis was not allowed to finish:\n\(daemon.log)")
    }

    @Test func anAbandonedFileIsPickedUpAtTheNextStart() throws {
        let daemon = try DaemonHarness(environment: ["GLOSS_DAEMON_SHUTDOWN_TIMEOUT": "200ms"])
        let plugins = try daemon.fixturePlugin("slow", [#"FIXTURE_ID="test.slow""#, "FIXTURE_SLOW"])
        try daemon.start(extraEnvironment: ["GLOSS_PLUGINS_PATHS": plugins.path])
        let input = try daemon.drop("slow.txt", "slow again")
        try daemon.waitUntil("the slow analysis is running") { daemon.runningCount() == 1 }
        #expect(try daemon.stop() == 0)
        #expect(daemon.result(input) == nil, "the deadline should have abandoned the file")
        try daemon.start(extraEnvironment: ["GLOSS_PLUGINS_PATHS": plugins.path])
        #expect(try daemon.waitForResult(input)["status"] as? String == "ok")
        try daemon.stop()
    }

    @Test func statusShowsQueueWorkersAndCounts() throws {
        let daemon = try DaemonHarness(environment: ["GLOSS_DAEMON_WORKERS": "1"])
        try daemon.start()
        _ = try daemon.waitForResult(try daemon.drop("one.txt", "one 1 km"))
        try Data([0x00, 0x01, 0x02]).write(to: daemon.spool.appendingPathComponent("binary.dat"))
        _ = try daemon.waitForResult(daemon.spool.appendingPathComponent("binary.dat"))
        try daemon.waitUntil("the status file shows the counts") {
            let run = try GlossProcess.run(["status", "--runtime-directory", daemon.runtimeDirectory.path])
            return run.stdout.contains("2 analyzed (0 partial, 1 failed)")
        }
        let run = try GlossProcess.run(["status", "--runtime-directory", daemon.runtimeDirectory.path])
        #expect(run.status == 0)
        #expect(run.stdout.contains("running"))
        #expect(run.stdout.contains(daemon.spool.path))
        #expect(run.stdout.contains("worker "))
        #expect(run.stdout.contains("binary.dat: not_text"))
        if getuid() == 0 {
            // Another user (the daemon runs as gloss under systemd, `gloss status` as anyone).
            let other = try CommandRunner.run("/usr/bin/setpriv", ["--reuid=65534", "--regid=65534", "--clear-groups",
                                                                   GlossProcess.executable, "status", "--runtime-directory", daemon.runtimeDirectory.path])
            #expect(other.status == 0 && other.stdout.contains(": running"), "\(other)")
        }
        try daemon.stop()
        let stopped = try GlossProcess.run(["status", "--runtime-directory", daemon.runtimeDirectory.path])
        #expect(stopped.status == 1)
        #expect(stopped.stdout.contains("not running"))
    }

    @Test func refusesToStartWithoutASpoolOrWithAMissingOne() throws {
        let none = try GlossProcess.run(["daemon"])
        #expect(none.status == 3)
        #expect(none.stderr.contains("--spool"))
        let missing = try GlossProcess.run(["daemon", "--spool", "/nonexistent/gloss-spool"])
        #expect(missing.status == 3)
        #expect(missing.stderr.contains("/nonexistent/gloss-spool"))
    }
}
