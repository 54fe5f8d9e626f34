import ArgumentParser
import Foundation
import GlossCore
import GlossHost

struct ConfigCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "config",
        abstract: "Work with gloss.yaml.",
        subcommands: [CheckConfig.self])
}

struct CheckConfig: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check a configuration file (with GLOSS_* variables applied) and print the settings in effect.",
        discussion: "Exit status: 0 the configuration is usable; 3 it is not (the message names the key, the value and what is allowed).")

    @Argument(help: ArgumentHelp("The file to check. Default: $GLOSS_CONFIG, else /etc/gloss/gloss.yaml.", valueName: "file"))
    var file: String?

    func run() async throws {
        let loader = SettingsLoader(configurationFile: file)
        let settings: Settings
        do {
            settings = try await loader.load()
        } catch {
            FileHandle.printError("\(error)")
            throw ExitCode(ExitStatus.badConfiguration)
        }
        print("\(loader.resolvedFile ?? "no configuration file (defaults)"): OK")
        print("plugins.paths: \(settings.plugins.paths.isEmpty ? "[]" : settings.plugins.paths.joined(separator: ", "))")
        print("plugins.search_default_directories: \(settings.plugins.searchDefaultDirectories)")
        print("plugins.data_directory: \(settings.plugins.dataDirectory ?? "<prefix>/share/gloss")")
        print("input.maximum_size: \(settings.input.maximumSize)")
        print("input.encoding: \(settings.input.encoding.rawValue)")
        let daemon = settings.daemon
        print("daemon.spools: \(daemon.spools.isEmpty ? "[]" : daemon.spools.joined(separator: ", "))")
        print("daemon.watch: \(daemon.watch.rawValue)")
        print("daemon.poll_interval: \(daemon.pollInterval)")
        print("daemon.rescan_interval: \(daemon.rescanInterval)")
        print("daemon.settle_time: \(daemon.settleTime)")
        print("daemon.exclude: \(daemon.exclude.isEmpty ? "[]" : daemon.exclude.joined(separator: ", "))")
        print("daemon.workers: \(daemon.workers == 0 ? "one per CPU" : String(daemon.workers))")
        print("daemon.time_limit: \(daemon.timeLimit)")
        print("daemon.memory_limit: \(daemon.memoryLimit)")
        print("daemon.shutdown_timeout: \(daemon.shutdownTimeout)")
        print("daemon.runtime_directory: \(daemon.runtimeDirectory ?? "$RUNTIME_DIRECTORY or /run/gloss")")
        print("log.target: \(settings.log.target.rawValue)")
        print("log.level: \(settings.log.level)")
        print("log.identifier: \(settings.log.identifier)")
        print("analyzers.enabled: \(settings.enabledAnalyzers.isEmpty ? "all" : settings.enabledAnalyzers.joined(separator: ", "))")
        for (id, values) in settings.analyzerSettings.sorted(by: { $0.key < $1.key }) {
            for (key, value) in values.sorted(by: { $0.key < $1.key }) {
                print("analyzers.\(id).\(key): \(value)")
            }
        }
    }
}
