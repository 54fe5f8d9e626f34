import ArgumentParser
import Foundation
import GlossCore
import GlossHost

struct PluginsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plugins",
        abstract: "List the installed analyzer plugins, or check one you are writing.",
        subcommands: [ListPlugins.self, CheckPlugin.self])
}

struct ListPlugins: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "Show every plugin gloss finds: id, version, ABI, languages, requirements, and why any was refused.",
        discussion: "Exit status: 0 always when the configuration is usable; 3 otherwise.")

    @OptionGroup var options: PluginOptions

    func run() async throws {
        let logger = options.makeLogger()
        let settings = try await options.loadSettings()
        let searchPath = PluginSearchPath(explicitPaths: settings.plugins.paths, includeDefaults: settings.plugins.searchDefaultDirectories)
        let catalog = PluginCatalog(searchPath: searchPath, enabled: settings.enabledAnalyzers)
        let pipeline = DocumentAnalyzer(catalog: catalog, settings: settings, logger: logger)
        print("Searched: " + searchPath.entries.map(\.path).joined(separator: ", "))
        let running = Set(pipeline.analyzers.map(\.id))
        if catalog.plugins.isEmpty { print("No plugin loaded.") }
        for library in catalog.plugins {
            let d = library.descriptor
            print("")
            print("\(d.id) \(d.version)\(running.contains(d.id) ? "" : "  (could not be created, see below)")")
            print("  \(d.description)")
            print("  file:      \(library.path)")
            print("  ABI:       \(d.abiMajor).\(d.abiMinor)\(d.isConcurrent ? ", concurrent" : "")")
            print("  languages: \(d.languages.joined(separator: ", "))")
            print("  emits:     \(d.annotationTypes.joined(separator: ", "))")
            print("  requires:  \(d.requires.isEmpty ? "nothing" : d.requires.joined(separator: ", "))")
            if !d.optionallyReads.isEmpty { print("  reads, when loaded: \(d.optionallyReads.joined(separator: ", "))") }
        }
        let refused = catalog.refused + pipeline.refused
        if !refused.isEmpty {
            print("")
            print("Refused:")
            for error in refused { print("  \(error)") }
        }
        for path in catalog.missingPaths { print("Missing: \(path) does not exist") }
    }
}
