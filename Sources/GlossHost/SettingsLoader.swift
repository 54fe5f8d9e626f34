public import Configuration
public import Foundation
public import GlossCore
internal import SystemPackage

/// Reads ``Settings`` through swift-configuration from three layers: command-line flags
/// (highest), `GLOSS_*` environment variables, and `gloss.yaml` (lowest).
///
/// Environment names are the key in upper case with `_` between parts:
/// `input.maximum_size` ↔ `GLOSS_INPUT_MAXIMUM_SIZE`. Every value is checked; a bad one
/// throws ``SettingsError`` naming the key, the value, where it came from, and what is allowed.
public struct SettingsLoader: Sendable {
    /// The configuration file used when none is named: `/etc/gloss/gloss.yaml`.
    public static let defaultConfigurationFile = "/etc/gloss/gloss.yaml"

    /// Keys gloss.yaml may hold outside `analyzers.<plugin id>`, with what each accepts.
    static let knownKeys: [String: String] = [
        "plugins.paths": "a list of directories or .so files",
        "plugins.search_default_directories": "true or false",
        "plugins.data_directory": "an absolute directory path",
        "input.maximum_size": "a size such as 16777216, 512KiB, 16MiB or 1GiB (at least 1 byte)",
        "input.encoding": "one of auto, none, windows-1256, iso-8859-6",
        "analyzers.enabled": "a list of plugin ids (vendor.name)",
        "daemon.spools": "a list of spool directories",
        "daemon.watch": "one of inotify, poll",
        "daemon.poll_interval": "a duration such as 500ms, 2s or 1m (more than 0)",
        "daemon.rescan_interval": "a duration such as 30s, 5m or 1h (more than 0)",
        "daemon.settle_time": "a duration such as 200ms or 1s",
        "daemon.exclude": "a list of shell globs such as *.csv or drafts/*",
        "daemon.workers": "a whole number of worker processes, 0 for one per CPU (at most 256)",
        "daemon.time_limit": "a duration such as 30s or 2m (more than 0)",
        "daemon.memory_limit": "a size such as 512MiB or 2GiB (at least 16MiB)",
        "daemon.shutdown_timeout": "a duration such as 10s",
        "daemon.runtime_directory": "an absolute directory path",
        "log.target": "one of auto, journal, stderr",
        "log.level": "one of trace, debug, info, notice, warning, error, critical",
        "log.identifier": "a syslog identifier (letters, digits, '-', '_', '.')",
    ]

    /// The file to read; `nil` reads `defaultConfigurationFile` if it exists.
    public var configurationFile: String?
    public var environment: [String: String]
    /// Values given as flags, by key (`input.encoding`), winning over everything else.
    public var flags: [String: ConfigContent]

    public init(configurationFile: String?, environment: [String: String] = ProcessInfo.processInfo.environment,
                flags: [String: ConfigContent] = [:]) {
        self.configurationFile = configurationFile
        self.environment = environment
        self.flags = flags
    }

    /// What went wrong loading settings: a bad file, or a bad value.
    public enum LoadError: Error, CustomStringConvertible, Sendable {
        case file(path: String, reason: String)
        case value(SettingsError)
        case unknownKey(path: String, key: String, suggestion: String)

        public var description: String {
            switch self {
            case .file(let path, let reason): "Cannot use the configuration file \(path): \(reason)"
            case .value(let error): error.description
            case .unknownKey(let path, let key, let suggestion): "\(path): unknown key \(key). \(suggestion)"
            }
        }
    }

    /// The path actually read, if any.
    public var resolvedFile: String? {
        let named = configurationFile ?? environment["GLOSS_CONFIG"]
        if let named { return named }
        return FileManager.default.fileExists(atPath: Self.defaultConfigurationFile) ? Self.defaultConfigurationFile : nil
    }

