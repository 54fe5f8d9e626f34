internal import CSystemd
public import Foundation
public import Logging

/// A swift-log handler that writes structured entries to journald with `sd_journal_sendv`.
///
/// Each entry carries `MESSAGE`, `PRIORITY`, `SYSLOG_IDENTIFIER`, `CODE_FILE`, `CODE_LINE`,
/// `CODE_FUNC`, and one field per metadata key: the key upper-cased, dots and dashes turned
/// into `_`, prefixed `GLOSS_` (`file` → `GLOSS_FILE`, `duration_ms` → `GLOSS_DURATION_MS`).
/// The metadata key `message_id` becomes journald's own `MESSAGE_ID`. Keys that would not
/// make a valid journal field name are dropped; nothing starting with `_` is ever sent
/// (journald reserves those for trusted fields).
public struct JournaldLogHandler: LogHandler {
    public var metadata: Logger.Metadata = [:]
    public var logLevel: Logger.Level = .info
    public let identifier: String
    private let label: String

    public init(label: String, identifier: String) {
        self.label = label
        self.identifier = identifier
    }

    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    public func log(event: LogEvent) {
        var fields: [String] = [
            "MESSAGE=\(event.message)",
            "PRIORITY=\(Self.priority(event.level))",
            "SYSLOG_IDENTIFIER=\(identifier)",
            "CODE_FILE=\(event.file)",
            "CODE_LINE=\(event.line)",
            "CODE_FUNC=\(event.function)",
            "GLOSS_LOGGER=\(label)",
        ]
        let merged = metadata.merging(event.metadata ?? [:]) { $1 }
        for (key, value) in merged.sorted(by: { $0.key < $1.key }) {
            if key == "message_id" {
                fields.append("MESSAGE_ID=\(value)")
            } else if let name = Self.fieldName(forMetadataKey: key) {
                fields.append("\(name)=\(value)")
            }
        }
        Self.send(fields)
    }

    /// `GLOSS_` + the key upper-cased with `.`/`-` → `_`; `nil` for keys that cannot form a
    /// valid journal field name (letters, digits and `_` only, not starting with `_`).
    public static func fieldName(forMetadataKey key: String) -> String? {
        guard !key.isEmpty, !key.hasPrefix("_") else { return nil }
        var name = "GLOSS_"
        for scalar in key.unicodeScalars {
            switch scalar {
            case "a"..."z": name.unicodeScalars.append(Unicode.Scalar(scalar.value - 32)!)
            case "A"..."Z", "0"..."9", "_": name.unicodeScalars.append(scalar)
            case ".", "-": name.append("_")
            default: return nil
            }
        }
        return name.utf8.count <= 64 ? name : nil
    }

    static func priority(_ level: Logger.Level) -> Int {
        switch level {
        case .trace, .debug: 7
        case .info: 6
        case .notice: 5
        case .warning: 4
        case .error: 3
        case .critical: 2
        }
    }

    private static func send(_ fields: [String]) {
        // sd_journal_sendv takes field=value buffers that need not be NUL-terminated, so
        // values may hold newlines; strdup gives each a stable address for the call.
        let copies = fields.compactMap { strdup($0) }
        defer { copies.forEach { free($0) } }
        let vectors = copies.map { iovec(iov_base: UnsafeMutableRawPointer($0), iov_len: strlen($0)) }
        _ = vectors.withUnsafeBufferPointer { sd_journal_sendv($0.baseAddress, Int32($0.count)) }
    }

    /// Whether standard error is connected to the journal: `JOURNAL_STREAM` (set by systemd
    /// for services whose output goes to the journal) names the device and inode of stderr.
    public static func standardErrorIsJournal(environment: [String: String] = ProcessInfo.processInfo.environment) -> Bool {
        guard let stream = environment["JOURNAL_STREAM"] else { return false }
        let parts = stream.split(separator: ":")
        guard parts.count == 2, let device = UInt64(parts[0]), let inode = UInt64(parts[1]) else { return false }
        var status = stat()
        guard fstat(STDERR_FILENO, &status) == 0 else { return false }
        return UInt64(status.st_dev) == device && UInt64(status.st_ino) == inode
    }
}
