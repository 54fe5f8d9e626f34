internal import Foundation

/// Where Gloss looks for plugins, in order: paths given on the command line or in the
/// configuration (a directory, or one `.so` file), then the running executable's directory
/// (`libgloss-*.so` only, so a build tree works without installing), then
/// `<prefix>/lib/gloss/plugins` where the executable is `<prefix>/bin/gloss`.
public struct PluginSearchPath: Sendable, Equatable {
    public struct Entry: Sendable, Equatable {
        public var path: String
        /// Only file names matching `libgloss-*.so` are plugins here (the build tree).
        public var requiresGlossPrefix: Bool
        /// Named on the command line or in the configuration, rather than a default place.
        public var isExplicit: Bool
    }

    public var entries: [Entry]

    public init(explicitPaths: [String], includeDefaults: Bool, executablePath: String? = PluginSearchPath.currentExecutable()) {
        entries = explicitPaths.map { Entry(path: Self.absolute($0), requiresGlossPrefix: false, isExplicit: true) }
        guard includeDefaults, let executablePath else { return }
        let binary = URL(fileURLWithPath: executablePath).resolvingSymlinksInPath()
        let directory = binary.deletingLastPathComponent()
        entries.append(Entry(path: directory.path, requiresGlossPrefix: true, isExplicit: false))
        // An installed gloss lives in <prefix>/bin; a build tree has no prefix.
        if directory.lastPathComponent == "bin" {
            entries.append(Entry(path: directory.deletingLastPathComponent().appendingPathComponent("lib/gloss/plugins").path,
                                 requiresGlossPrefix: false, isExplicit: false))
        }
    }

    /// `<prefix>/share/gloss`, the default root of the plugins' data directories.
    public static func defaultDataRoot(executablePath: String? = currentExecutable()) -> String? {
        guard let executablePath else { return nil }
        let directory = URL(fileURLWithPath: executablePath).resolvingSymlinksInPath().deletingLastPathComponent()
        return prefix(ofExecutableIn: directory).appendingPathComponent("share/gloss").path
    }

    /// The plugin files to try, in search order, each listed once (by resolved path).
    /// Directories that do not exist are skipped; an explicit path that does not exist is
    /// reported in `missing`.
    public func pluginFiles() -> (files: [String], missing: [String]) {
        var files: [String] = [], missing: [String] = [], seen = Set<String>()
        let fileManager = FileManager.default
        for entry in entries {
            var isDirectory: ObjCBool = false
            guard fileManager.fileExists(atPath: entry.path, isDirectory: &isDirectory) else {
                // Default directories may well not exist; a path someone named must.
                if entry.isExplicit { missing.append(entry.path) }
                continue
            }
            let candidates: [String]
            if isDirectory.boolValue {
                let names = (try? fileManager.contentsOfDirectory(atPath: entry.path)) ?? []
                candidates = names.filter { name in
                    name.hasSuffix(".so") && !name.hasPrefix(".") && (!entry.requiresGlossPrefix || name.hasPrefix("libgloss-"))
                }.sorted().map { entry.path + "/" + $0 }
            } else {
                candidates = [entry.path]
            }
            for file in candidates {
                let resolved = URL(fileURLWithPath: file).resolvingSymlinksInPath().path
                if seen.insert(resolved).inserted { files.append(resolved) }
            }
        }
        return (files, missing)
    }

    public static func currentExecutable() -> String? {
        (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments.first
    }

    private static func prefix(ofExecutableIn directory: URL) -> URL {
        directory.lastPathComponent == "bin" ? directory.deletingLastPathComponent() : directory
    }

    private static func absolute(_ path: String) -> String {
        path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
    }
}
