internal import GlossPluginABI

/// What a plugin says about itself, copied out of its C descriptor and checked.
public struct PluginDescriptor: Sendable, Equatable {
    public var id: String
    public var version: String
    public var description: String
    /// ABI version the plugin was built against.
    public var abiMajor: Int
    public var abiMinor: Int
    /// Language tags the plugin reads; `["*"]` for all.
    public var languages: [String]
    public var annotationTypes: [String]
    public var requires: [String]
    /// `analyze` may run on one instance from several threads at once.
    public var isConcurrent: Bool

    /// Whether the plugin wants documents tagged `language`.
    public func reads(language: String) -> Bool {
        languages.contains("*") || languages.contains(language)
    }
}

/// The ABI version of this host, as "major.minor".
public let hostABIVersion = "\(GLOSS_ABI_VERSION_MAJOR).\(GLOSS_ABI_VERSION_MINOR)"
