internal import CSystemd
internal import Dispatch
internal import Foundation
internal import Synchronization

/// Talks to the service manager through `sd_notify`: readiness, status, watchdog, reload
/// and stop. Every call is a no-op when `NOTIFY_SOCKET` is not set (not run by systemd).
///
/// `sd_notify` writes to a datagram socket and blocks while the receiver's queue is full
/// (`net.unix.max_dgram_qlen`, often 10 messages). So messages go out from a serial queue
/// of their own, never from the caller's thread: a slow or absent reader can delay them but
/// never stall the daemon's work. Status and watchdog messages are dropped while more than
/// `maximumPending` wait; readiness, reload and stop messages are always kept.
public final class SystemdNotifier: Sendable {
    private let queue = DispatchQueue(label: "gloss.sd-notify")
    private let pending = Mutex(0)
    private static let maximumPending = 64

    public init() {}

    /// The watchdog interval systemd expects pings within (`WatchdogSec=`), if enabled.
    public var watchdogInterval: Duration? {
        var microseconds: UInt64 = 0
        guard sd_watchdog_enabled(0, &microseconds) > 0, microseconds > 0 else { return nil }
        return .microseconds(Int64(microseconds))
    }

    public func ready(status: String) { send("READY=1\nSTATUS=\(status)", droppable: false) }
    public func status(_ text: String) { send("STATUS=\(text)", droppable: true) }
    public func watchdog() { send("WATCHDOG=1", droppable: true) }

    /// Announces a reload, as `Type=notify-reload` wants: `RELOADING=1` with the
    /// monotonic time; send `ready(status:)` when it is done.
    public func reloading() {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        let microseconds = UInt64(time.tv_sec) * 1_000_000 + UInt64(time.tv_nsec) / 1000
        send("RELOADING=1\nMONOTONIC_USEC=\(microseconds)", droppable: false)
    }

    public func stopping() { send("STOPPING=1", droppable: false) }

    /// Waits until every message queued so far was handed to the socket (or `timeout` passed).
    public func flush(timeout: Duration = .seconds(1)) {
        let done = DispatchSemaphore(value: 0)
        queue.async { done.signal() }
        _ = done.wait(timeout: .now() + .milliseconds(Int(timeout.components.seconds * 1000)))
    }

    private func send(_ state: String, droppable: Bool) {
        let accepted = pending.withLock { count -> Bool in
            if droppable, count >= Self.maximumPending { return false }
            count += 1
            return true
        }
        guard accepted else { return }
        queue.async { [self] in
            _ = sd_notify(0, state)
            pending.withLock { $0 -= 1 }
        }
    }
}
