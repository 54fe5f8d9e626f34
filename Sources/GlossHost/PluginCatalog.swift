internal import Foundation
internal import GlossCore

/// The plugins found on a search path: the ones that loaded, in run order, and the ones
/// refused, each with its reason. One refused plugin never stops the others from loading.
public struct PluginCatalog: Sendable {
    /// Loaded and ordered so that every plugin comes after the plugins it requires.
    public let plugins: [PluginLibrary]
    public let refused: [PluginLoadError]
    /// Explicitly named paths that do not exist.
    public let missingPaths: [String]

    /// Opens every plugin file on `searchPath`, checks it, drops duplicates, and orders
    /// the rest by their requirements. `enabled`, when not empty, keeps only those ids
    /// (and refuses the others with code `not_enabled`).
    public init(searchPath: PluginSearchPath, enabled: [String] = []) {
        let (files, missing) = searchPath.pluginFiles()
        var refused: [PluginLoadError] = []
        var byID: [String: PluginLibrary] = [:]
        var order: [String] = []
        for file in files {
            let library: PluginLibrary
            do { library = try PluginLibrary(path: file) } catch {
                refused.append(error)
                continue
            }
            let id = library.descriptor.id
            if let first = byID[id] {
                refused.append(PluginLoadError(code: .duplicateID, path: file, pluginID: id, reason: "a plugin with the same id was already loaded from \(first.path). Remove one of the two files, or give one plugin another id."))
                continue
            }
            byID[id] = library
            order.append(id)
        }
        if !enabled.isEmpty {
            // Enabling an analyzer enables what it requires.
            var wanted = Set<String>()
            var pending = enabled
            while let id = pending.popLast() {
                guard wanted.insert(id).inserted else { continue }
                pending.append(contentsOf: byID[id]?.descriptor.requires ?? [])
            }
            for id in order where !wanted.contains(id) {
                let library = byID.removeValue(forKey: id)!
                refused.append(PluginLoadError(code: .notEnabled, path: library.path, pluginID: id, reason: "it is not among the enabled analyzers (\(enabled.joined(separator: ", "))). Add it to analyzers.enabled in gloss.yaml or pass --analyzer \(id) to run it."))
            }
            order.removeAll { byID[$0] == nil }
        }
        // Optional requirements order the plugins like required ones when they are loaded and
        // not refused themselves; a refused one is simply left out.
        let requiredOnly = DependencyOrder.resolve(byID.mapValues(\.descriptor.requires))
        let outcome = DependencyOrder.resolve(byID.mapValues { library in
            library.descriptor.requires
                + library.descriptor.optionallyReads.filter { byID[$0] != nil && requiredOnly.refused[$0] == nil }
        })
        for id in order {
            guard let refusal = outcome.refused[id], let library = byID[id] else { continue }
            let code: PluginLoadError.Code = refusal.kind == .cycle ? .dependencyCycle : .missingRequirement
            refused.append(PluginLoadError(code: code, path: library.path, pluginID: id, reason: refusal.reason + "."))
        }
        plugins = outcome.order.map { byID[$0]! }
        self.refused = refused
        missingPaths = missing
    }
}
