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
        print("analyzers.enabled: \(settings.enabledAnalyzers.isEmpty ? "all" : settings.enabledAnalyzers.joined(separator: ", "))")
        for (id, values) in settings.analyzerSettings.sorted(by: { $0.key < $1.key }) {
            for (key, value) in values.sorted(by: { $0.key < $1.key }) {
                print("analyzers.\(id).\(key): \(value)")
            }
        }
    }
}
