internal import CSystemd
internal import Foundation

/// Talks to the service manager through `sd_notify`: readiness, status, watchdog, reload
/// and stop. Every call is a no-op when `NOTIFY_SOCKET` is not set (not run by systemd).
public struct SystemdNotifier: Sendable {
    public init() {}

    /// The watchdog interval systemd expects pings within (`WatchdogSec=`), if enabled.
    public var watchdogInterval: Duration? {
        var microseconds: UInt64 = 0
        guard sd_watchdog_enabled(0, &microseconds) > 0, microseconds > 0 else { return nil }
        return .microseconds(Int64(microseconds))
    }

    public func ready(status: String) { send("READY=1\nSTATUS=\(status)") }
    public func status(_ text: String) { send("STATUS=\(text)") }
    public func watchdog() { send("WATCHDOG=1") }

    /// Announces a reload, as `Type=notify-reload` wants: `RELOADING=1` with the
    /// monotonic time; send `ready(status:)` when it is done.
    public func reloading() {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        let microseconds = UInt64(time.tv_sec) * 1_000_000 + UInt64(time.tv_nsec) / 1000
        send("RELOADING=1\nMONOTONIC_USEC=\(microseconds)")
    }

    public func stopping() { send("STOPPING=1") }

    private func send(_ state: String) {
        _ = sd_notify(0, state)
    }
}
