import Foundation

/// Runs the real `gloss` binary that `swift build` put beside the test bundle.
struct GlossProcess {
    static let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    /// The build directory: where the test runner, `gloss` and the example plugins are.
    static let buildDirectory: URL = {
        let runner = URL(fileURLWithPath: (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0])
        var directory = runner.deletingLastPathComponent()
        while directory.path != "/", !FileManager.default.fileExists(atPath: directory.appendingPathComponent("gloss").path) {
            directory = directory.deletingLastPathComponent()
        }
        return directory
    }()

    static var executable: String { buildDirectory.appendingPathComponent("gloss").path }

    struct Output {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// Runs `gloss arguments…` with `environment` added to a clean environment
    /// (no GLOSS_* variables leak in from the developer's shell).
    static func run(_ arguments: [String], environment: [String: String] = [:], in directory: URL? = nil) throws -> Output {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        var base = ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("GLOSS_") }
        base.merge(environment) { $1 }
        process.environment = base
        if let directory { process.currentDirectoryURL = directory }
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        // Read both pipes to the end before waiting, so a large output cannot block the child.
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Output(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
                      stderr: String(decoding: errData, as: UTF8.self))
    }

    /// A fresh, empty directory for one test.
    static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("gloss-e2e-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// Validates result files against schemas/gloss.result-1.schema.json with the
    /// jsonschema package (installed by .ci/run); `text` also checks every span's text.
    static func validate(_ results: [String], text: String? = nil) throws -> Output {
        let script = repositoryRoot.appendingPathComponent("scripts/validate-result.py").path
        let schema = repositoryRoot.appendingPathComponent("schemas/gloss.result-1.schema.json").path
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", script, schema] + results + (text.map { ["--text", $0] } ?? [])
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Output(status: process.terminationStatus, stdout: String(decoding: data, as: UTF8.self), stderr: "")
    }

    /// Compiles the host tests' fixture plugin with `defines` into `directory/name.so`.
    static func buildFixture(_ name: String, in directory: URL, _ defines: [String]) throws -> String {
        let output = directory.appendingPathComponent(name + ".so").path
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/cc")
        process.arguments = ["-std=c11", "-Wall", "-Wextra", "-shared", "-fPIC", "-fvisibility=hidden",
                             "-I", repositoryRoot.appendingPathComponent("Sources/GlossPluginABI/include").path]
            + defines.map { "-D" + $0 }
            + ["-o", output, repositoryRoot.appendingPathComponent("Tests/GlossHostTests/Fixtures/fixture_plugin.c").path]
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw CocoaError(.fileWriteUnknown) }
        return output
    }
}
