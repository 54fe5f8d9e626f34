internal import Foundation
public import GlossCore
internal import SystemPackage

/// Writes result files atomically beside their input.
///
/// The result goes to a temporary file in the same directory (`.<name>.gloss.json.<pid>.<n>.tmp`,
/// a name the spool watcher ignores), is flushed with `fsync`, renamed over the final name,
/// and the directory is synced, so a reader sees either the old result, or the complete new one.
public struct ResultWriter: Sendable {
    /// The suffix that turns an input name into its result's name.
    public static let resultSuffix = ".gloss.json"

    public init() {}

    /// The result path for `inputPath`: `a.txt` → `a.txt.gloss.json`.
    public static func resultPath(forInput inputPath: String) -> String { inputPath + resultSuffix }

    /// Writes `result` as the result of `inputPath`; throws the `Errno` of a failed syscall.
    @discardableResult
    public func write(_ result: AnalysisResult, forInput inputPath: String) throws -> String {
        try write(serialized: result.serialized(), forInput: inputPath)
    }

    /// Writes already serialized result bytes (from a worker process) for `inputPath`.
    @discardableResult
    public func write(serialized bytes: [UInt8], forInput inputPath: String) throws -> String {
        let target = FilePath(Self.resultPath(forInput: inputPath))
        let directory = target.removingLastComponent()
        let name = target.lastComponent?.string ?? "result"
        let temporary = directory.appending(".\(name).\(getpid()).\(UInt32.random(in: 0...UInt32.max)).tmp")
        let descriptor = try FileDescriptor.open(
            temporary, .writeOnly, options: [.create, .exclusiveCreate, .closeOnExec],
            permissions: [.ownerReadWrite, .groupRead, .otherRead])
        do {
            try descriptor.closeAfter {
                _ = try descriptor.writeAll(bytes)
                try Self.retrying { fsync(descriptor.rawValue) }
            }
            try Self.retrying { rename(temporary.string, target.string) }
        } catch {
            _ = unlink(temporary.string)
            throw error
        }
        // The rename is durable only once the directory entry is on disk.
        if let directoryDescriptor = try? FileDescriptor.open(directory.isEmpty ? "." : directory, .readOnly, options: [.directory, .closeOnExec]) {
            _ = fsync(directoryDescriptor.rawValue)
            try? directoryDescriptor.close()
        }
        return target.string
    }

    private static func retrying(_ call: () -> Int32) throws {
        while call() != 0 {
            let error = Errno(rawValue: errno)
            if error != .interrupted { throw error }
        }
    }
}
