public import Logging

/// Stable journald `MESSAGE_ID`s, one per kind of event. Never change or reuse one: tools
/// and the message catalog (packaging/) match on them.
public enum MessageID: String, Sendable, CaseIterable {
    case daemonStarted = "b3c54fc838234429bb3034d52000fac5"
    case daemonStopping = "e595130a4c634e4a82f3bca4ca61d410"
    case fileAnalyzed = "66ba2eac94d1459e8980354f20392b41"
    case fileFailed = "7da5e88b03484a40849790f18a034969"
    /// An analyzer crashed, hung past the time limit, or ran out of memory on a file.
    case analyzerFailed = "271bd84e13c343a39b52a0abcbf7feee"
    case pluginRefused = "3c8e2c984df6465cb7d23dbcc37f449c"
    case configurationReloaded = "2b599afbda2249799fbf3802198b8f84"
    case configurationRejected = "aa54db87901b47e2810d38719edb53ce"
    case rescanAfterOverflow = "1636502f8e6147ea970c2da89feba3d2"
    /// inotify is unavailable for a spool; the daemon polls it instead.
    case watchFallback = "8f1fbe5e33c5434890bc6dcb05ed76e7"
    case workerReplaced = "432c1326020f4616850407d60ce3cdec"

    /// Metadata that tags a log entry with this id (`message_id` → journald `MESSAGE_ID`).
    public var metadata: Logger.Metadata { ["message_id": .string(rawValue)] }
}