    public func load() async throws(LoadError) -> Settings {
        var providers: [any ConfigProvider] = []
        var flagValues: [AbsoluteConfigKey: ConfigValue] = [:]
        for (key, content) in flags {
            flagValues[AbsoluteConfigKey(key.split(separator: ".").map(String.init))] = ConfigValue(content, isSecret: false)
        }
        providers.append(InMemoryProvider(name: "command line", values: flagValues))
        providers.append(EnvironmentVariablesProvider(environmentVariables: environment).prefixKeys(with: "gloss"))

        var tree = YAMLTree.map([:])
        let path = resolvedFile
        if let path {
            guard FileManager.default.isReadableFile(atPath: path) else {
                throw .file(path: path, reason: FileManager.default.fileExists(atPath: path)
                    ? "it is not readable by this user. Fix its permissions."
                    : "it does not exist. Create it (see packaging/gloss.yaml for every option) or name another file with --config.")
            }
            switch Self.kind(of: path) {
            case .directory:
                throw .file(path: path, reason: "it is a directory. Name the YAML file itself, for example \(Self.defaultConfigurationFile).")
            case .other:
                throw .file(path: path, reason: "it is not a regular file. Name a YAML file (or /dev/null for the defaults).")
            case .empty:
                // /dev/null or an empty file: no settings, so every default (the YAML reader
                // would call an empty file unreadable).
                try checkKeys(tree, path: path)
                return try settings(from: ConfigReader(providers: providers), tree: tree, path: path)
            case .file:
                break
            }
            do {
                let provider = try await FileProvider<YAMLSettingsSnapshot>(filePath: FilePath(path))
                if let snapshot = provider.snapshot() as? YAMLSettingsSnapshot { tree = snapshot.tree }
                providers.append(provider)
            } catch {
                throw .file(path: path, reason: "it is not valid YAML: \(error)")
            }
        }
        try checkKeys(tree, path: path ?? "configuration")
        let reader = ConfigReader(providers: providers)
        return try settings(from: reader, tree: tree, path: path)
    }

    private enum FileKind { case file, empty, directory, other }

    /// What `path` is: a file with content, nothing to read (/dev/null, an empty file), a
    /// directory, or something else (a device, a FIFO).
    private static func kind(of path: String) -> FileKind {
        var info = stat()
        guard stat(path, &info) == 0 else { return .other }
        switch info.st_mode & S_IFMT {
        case S_IFREG: return info.st_size == 0 ? .empty : .file
        case S_IFDIR: return .directory
        case S_IFCHR: return URL(fileURLWithPath: path).resolvingSymlinksInPath().path == "/dev/null" ? .empty : .other
        default: return .other
        }
    }

    private func checkKeys(_ tree: YAMLTree, path: String) throws(LoadError) {
        guard case .map(let top) = tree else {
            throw .file(path: path, reason: "its top level must be a mapping of sections (plugins, input, analyzers, daemon, log).")
        }
        let sections = Set(Self.knownKeys.keys.map { String($0.split(separator: ".")[0]) })
        for (section, value) in top.sorted(by: { $0.key < $1.key }) {
            guard sections.contains(section) else {
                throw .unknownKey(path: path, key: section, suggestion: "Known sections are \(sections.sorted().joined(separator: ", ")).")
            }
            guard case .map(let members) = value else {
                throw .value(SettingsError(key: section, value: "\(value)", allowed: "a mapping of keys", source: path))
            }
            for key in members.keys.sorted() {
                let full = "\(section).\(key)"
                if section == "analyzers", Identifiers.isValidPluginID(key) { continue }
                guard Self.knownKeys[full] != nil else {
                    let known = Self.knownKeys.keys.filter { $0.hasPrefix(section + ".") }.sorted()
                    var hint = "Known keys under \(section) are \(known.joined(separator: ", "))."
                    if section == "analyzers" { hint += " Per-analyzer settings go under analyzers.<plugin id>, for example analyzers.gloss.date." }
                    throw .unknownKey(path: path, key: full, suggestion: hint)
                }
            }
        }
    }

