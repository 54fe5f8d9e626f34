public import Foundation

/// Where the test targets find the repository, the built `gloss` and its plugins, and where
/// they make scratch directories: one answer for every target.
public enum TestLocations {
    /// The repository root (this file is Tests/GlossTestSupport/TestLocations.swift).
    public static let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    /// The build directory: where the test runner, `gloss` and the plugins are.
    public static let buildDirectory: URL = {
        let runner = URL(fileURLWithPath: (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0])
        var directory = runner.deletingLastPathComponent()
        while directory.path != "/", !FileManager.default.fileExists(atPath: directory.appendingPathComponent("gloss").path) {
            directory = directory.deletingLastPathComponent()
        }
        return directory
    }()

    /// A fresh, empty directory for one test, named `<prefix>-<uuid>` in the temporary directory.
    public static func temporaryDirectory(prefix: String) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("\(prefix)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// This process's environment without GLOSS_* variables (none may leak in from the
    /// developer's shell), plus `additions`.
    public static func cleanEnvironment(adding additions: [String: String] = [:]) -> [String: String] {
        var base = ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("GLOSS_") }
        base.merge(additions) { $1 }
        return base
    }
}
