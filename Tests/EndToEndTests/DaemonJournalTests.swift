import Foundation
import GlossTestSupport
import Testing

/// The daemon's log in a real journald (started privately by scripts/private-journald.sh),
/// read back with journalctl.
@Suite(.serialized)
struct DaemonJournalTests {
    private static let script = GlossProcess.repositoryRoot.appendingPathComponent("scripts/private-journald.sh").path

    private func shell(_ arguments: [String]) throws -> (status: Int32, output: String) {
        let result = try CommandRunner.run("/bin/bash", [Self.script] + arguments, mergeStandardError: true)
        return (result.status, result.stdout)
    }

    /// Starts a private journald under `directory/journal` for one test; stop it with `shell(["stop", …])`.
    private func startJournal(in directory: URL) throws -> URL {
        let journal = directory.appendingPathComponent("journal")
        let started = try shell(["start", journal.path])
        try #require(started.status == 0, "cannot start a private journald: \(started.output)")
        return journal
    }

    private func entries(_ journal: URL, identifier: String, atLeast count: Int) throws -> [[String: Any]] {
        let read = try shell(["read", journal.path, identifier, String(count)])
        return read.output.split(separator: "\n").compactMap {
            (try? JSONSerialization.jsonObject(with: Data($0.utf8))) as? [String: Any]
        }
    }

