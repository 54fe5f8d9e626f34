import Foundation
import GlossTestSupport
import Testing

/// Runs the real `gloss daemon` on temporary spools and observes it from outside.
final class DaemonHarness {
    let directory: URL
    let spool: URL
    let runtimeDirectory: URL
    let logFile: URL
    private(set) var process: Process?
    private var arguments: [String]
    private var environment: [String: String]
    private var launcher: [String]

    /// A fresh spool and runtime directory; `arguments` are added to `gloss daemon`.
    /// `launcher` is a program that execs its arguments (`unshare --net`), run instead of
    /// `gloss` with `gloss daemon …` after its own arguments; the pid stays the daemon's.
    init(arguments: [String] = [], environment: [String: String] = [:], launcher: [String] = []) throws {
        directory = try GlossProcess.temporaryDirectory()
        spool = directory.appendingPathComponent("spool")
        runtimeDirectory = directory.appendingPathComponent("run")
        logFile = directory.appendingPathComponent("daemon.log")
        try FileManager.default.createDirectory(at: spool, withIntermediateDirectories: true)
        self.arguments = arguments
        self.environment = environment
        self.launcher = launcher
    }

    deinit {
        if let process, process.isRunning { kill(process.processIdentifier, SIGKILL) }
    }

    /// Starts the daemon (settle time 200 ms unless the arguments say otherwise).
    func start(extraEnvironment: [String: String] = [:]) throws {
        let process = Process()
        let daemonArguments = ["daemon", "--spool", spool.path, "--runtime-directory", runtimeDirectory.path,
                               "--log-level", "debug"] + arguments
        if let program = launcher.first {
            process.executableURL = URL(fileURLWithPath: program)
            process.arguments = launcher.dropFirst() + [GlossProcess.executable] + daemonArguments
        } else {
            process.executableURL = URL(fileURLWithPath: GlossProcess.executable)
            process.arguments = daemonArguments
        }
        // Nor systemd's: the daemon must not talk to the test runner's own manager or journal.
        var base = TestLocations.cleanEnvironment(adding: ["GLOSS_DAEMON_SETTLE_TIME": "200ms"])
        base["NOTIFY_SOCKET"] = nil
        base["JOURNAL_STREAM"] = nil
        base.merge(environment) { $1 }
        base.merge(extraEnvironment) { $1 }
        process.environment = base
        if !FileManager.default.fileExists(atPath: logFile.path) { _ = FileManager.default.createFile(atPath: logFile.path, contents: nil) }
        let log = try FileHandle(forWritingTo: logFile)
        log.seekToEndOfFile()
        process.standardOutput = log
        process.standardError = log
        try process.run()
        self.process = process
    }

    var log: String { (try? String(contentsOf: logFile, encoding: .utf8)) ?? "" }

    var pid: Int32 { process?.processIdentifier ?? 0 }

    /// Sends `signal` to the daemon.
    func signal(_ signal: Int32) { if let process { kill(process.processIdentifier, signal) } }

    /// SIGTERM, then waits for the exit; returns the exit status.
    @discardableResult
    func stop(timeout: Double = 20) throws -> Int32 {
        guard let process else { return -1 }
        kill(process.processIdentifier, SIGTERM)
        try waitUntil("the daemon exits after SIGTERM", timeout: timeout) { !process.isRunning }
        self.process = nil
        return process.terminationStatus
    }

    /// SIGKILL, like a crash or `kill -9`.
    func killHard() throws {
        guard let process else { return }
        kill(process.processIdentifier, SIGKILL)
        try waitUntil("the daemon dies", timeout: 10) { !process.isRunning }
        self.process = nil
    }

    struct Timeout: Error, CustomStringConvertible { var description: String }

    /// Polls `condition` every 20 ms until it holds, or fails after `timeout` seconds.
    func waitUntil(_ what: String, timeout: Double = 20, _ condition: () throws -> Bool) throws {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if try condition() { return }
            Thread.sleep(forTimeInterval: 0.02)
        }
        throw Timeout(description: "timed out waiting until \(what). Daemon log:\n\(log.suffix(4000))")
    }

    /// Writes `text` into the spool the safe way: a hidden temporary, then a rename.
    @discardableResult
    func drop(_ name: String, _ text: String) throws -> URL {
        let target = spool.appendingPathComponent(name)
        let temporary = target.deletingLastPathComponent().appendingPathComponent(".\(target.lastPathComponent).incoming")
        try Data(text.utf8).write(to: temporary)
        guard rename(temporary.path, target.path) == 0 else { throw Timeout(description: "rename failed") }
        return target
    }

    func resultURL(_ input: URL) -> URL { URL(fileURLWithPath: input.path + ".gloss.json") }

    /// The parsed result of `input`, once it exists.
    func waitForResult(_ input: URL, timeout: Double = 20) throws -> [String: Any] {
        let url = resultURL(input)
        try waitUntil("\(url.lastPathComponent) exists", timeout: timeout) { FileManager.default.fileExists(atPath: url.path) }
        let data = try Data(contentsOf: url)
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    /// The `running` count from the status file the daemon rewrites every second.
    func runningCount() -> Int? {
        guard let data = try? Data(contentsOf: runtimeDirectory.appendingPathComponent("status.json")),
              let status = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any] else { return nil }
        return (status["counts"] as? [String: Int])?["running"]
    }

    func result(_ input: URL) -> [String: Any]? {
        guard let data = try? Data(contentsOf: resultURL(input)) else { return nil }
        return (try? JSONSerialization.jsonObject(with: data)) as? [String: Any]
    }

    /// Every file under the spool, relative paths, sorted.
    func spoolFiles() -> [String] {
        let enumerator = FileManager.default.enumerator(atPath: spool.path)
        var files: [String] = []
        while let path = enumerator?.nextObject() as? String {
            var isDirectory: ObjCBool = false
            let exists = FileManager.default.fileExists(atPath: spool.appendingPathComponent(path).path, isDirectory: &isDirectory)
            if exists, !isDirectory.boolValue { files.append(path) }
        }
        return files.sorted()
    }

    /// Builds a fixture plugin into `<directory>/plugins`, returning that directory.
    func fixturePlugin(_ name: String, _ defines: [String]) throws -> URL {
        let plugins = directory.appendingPathComponent("plugins")
        try FileManager.default.createDirectory(at: plugins, withIntermediateDirectories: true)
        _ = try GlossProcess.buildFixture(name, in: plugins, defines)
        return plugins
    }
}
