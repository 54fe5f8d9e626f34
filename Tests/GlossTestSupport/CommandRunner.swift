public import Foundation

/// Runs a program to completion and captures what it printed: the one way the test targets
/// start compilers, scripts and the `gloss` binary.
public enum CommandRunner {
    public struct Output: Sendable, CustomStringConvertible {
        public var command: String
        public var status: Int32
        public var stdout: String
        /// Standard error, or empty when it was merged into `stdout`.
        public var stderr: String

        public var description: String { "\(command) exited with \(status):\n\(stdout)\(stderr)" }
    }

    /// Runs `executable` with `arguments`. `environment` replaces the inherited one when given;
    /// `mergeStandardError` sends stderr into `stdout` (one interleaved stream).
    public static func run(_ executable: String, _ arguments: [String], environment: [String: String]? = nil,
                           in directory: URL? = nil, mergeStandardError: Bool = false) throws -> Output {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        if let environment { process.environment = environment }
        if let directory { process.currentDirectoryURL = directory }
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = mergeStandardError ? out : err
        try process.run()
        // Read both pipes to the end before waiting, so a large output cannot block the child.
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = mergeStandardError ? Data() : err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Output(command: ([executable] + arguments).joined(separator: " "), status: process.terminationStatus,
                      stdout: String(decoding: outData, as: UTF8.self), stderr: String(decoding: errData, as: UTF8.self))
    }
}