    private func settings(from reader: ConfigReader, tree: YAMLTree, path: String?) throws(LoadError) -> Settings {
        var settings = Settings()
        func source(_ key: String) -> String {
            let parts = key.split(separator: ".").map(String.init)
            if flags[key] != nil { return "command line" }
            let variable = "GLOSS_" + parts.joined(separator: "_").uppercased()
            if environment[variable] != nil { return "environment variable \(variable)" }
            return path ?? "defaults"
        }
        func text(_ key: String) -> String? {
            reader.string(forKey: ConfigKey(key.split(separator: ".").map(String.init)))
        }
        func list(_ key: String) throws(LoadError) -> [String]? {
            let configKey = ConfigKey(key.split(separator: ".").map(String.init))
            if let values = reader.stringArray(forKey: configKey) { return values }
            if let single = reader.string(forKey: configKey) {
                // A scalar where a list belongs: an empty value means an empty list.
                if single.isEmpty { return [] }
                return single.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
            }
            return nil
        }
        func bad(_ key: String, _ value: String) -> LoadError {
            .value(SettingsError(key: key, value: value, allowed: Self.knownKeys[key] ?? "", source: source(key)))
        }

        if let paths = try list("plugins.paths") { settings.plugins.paths = paths.filter { !$0.isEmpty } }
        if let value = text("plugins.search_default_directories") {
            switch value.lowercased() {
            case "true", "yes", "1": settings.plugins.searchDefaultDirectories = true
            case "false", "no", "0": settings.plugins.searchDefaultDirectories = false
            default: throw bad("plugins.search_default_directories", value)
            }
        }
        if let value = text("plugins.data_directory") {
            guard value.hasPrefix("/") else { throw bad("plugins.data_directory", value) }
            settings.plugins.dataDirectory = value
        }
        if let value = text("input.maximum_size") {
            guard let size = ByteSize.parse(value), size > 0 else { throw bad("input.maximum_size", value) }
            settings.input.maximumSize = size
        }
        if let value = text("input.encoding") {
            guard let choice = LegacyEncodingChoice(rawValue: value.lowercased()) else { throw bad("input.encoding", value) }
            settings.input.encoding = choice
        }
        if let ids = try list("analyzers.enabled") {
            if let wrong = ids.first(where: { !Identifiers.isValidPluginID($0) }) { throw bad("analyzers.enabled", wrong) }
            settings.enabledAnalyzers = ids
        }

        if let spools = try list("daemon.spools") { settings.daemon.spools = spools.filter { !$0.isEmpty } }
        if let value = text("daemon.watch") {
            guard let mode = Settings.Daemon.WatchMode(rawValue: value.lowercased()) else { throw bad("daemon.watch", value) }
            settings.daemon.watch = mode
        }
        func duration(_ key: String, allowZero: Bool) throws(LoadError) -> Duration? {
            guard let value = text(key) else { return nil }
            guard let parsed = DurationText.parse(value), allowZero || parsed > .zero else { throw bad(key, value) }
            return parsed
        }
        if let value = try duration("daemon.poll_interval", allowZero: false) { settings.daemon.pollInterval = value }
        if let value = try duration("daemon.rescan_interval", allowZero: false) { settings.daemon.rescanInterval = value }
        if let value = try duration("daemon.settle_time", allowZero: true) { settings.daemon.settleTime = value }
        if let value = try duration("daemon.time_limit", allowZero: false) { settings.daemon.timeLimit = value }
        if let value = try duration("daemon.shutdown_timeout", allowZero: true) { settings.daemon.shutdownTimeout = value }
        if let globs = try list("daemon.exclude") { settings.daemon.exclude = globs.filter { !$0.isEmpty } }
        if let value = text("daemon.workers") {
            guard let count = Int(value), (0...256).contains(count) else { throw bad("daemon.workers", value) }
            settings.daemon.workers = count
        }
        if let value = text("daemon.memory_limit") {
            guard let size = ByteSize.parse(value), size >= 16 * 1024 * 1024 else { throw bad("daemon.memory_limit", value) }
            settings.daemon.memoryLimit = size
        }
        if let value = text("daemon.runtime_directory") {
            guard value.hasPrefix("/") else { throw bad("daemon.runtime_directory", value) }
            settings.daemon.runtimeDirectory = value
        }
        if let value = text("log.target") {
            guard let target = Settings.Log.Target(rawValue: value.lowercased()) else { throw bad("log.target", value) }
            settings.log.target = target
        }
        if let value = text("log.level") {
            guard ["trace", "debug", "info", "notice", "warning", "error", "critical"].contains(value.lowercased()) else { throw bad("log.level", value) }
            settings.log.level = value.lowercased()
        }
        if let value = text("log.identifier") {
            guard !value.isEmpty, value.utf8.count <= 64,
                  value.unicodeScalars.allSatisfy({ $0.properties.isAlphabetic && $0.isASCII || ("0"..."9").contains($0) || "-_.".unicodeScalars.contains($0) })
            else { throw bad("log.identifier", value) }
            settings.log.identifier = value
        }

        // Per-analyzer sections come from the file; each value can be overridden by the
        // environment (GLOSS_ANALYZERS_GLOSS_DATE_<KEY>), read through the same reader.
        if case .map(let analyzers)? = tree[["analyzers"]] {
            for (id, section) in analyzers where Identifiers.isValidPluginID(id) {
                var values: [String: String] = [:]
                for (key, fileValue) in section.flattened() {
                    let configKey = ConfigKey(["analyzers", id] + key.split(separator: ".").map(String.init))
                    values[key] = reader.string(forKey: configKey) ?? fileValue
                }
                settings.analyzerSettings[id] = values
            }
        }
        return settings
    }
}
