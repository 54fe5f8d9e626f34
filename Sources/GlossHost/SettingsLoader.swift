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

    private func checkKeys(_ tree: YAMLTree, path: String) throws(LoadError) {
        guard case .map(let top) = tree else {
            throw .file(path: path, reason: "its top level must be a mapping of sections (plugins, input, analyzers).")
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
