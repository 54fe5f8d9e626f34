import ArgumentParser
import Configuration
import Foundation
import GlossCore
import GlossHost
import Logging

/// Options every command that loads plugins shares.
struct PluginOptions: ParsableArguments {
    @Option(name: .customLong("config"), help: ArgumentHelp(
        "The configuration file to read.",
        discussion: "Default: $GLOSS_CONFIG, else /etc/gloss/gloss.yaml if it exists.",
        valueName: "file"))
    var configurationFile: String?

    @Option(name: .customLong("plugin"), help: ArgumentHelp(
        "Also load plugins from this directory or .so file (repeatable); searched first.",
        valueName: "path"))
    var pluginPaths: [String] = []

    @Option(name: .customLong("log-level"), help: ArgumentHelp(
        "How much to log: trace, debug, info, notice, warning, error, critical.",
        discussion: "Default: warning for one-off commands; log.level (info) for the daemon.", valueName: "level"))
    var explicitLogLevel: String?

    var logLevel: String { explicitLogLevel ?? "warning" }

    /// The options a child gloss process needs to see the same configuration and plugins.
    var forwardedArguments: [String] {
        (configurationFile.map { ["--config", $0] } ?? []) + pluginPaths.flatMap { ["--plugin", $0] }
    }

    /// Loads settings, turning a bad configuration into a clean exit with its reason.
    func loadSettings(flags: [String: ConfigContent] = [:]) async throws -> Settings {
        do {
            var settings = try await SettingsLoader(configurationFile: configurationFile, flags: flags).load()
            settings.plugins.paths = pluginPaths + settings.plugins.paths
            return settings
        } catch {
            FileHandle.standardError.write(Data("gloss: \(error)\n".utf8))
            throw ExitCode(ExitStatus.badConfiguration)
        }
    }

    func makeLogger() -> Logger {
        let level = Logger.Level(rawValue: logLevel.lowercased()) ?? .warning
        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = level
            return handler
        }
        return Logger(label: "gloss")
    }

    func validate() throws {
        guard Logger.Level(rawValue: logLevel.lowercased()) != nil else {
            throw ValidationError("--log-level must be one of trace, debug, info, notice, warning, error, critical; got \"\(logLevel)\".")
        }
    }
}

/// Exit statuses shared by the commands, listed in `gloss analyze --help`.
enum ExitStatus {
    static let success: Int32 = 0
    /// At least one input got a `partial` or `failed` result (its result file says why).
    static let someInputsFailed: Int32 = 1
    /// The configuration could not be used, or no analyzer could be loaded.
    static let badConfiguration: Int32 = 3
    /// A result file could not be written.
    static let cannotWrite: Int32 = 4
}

extension FileHandle {
    static func printError(_ message: String) {
        FileHandle.standardError.write(Data("gloss: \(message)\n".utf8))
    }
}
