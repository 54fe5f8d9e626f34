public import Foundation
internal import GlossCore
internal import GlossHost

/// What the running daemon is doing, as written to `<runtime directory>/status.json` for
/// `gloss status` (and read back from there).
public struct DaemonStatus: Sendable, Equatable {
    public struct Worker: Sendable, Equatable {
        public var pid: Int32
        public var file: String?
    }

    public var pid: Int32
    public var state: String
    public var started: String
    public var updated: String
    public var spools: [String]
    public var watch: String
    public var analyzers: [String]
    public var workers: [Worker]
    public var settling: Int
    public var queued: Int
    public var running: Int
    public var analyzed: Int
    public var partial: Int
    public var failed: Int
    public var upToDate: Int
    /// The latest problems, newest last, at most ten.
    public var recentErrors: [String]

    /// The status file's name inside the runtime directory.
    public static let fileName = "status.json"

    /// `$RUNTIME_DIRECTORY` (set by systemd's `RuntimeDirectory=`), else `/run/gloss`.
    public static func defaultRuntimeDirectory(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        if let directory = environment["RUNTIME_DIRECTORY"]?.split(separator: ":").first { return String(directory) }
        return "/run/gloss"
    }

    var jsonValue: JSONValue {
        .object([
            ("pid", .integer(Int64(pid))), ("state", .string(state)), ("started", .string(started)),
            ("updated", .string(updated)), ("spools", .array(spools.map(JSONValue.string))), ("watch", .string(watch)),
            ("analyzers", .array(analyzers.map(JSONValue.string))),
            ("workers", .array(workers.map { worker in
                .object([("pid", .integer(Int64(worker.pid))), ("file", worker.file.map(JSONValue.string) ?? .null)])
            })),
            ("counts", .object([
                ("settling", .integer(Int64(settling))), ("queued", .integer(Int64(queued))),
                ("running", .integer(Int64(running))), ("analyzed", .integer(Int64(analyzed))),
                ("partial", .integer(Int64(partial))), ("failed", .integer(Int64(failed))),
                ("up_to_date", .integer(Int64(upToDate))),
            ])),
            ("recent_errors", .array(recentErrors.map(JSONValue.string))),
        ])
    }

    /// The one-line summary for systemd's `STATUS=`.
    public var summary: String {
        "\(queued + settling) queued, \(running) running, \(analyzed) analyzed (\(partial) partial, \(failed) failed), \(upToDate) up to date"
    }

    /// Writes the status file atomically (temporary file, rename).
    func write(to directory: String) throws {
        let path = directory + "/" + Self.fileName
        let temporary = directory + "/." + Self.fileName + ".\(getpid()).tmp"
        try Data(jsonValue.serialized()).write(to: URL(fileURLWithPath: temporary))
        guard rename(temporary, path) == 0 else { throw CocoaError(.fileWriteUnknown) }
    }

    /// Reads a status file; `nil` if it is missing or not a status file.
    public static func read(from directory: String) -> [String: Any]? {
        guard let data = FileManager.default.contents(atPath: directory + "/" + fileName) else { return nil }
        return (try? JSONSerialization.jsonObject(with: data)) as? [String: Any]
    }
}
