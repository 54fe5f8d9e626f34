import Foundation
import GlossTestSupport
import Testing

/// Where the packaging files and the built `gloss` are, and how the packaging tests run tools.
enum PackagingFixture {
    static var repositoryRoot: URL { TestLocations.repositoryRoot }

    static func packaging(_ path: String) -> String { repositoryRoot.appendingPathComponent("packaging/" + path).path }

    /// The build directory holding `gloss` and the plugins (the one this test runner was built into).
    static var buildDirectory: URL { TestLocations.buildDirectory }

    static func temporaryDirectory() throws -> URL {
        try TestLocations.temporaryDirectory(prefix: "gloss-packaging")
    }

    /// Runs a tool found on PATH, without GLOSS_* variables from the caller's environment.
    static func run(_ tool: String, _ arguments: [String], environment: [String: String] = [:],
                    in directory: URL? = nil, mergeStandardError: Bool = false) throws -> CommandRunner.Output {
        try CommandRunner.run("/usr/bin/env", [tool] + arguments, environment: TestLocations.cleanEnvironment(adding: environment),
                              in: directory, mergeStandardError: mergeStandardError)
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
