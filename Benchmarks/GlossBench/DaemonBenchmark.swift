import Foundation
import Synchronization

/// The real `gloss daemon`, measured from outside: start-up to READY=1, single-file latency,
/// a burst of renames, memory and CPU.
struct DaemonBenchmark {
    var gloss: String
    var corpus: Corpus
    var burstFiles: Int
    var latencyDrops: Int
    var runs: Int
    /// The analyzers the daemon runs (analyzers.enabled): the ones Gloss ships, as installed,
    /// not the example plugins the build directory also holds. Empty: every plugin found.
    var analyzers: [String] = []

    struct Result {
        var burstFiles: Int
        var startupSeconds: Sample
        var latencyMilliseconds: Sample
        var burstSeconds: Sample
        var burstFilesPerSecond: Sample
        var burstMegabytes: Double
        var daemonPeakKiB: Int
        var workerPeakKiB: Int
        var workers: Int
        var cpuSecondsPerMB: Sample
        /// The daemon's own share of `cpuSecondsPerMB` (the rest is the workers').
        var daemonCPUSecondsPerMB: Sample
    }

    /// A running daemon on a fresh spool.
    final class Daemon {
        let process = Process()
        let spool: String
        let runtime: String
        let notify: Int32
        let notifyPath: String
        private let draining = DrainFlag()