    @Test func logsStructuredEntriesWithStableMessageIDsToJournald() throws {
        let daemon = try DaemonHarness()
        let journal = try startJournal(in: daemon.directory)
        defer { _ = try? shell(["stop", journal.path]) }

        let identifier = "gloss-test-\(UUID().uuidString.prefix(8))"
        let plugins = try daemon.fixturePlugin("crashy", [#"FIXTURE_ID="test.crashy""#, "FIXTURE_CRASH"])
        _ = try daemon.fixturePlugin("future", [#"FIXTURE_ID="test.future""#, "FIXTURE_ABI_MAJOR=2"])
        try daemon.start(extraEnvironment: ["GLOSS_LOG_TARGET": "journal", "GLOSS_LOG_IDENTIFIER": identifier,
                                            "GLOSS_PLUGINS_PATHS": plugins.path])
        let good = try daemon.drop("good.txt", "fine, 3 km")
        let crash = try daemon.drop("crash.txt", "this will crash")
        try Data([0x00, 0xFF]).write(to: daemon.spool.appendingPathComponent("binary.dat"))
        for input in [good, crash, daemon.spool.appendingPathComponent("binary.dat")] { _ = try daemon.waitForResult(input) }
        #expect(try daemon.stop() == 0)

        let all = try entries(journal, identifier: identifier, atLeast: 6)
        func entry(_ messageID: String, file: URL? = nil) -> [String: Any]? {
            all.first { $0["MESSAGE_ID"] as? String == messageID && (file == nil || $0["GLOSS_FILE"] as? String == file!.path) }
        }
        let analyzed = try #require(entry("66ba2eac94d1459e8980354f20392b41", file: good), "no 'file analyzed' entry in \(all)")
        #expect(analyzed["SYSLOG_IDENTIFIER"] as? String == identifier)
        #expect(analyzed["PRIORITY"] as? String == "6")
        #expect(analyzed["GLOSS_STATUS"] as? String == "ok")
        #expect(Double(analyzed["GLOSS_DURATION_MS"] as? String ?? "") != nil)
        #expect((analyzed["MESSAGE"] as? String)?.contains("good.txt") == true)
        #expect((analyzed["CODE_FILE"] as? String)?.hasSuffix(".swift") == true)
        #expect(Int(analyzed["CODE_LINE"] as? String ?? "") != nil)
        #expect(analyzed["CODE_FUNC"] != nil)

        let failed = try #require(entry("7da5e88b03484a40849790f18a034969"), "no 'file failed' entry")
        #expect(failed["GLOSS_STATUS"] as? String == "failed")
        #expect(failed["PRIORITY"] as? String == "4")

        let crashed = try #require(entry("271bd84e13c343a39b52a0abcbf7feee", file: crash), "no 'analyzer failed' entry")
        #expect(crashed["GLOSS_ANALYZER"] as? String == "test.crashy")
        #expect(crashed["GLOSS_STATUS"] as? String == "crashed")
        #expect(crashed["PRIORITY"] as? String == "3")

        let refused = try #require(entry("3c8e2c984df6465cb7d23dbcc37f449c"), "no 'plugin refused' entry")
        #expect((refused["MESSAGE"] as? String)?.contains("ABI 2.1") == true)
        #expect(entry("b3c54fc838234429bb3034d52000fac5") != nil, "no 'daemon started' entry")
        #expect(entry("432c1326020f4616850407d60ce3cdec") != nil, "no 'worker replaced' entry")
        #expect(entry("e595130a4c634e4a82f3bca4ca61d410") != nil, "no 'daemon stopping' entry")
        // What a plugin logs through the host arrives from the worker with the plugin's id.
        #expect(all.contains { $0["GLOSS_ANALYZER"] as? String == "test.crashy" && $0["MESSAGE"] as? String == "fixture: analyzing" })
        // Nothing the daemon sends may pose as a trusted field.
        #expect(all.allSatisfy { entry in entry.keys.filter { $0.hasPrefix("_") && !$0.hasPrefix("__") }.allSatisfy(Self.trustedFields.contains) })
    }

    @Test func usesTheJournalWhenStandardErrorIsConnectedToIt() throws {
        let daemon = try DaemonHarness()
        let journal = try startJournal(in: daemon.directory)
        defer { _ = try? shell(["stop", journal.path]) }
        let identifier = "gloss-test-\(UUID().uuidString.prefix(8))"
        // `run` connects stdout/stderr to the journal and sets JOURNAL_STREAM, as systemd does.
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = [Self.script, "run", identifier, GlossProcess.executable, "daemon", "--spool", daemon.spool.path,
                             "--runtime-directory", daemon.runtimeDirectory.path]
        process.environment = TestLocations.cleanEnvironment(adding: ["GLOSS_LOG_IDENTIFIER": identifier])
        try process.run()
        defer { if process.isRunning { kill(process.processIdentifier, SIGKILL) } }
        let input = try daemon.drop("auto.txt", "journal by itself, 4 km")
        _ = try daemon.waitForResult(input)
        let found = try entries(journal, identifier: identifier, atLeast: 2)
        let analyzed = found.first { $0["MESSAGE_ID"] as? String == "66ba2eac94d1459e8980354f20392b41" }
        #expect(analyzed?["GLOSS_FILE"] as? String == input.path, "\(found)")
        #expect(analyzed?["_TRANSPORT"] as? String == "journal", "structured entries, not stderr lines")
        pkillDaemons(spool: daemon.spool.path)
    }

    private func pkillDaemons(spool: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/pkill")
        process.arguments = ["-TERM", "-f", "gloss daemon --spool \(spool)"]
        try? process.run()
        process.waitUntilExit()
        Thread.sleep(forTimeInterval: 0.5)
    }

    /// Fields journald itself adds to every entry.
    private static let trustedFields: Set<String> = [
        "_PID", "_UID", "_GID", "_COMM", "_EXE", "_CMDLINE", "_CAP_EFFECTIVE", "_AUDIT_SESSION", "_AUDIT_LOGINUID",
        "_SYSTEMD_CGROUP", "_SYSTEMD_SLICE", "_SYSTEMD_UNIT", "_SYSTEMD_USER_UNIT", "_SYSTEMD_OWNER_UID",
        "_SYSTEMD_SESSION", "_SYSTEMD_INVOCATION_ID", "_SELINUX_CONTEXT", "_SOURCE_REALTIME_TIMESTAMP", "_BOOT_ID",
        "_MACHINE_ID", "_HOSTNAME", "_TRANSPORT", "_STREAM_ID", "_LINE_BREAK", "_NAMESPACE", "_RUNTIME_SCOPE",
        "_SOURCE_MONOTONIC_TIMESTAMP",
    ]
}
