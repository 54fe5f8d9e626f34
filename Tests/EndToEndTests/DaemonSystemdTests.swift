import Foundation
import Testing

/// A `NOTIFY_SOCKET` as systemd makes one: a Unix datagram socket the daemon sends to.
final class NotifySocket {
    let path: String
    private let descriptor: Int32
    private(set) var messages: [String] = []

    init(directory: URL) throws {
        path = directory.appendingPathComponent("notify.sock").path
        descriptor = socket(AF_UNIX, Int32(SOCK_DGRAM.rawValue), 0)
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        withUnsafeMutableBytes(of: &address.sun_path) { buffer in
            for (index, byte) in path.utf8.prefix(buffer.count - 1).enumerated() { buffer[index] = byte }
        }
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(descriptor, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) }
        }
        guard descriptor >= 0, bound == 0 else { throw DaemonHarness.Timeout(description: "cannot bind \(path)") }
        _ = fcntl(descriptor, F_SETFL, O_NONBLOCK)
    }

    deinit { close(descriptor); unlink(path) }

    /// Reads every datagram waiting; returns all received so far.
    @discardableResult
    func drain() -> [String] {
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = recv(descriptor, &buffer, buffer.count, 0)
            if count <= 0 { break }
            messages.append(String(decoding: buffer[0..<count], as: UTF8.self))
        }
        return messages
    }

    func received(_ prefix: String) -> Bool {
        drain().contains { message in message.split(separator: "\n").contains { $0.hasPrefix(prefix) } }
    }
}

@Suite(.serialized)
struct DaemonSystemdTests {
    @Test func tellsSystemdReadyStatusWatchdogReloadingAndStopping() throws {
        let daemon = try DaemonHarness()
        let socket = try NotifySocket(directory: daemon.directory)
        try daemon.start(extraEnvironment: ["NOTIFY_SOCKET": socket.path, "WATCHDOG_USEC": "600000"])
        try daemon.waitUntil("READY=1 arrives") { socket.received("READY=1") }
        _ = try daemon.waitForResult(try daemon.drop("one.txt", "one 1 km"))
        try daemon.waitUntil("STATUS= shows the analyzed file") { socket.received("STATUS=0 queued, 0 running, 1 analyzed") }
        try daemon.waitUntil("the watchdog is petted") { socket.received("WATCHDOG=1") }
        daemon.signal(SIGHUP)
        try daemon.waitUntil("RELOADING=1 then READY=1 again") {
            let messages = socket.drain()
            guard let reloading = messages.lastIndex(where: { $0.contains("RELOADING=1") }) else { return false }
            return messages[reloading...].contains { $0.contains("READY=1") } && messages[reloading].contains("MONOTONIC_USEC=")
        }
        #expect(try daemon.stop() == 0)
        #expect(socket.received("STOPPING=1"))
    }

    @Test func aStuckDaemonStopsPettingTheWatchdog() throws {
        // SIGSTOP freezes the work loop; no WATCHDOG=1 may arrive while it is frozen.
        let daemon = try DaemonHarness()
        let socket = try NotifySocket(directory: daemon.directory)
        try daemon.start(extraEnvironment: ["NOTIFY_SOCKET": socket.path, "WATCHDOG_USEC": "300000"])
        try daemon.waitUntil("the watchdog is petted") { socket.received("WATCHDOG=1") }
        daemon.signal(SIGSTOP)
        Thread.sleep(forTimeInterval: 0.2)
        let before = socket.drain().filter { $0.contains("WATCHDOG=1") }.count
        Thread.sleep(forTimeInterval: 0.8)
        #expect(socket.drain().filter { $0.contains("WATCHDOG=1") }.count == before)
        daemon.signal(SIGCONT)
        try daemon.waitUntil("petting resumes") { socket.drain().filter { $0.contains("WATCHDOG=1") }.count > before }
        try daemon.stop()
    }

    @Test func fallsBackToPollingAndSaysSoWhenInotifyIsUnavailable() throws {
        // No inotify instance may be created while the limit is 0, as on a system out of them.
        let setting = "/proc/sys/fs/inotify/max_user_instances"
        let original = try String(contentsOfFile: setting, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)
        let daemon = try DaemonHarness(environment: ["GLOSS_DAEMON_POLL_INTERVAL": "300ms"])
        try Data("0\n".utf8).write(to: URL(fileURLWithPath: setting))
        do {
            defer { try? Data((original + "\n").utf8).write(to: URL(fileURLWithPath: setting)) }
            try daemon.start()
            try daemon.waitUntil("the fallback is logged") { daemon.log.contains("polling every") }
        }
        #expect(daemon.log.contains("message_id=8f1fbe5e33c5434890bc6dcb05ed76e7"))
        let input = try daemon.drop("polled.txt", "found without inotify, 6 km")
        #expect(try daemon.waitForResult(input)["status"] as? String == "ok")
        try daemon.stop()
    }

    @Test func rescansEverythingAfterTheInotifyQueueOverflows() throws {
        // Shrink the kernel's event queue so that a burst overflows it, then restore it.
        let setting = "/proc/sys/fs/inotify/max_queued_events"
        let original = try String(contentsOfFile: setting, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)
        try Data("8\n".utf8).write(to: URL(fileURLWithPath: setting))
        defer { try? Data((original + "\n").utf8).write(to: URL(fileURLWithPath: setting)) }
        let daemon = try DaemonHarness(environment: ["GLOSS_DAEMON_WORKERS": "1"])
        try daemon.start()
        try daemon.waitUntil("the daemon is up") { daemon.log.contains("gloss daemon started") }
        Thread.sleep(forTimeInterval: 0.3)  // the watch is in place once the start is logged; let the first scan finish
        daemon.signal(SIGSTOP)  // nobody reads events while the burst arrives
        var inputs: [URL] = []
        for index in 0..<60 { inputs.append(try daemon.drop("burst\(index).txt", "burst \(index), 2 km")) }
        daemon.signal(SIGCONT)
        try daemon.waitUntil("the overflow is logged") { daemon.log.contains("overflowed") }
        for input in inputs { _ = try daemon.waitForResult(input, timeout: 60) }
        #expect(daemon.log.contains("message_id=1636502f8e6147ea970c2da89feba3d2"))
        try daemon.stop()
    }
}
