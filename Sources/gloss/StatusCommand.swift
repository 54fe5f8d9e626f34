import ArgumentParser
import Foundation
import GlossDaemon

struct StatusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "Show what the running gloss daemon is doing: queue, workers, counts, recent errors.",
        discussion: """
            Reads the status file the daemon rewrites every second in its runtime directory \
            ($RUNTIME_DIRECTORY under systemd, else /run/gloss, or daemon.runtime_directory).

            Exit status: 0 a daemon is running; 1 no status file, or its daemon is gone.
            """)

    @Option(help: ArgumentHelp("The daemon's runtime directory.", valueName: "dir"))
    var runtimeDirectory: String?

    @Flag(help: "Print the status file as JSON.")
    var json = false

    func run() throws {
        let directory = runtimeDirectory ?? DaemonStatus.defaultRuntimeDirectory()
        guard let status = DaemonStatus.read(from: directory) else {
            print("No gloss daemon status in \(directory). Is the daemon running? (Its runtime directory can be set with --runtime-directory.)")
            throw ExitCode(1)
        }
        let pid = (status["pid"] as? Int).map(Int32.init) ?? 0
        // kill(pid, 0) fails with EPERM for another user's process (the service runs as gloss,
        // its operators and submitters do not): it exists all the same.
        let alive = pid > 0 && (kill(pid, 0) == 0 || errno == EPERM)
        if json {
            let data = try JSONSerialization.data(withJSONObject: status, options: [.prettyPrinted, .sortedKeys])
            print(String(decoding: data, as: UTF8.self))
        } else {
            let counts = status["counts"] as? [String: Int] ?? [:]
            print("gloss daemon, pid \(pid): \(alive ? (status["state"] as? String ?? "?") : "not running (last seen \(status["updated"] as? String ?? "?"))")")
            print("  since:     \(status["started"] as? String ?? "?")")
            print("  spools:    \((status["spools"] as? [String] ?? []).joined(separator: ", ")) (\(status["watch"] as? String ?? "?"))")
            print("  analyzers: \((status["analyzers"] as? [String] ?? []).joined(separator: ", "))")
            print("  queue:     \(counts["queued", default: 0]) queued, \(counts["settling", default: 0]) settling, \(counts["running", default: 0]) running")
            print("  done:      \(counts["analyzed", default: 0]) analyzed (\(counts["partial", default: 0]) partial, \(counts["failed", default: 0]) failed), \(counts["up_to_date", default: 0]) already up to date")
            for worker in status["workers"] as? [[String: Any]] ?? [] {
                print("  worker \(worker["pid"] as? Int ?? 0): \(worker["file"] as? String ?? "idle")")
            }
            let errors = status["recent_errors"] as? [String] ?? []
            if !errors.isEmpty {
                print("  recent errors:")
                for error in errors { print("    \(error)") }
            }
        }
        if !alive { throw ExitCode(1) }
    }
}