        init(gloss: String, workers: Int? = nil, analyzers: [String] = []) throws {
            let base = NSTemporaryDirectory() + "gloss-bench-\(UUID().uuidString)"
            spool = base + "/spool"
            runtime = base + "/run"
            try FileManager.default.createDirectory(atPath: spool, withIntermediateDirectories: true)
            try FileManager.default.createDirectory(atPath: runtime, withIntermediateDirectories: true)
            notifyPath = base + "/notify.sock"
            notify = socket(AF_UNIX, Int32(SOCK_DGRAM.rawValue), 0)
            var address = sockaddr_un()
            address.sun_family = sa_family_t(AF_UNIX)
            withUnsafeMutableBytes(of: &address.sun_path) { buffer in
                for (index, byte) in notifyPath.utf8.prefix(buffer.count - 1).enumerated() { buffer[index] = byte }
            }
            _ = withUnsafePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(notify, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) }
            }
            var timeout = timeval(tv_sec: 0, tv_usec: 1000)
            setsockopt(notify, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
            process.executableURL = URL(fileURLWithPath: gloss)
            let configuration = base + "/gloss.yaml"
            let enabled = analyzers.map { "\"\($0)\"" }.joined(separator: ", ")
            try Data("analyzers:\n  enabled: [\(enabled)]\n".utf8).write(to: URL(fileURLWithPath: configuration))
            process.arguments = ["daemon", "--spool", spool, "--runtime-directory", runtime, "--log-level", "warning", "--config", configuration]
                + (workers.map { ["--workers", String($0)] } ?? [])
            var environment = ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("GLOSS_") }
            environment["NOTIFY_SOCKET"] = notifyPath
            environment["GLOSS_DAEMON_SETTLE_TIME"] = "0ms"
            process.environment = environment
            process.standardOutput = FileHandle.nullDevice
        }

        /// Starts the daemon and returns the seconds until it sent READY=1.
        func start() throws -> Double {
            let started = now()
            try process.run()
            var buffer = [UInt8](repeating: 0, count: 4096)
            while now() - started < 30 {
                let count = recv(notify, &buffer, buffer.count, 0)
                if count > 0, String(decoding: buffer[0..<count], as: UTF8.self).contains("READY=1") {
                    let elapsed = now() - started
                    // Keep reading, as systemd does, so the daemon's status messages never queue up.
                    let socket = notify, draining = self.draining
                    let thread = Thread {
                        var sink = [UInt8](repeating: 0, count: 4096)
                        while draining.isOn { _ = recv(socket, &sink, sink.count, 0) }
                    }
                    thread.start()
                    return elapsed
                }
            }
            throw BenchError(description: "the daemon did not report READY=1 within 30 s")
        }

        var workerPIDs: [Int32] {
            guard let data = FileManager.default.contents(atPath: runtime + "/status.json"),
                  let status = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any] else { return [] }
            return (status["workers"] as? [[String: Any]] ?? []).compactMap { ($0["pid"] as? Int).map(Int32.init) }
        }

        func stop() {
            kill(process.processIdentifier, SIGTERM)
            process.waitUntilExit()
            draining.turnOff()
            usleep(5000)
            close(notify)
            try? FileManager.default.removeItem(atPath: (spool as NSString).deletingLastPathComponent)
        }
    }

    func measure() throws -> Result {
        // Start-up: fresh daemons, READY=1 each time.
        var startups: [Double] = []
        for _ in 0..<runs {
            let daemon = try Daemon(gloss: gloss, analyzers: analyzers)
            startups.append(try daemon.start())
            daemon.stop()
        }

        // Latency: one file at a time into an idle daemon.
        let daemon = try Daemon(gloss: gloss, analyzers: analyzers)
        _ = try daemon.start()
        let sample = corpus.documents.first { $0.bytes > 2000 && $0.bytes < 8000 } ?? corpus.documents[0]
        for index in 0..<5 { _ = try drop(sample.text, name: "warm\(index).txt", into: daemon.spool, wait: true) }
        var latencies: [Double] = []
        for index in 0..<latencyDrops {
            latencies.append(try drop(sample.text, name: "drop\(index).txt", into: daemon.spool, wait: true) * 1000)
            usleep(5000)  // idle between drops
        }

        // Bursts: burstFiles files of ~5 KB renamed in at once.
        let texts = corpus.documents.filter { $0.bytes >= 3000 && $0.bytes <= 8000 }.map(\.text)
        var burstSeconds: [Double] = [], filesPerSecond: [Double] = [], cpuPerMB: [Double] = [], daemonCPUPerMB: [Double] = []
        var megabytes = 0.0
        for run in 0..<runs {
            let staging = (daemon.spool as NSString).deletingLastPathComponent + "/staging\(run)"
            try FileManager.default.createDirectory(atPath: staging, withIntermediateDirectories: true)
            var names: [String] = []
            var bytes = 0
            for index in 0..<burstFiles {
                let text = texts.isEmpty ? sample.text : texts[index % texts.count]
                let name = "burst\(run)-\(index).txt"
                try Data(text.utf8).write(to: URL(fileURLWithPath: staging + "/" + name))
                names.append(name)
                bytes += text.utf8.count
            }
            megabytes = Double(bytes) / 1e6
            let pids = [daemon.process.processIdentifier] + daemon.workerPIDs
            let cpuBefore = pids.compactMap(cpuSeconds(of:)).reduce(0, +)
            let daemonBefore = cpuSeconds(of: daemon.process.processIdentifier) ?? 0
            let start = now()
            for name in names { rename(staging + "/" + name, daemon.spool + "/" + name) }
            var pending = names[...]
            while !pending.isEmpty {
                while let first = pending.first, FileManager.default.fileExists(atPath: daemon.spool + "/" + first + ".gloss.json") {
                    pending = pending.dropFirst()
                }
                if !pending.isEmpty { usleep(20_000) }
                if now() - start > 600 { throw BenchError(description: "the burst did not drain within 10 minutes") }
            }
            let seconds = now() - start
            let cpuAfter = pids.compactMap(cpuSeconds(of:)).reduce(0, +)
            daemonCPUPerMB.append(((cpuSeconds(of: daemon.process.processIdentifier) ?? 0) - daemonBefore) / Double(bytes) * 1e6)
            burstSeconds.append(seconds)
            filesPerSecond.append(Double(burstFiles) / seconds)
            cpuPerMB.append((cpuAfter - cpuBefore) / megabytes)
        }
        let workerPeak = daemon.workerPIDs.compactMap { memory(of: $0)?.peak }.max() ?? 0
        let workers = daemon.workerPIDs.count
        let daemonPeak = memory(of: daemon.process.processIdentifier)?.peak ?? 0
        daemon.stop()
        return Result(burstFiles: burstFiles, startupSeconds: Sample(values: startups), latencyMilliseconds: Sample(values: latencies),
                      burstSeconds: Sample(values: burstSeconds), burstFilesPerSecond: Sample(values: filesPerSecond),
                      burstMegabytes: megabytes, daemonPeakKiB: daemonPeak, workerPeakKiB: workerPeak, workers: workers,
                      cpuSecondsPerMB: Sample(values: cpuPerMB), daemonCPUSecondsPerMB: Sample(values: daemonCPUPerMB))
    }

    /// Renames a file into the spool and, if `wait`, returns the seconds until its result exists.
    private func drop(_ text: String, name: String, into spool: String, wait: Bool) throws -> Double {
        let temporary = spool + "/." + name + ".incoming"
        try Data(text.utf8).write(to: URL(fileURLWithPath: temporary))
        let result = spool + "/" + name + ".gloss.json"
        let start = now()
        rename(temporary, spool + "/" + name)
        guard wait else { return 0 }
        while !FileManager.default.fileExists(atPath: result) {
            if now() - start > 30 { throw BenchError(description: "no result for \(name) within 30 s") }
            usleep(100)
        }
        return now() - start
    }
}

/// A flag the notify-draining thread polls.
final class DrainFlag: Sendable {
    private let on = Mutex(true)
    var isOn: Bool { on.withLock { $0 } }
    func turnOff() { on.withLock { $0 = false } }
}

struct BenchError: Error, CustomStringConvertible {
    var description: String
}
