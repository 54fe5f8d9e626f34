import Foundation
import Testing
import GlossTestSupport

/// Runs the real `gloss` binary that `swift build` put beside the test bundle.
struct GlossProcess {
    static var repositoryRoot: URL { TestLocations.repositoryRoot }

    /// The build directory: where the test runner, `gloss` and the example plugins are.
    static var buildDirectory: URL { TestLocations.buildDirectory }

    static var executable: String { buildDirectory.appendingPathComponent("gloss").path }

    typealias Output = CommandRunner.Output

    /// Runs `gloss arguments…` with `environment` added to a clean environment
    /// (no GLOSS_* variables leak in from the developer's shell).
    static func run(_ arguments: [String], environment: [String: String] = [:], in directory: URL? = nil) throws -> Output {
        try CommandRunner.run(executable, arguments, environment: TestLocations.cleanEnvironment(adding: environment), in: directory)
    }

    /// The pid a forking fixture plugin wrote (FIXTURE_FORK_PIDFILE).
    static func childPID(in file: URL) throws -> Int32 {
        let text = String(decoding: try Data(contentsOf: file), as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        return try #require(Int32(text), "no pid in \(file.path)")
    }

    /// Whether process `pid` is gone: no longer in /proc, or a zombie nobody has reaped yet.
    static func isGone(_ pid: Int32) -> Bool {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8) else { return true }
        return stat.split(separator: ")").last?.split(separator: " ").first == "Z"
    }

    /// The children of `parent` that ended and were not reaped (zombies), from /proc.
    static func zombieChildren(of parent: Int32) -> [Int32] {
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
        return entries.compactMap(Int32.init).filter { pid in
            // /proc/<pid>/stat: "pid (comm) state ppid …"; comm may hold spaces and parentheses.
            guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
                  let fields = stat.split(separator: ")").last?.split(separator: " "), fields.count > 1 else { return false }
            return fields[0] == "Z" && Int32(fields[1]) == parent
        }
    }

    /// A fresh, empty directory for one test.
    static func temporaryDirectory() throws -> URL {
        try TestLocations.temporaryDirectory(prefix: "gloss-e2e")
    }

    /// Validates result files against schemas/gloss.result-1.schema.json with the
    /// jsonschema package (installed by .ci/run); `text` also checks every span's text.
    static func validate(_ results: [String], text: String? = nil) throws -> Output {
        let script = repositoryRoot.appendingPathComponent("scripts/validate-result.py").path
        let schema = repositoryRoot.appendingPathComponent("schemas/gloss.result-1.schema.json").path
        return try CommandRunner.run("/usr/bin/env", ["python3", script, schema] + results + (text.map { ["--text", $0] } ?? []),
                                     mergeStandardError: true)
    }

    /// Compiles the host tests' fixture plugin with `defines` into `directory/name.so`.
    static func buildFixture(_ name: String, in directory: URL, _ defines: [String]) throws -> String {
        let output = directory.appendingPathComponent(name + ".so").path
        let arguments = ["-std=c11", "-Wall", "-Wextra", "-shared", "-fPIC", "-fvisibility=hidden",
                         "-I", repositoryRoot.appendingPathComponent("Sources/GlossPluginABI/include").path]
            + defines.map { "-D" + $0 }
            + ["-o", output, repositoryRoot.appendingPathComponent("Tests/GlossHostTests/Fixtures/fixture_plugin.c").path]
        let compiled = try CommandRunner.run("/usr/bin/cc", arguments, mergeStandardError: true)
        guard compiled.status == 0 else { throw DaemonHarness.Timeout(description: compiled.description) }
        return output
    }
}
