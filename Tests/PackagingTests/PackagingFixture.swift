import Foundation
import GlossTestSupport
import Testing

/// Where the packaging files and the built `gloss` are, and how the packaging tests run tools.
enum PackagingFixture {
    static let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    static func packaging(_ path: String) -> String { repositoryRoot.appendingPathComponent("packaging/" + path).path }

    /// The build directory holding `gloss` and the plugins (the one this test runner was built into).
    static let buildDirectory: URL = {
        let runner = URL(fileURLWithPath: (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0])
        var directory = runner.deletingLastPathComponent()
        while directory.path != "/", !FileManager.default.fileExists(atPath: directory.appendingPathComponent("gloss").path) {
            directory = directory.deletingLastPathComponent()
        }
        return directory
    }()

    static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("gloss-packaging-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// Runs a tool found on PATH, without GLOSS_* variables from the caller's environment.
    static func run(_ tool: String, _ arguments: [String], environment: [String: String] = [:],
                    in directory: URL? = nil, mergeStandardError: Bool = false) throws -> CommandRunner.Output {
        var base = ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("GLOSS_") }
        base.merge(environment) { $1 }
        return try CommandRunner.run("/usr/bin/env", [tool] + arguments, environment: base, in: directory,
                                     mergeStandardError: mergeStandardError)
    }

    /// A directory with man1/gloss.1 and man5/gloss.yaml.5, for MANPATH.
    static func manualDirectory(in directory: URL) throws -> URL {
        let manual = directory.appendingPathComponent("man")
        for (section, page) in [("man1", "gloss.1"), ("man5", "gloss.yaml.5")] {
            let target = manual.appendingPathComponent(section)
            try FileManager.default.createDirectory(at: target, withIntermediateDirectories: true)
            try FileManager.default.copyItem(atPath: packaging("man/" + page), toPath: target.appendingPathComponent(page).path)
        }
        return manual
    }
}
