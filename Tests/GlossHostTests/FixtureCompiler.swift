import Foundation
import GlossTestSupport

/// Builds real plugin `.so` files from C sources with the system compiler, as a plugin
/// author would, into a fresh temporary directory per test.
struct FixtureCompiler {
    static let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
    static let includeDirectory = repositoryRoot.appendingPathComponent("Sources/GlossPluginABI/include").path
    static let fixtureSource = repositoryRoot.appendingPathComponent("Tests/GlossHostTests/Fixtures/fixture_plugin.c").path

    let directory: URL

    init() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("gloss-host-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    /// Compiles the fixture plugin with `defines` (e.g. `FIXTURE_ID="\"a.b\""`) into `<name>.so`.
    func fixture(_ name: String, _ defines: [String] = []) throws -> String {
        try compile(source: Self.fixtureSource, output: name + ".so", extra: defines.map { "-D" + $0 })
    }

    /// Runs `cc -std=c11 -Wall -Wextra -Werror -shared -fPIC -fvisibility=hidden …`.
    func compile(source: String, output: String, extra: [String] = []) throws -> String {
        let path = directory.appendingPathComponent(output).path
        let arguments = ["-std=c11", "-Wall", "-Wextra", "-Werror", "-shared", "-fPIC", "-fvisibility=hidden",
                         "-I", Self.includeDirectory] + extra + ["-o", path, source]
        try Self.run("/usr/bin/cc", arguments)
        return path
    }

    struct CommandFailed: Error, CustomStringConvertible {
        var description: String
    }

    /// Runs a command; its output on success, a `CommandFailed` with everything it printed otherwise.
    @discardableResult
    static func run(_ executable: String, _ arguments: [String]) throws -> String {
        let output = try CommandRunner.run(executable, arguments, mergeStandardError: true)
        guard output.status == 0 else { throw CommandFailed(description: output.description) }
        return output.stdout
    }
}
