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
    /// Ids whose annotations it reads when they are loaded (ABI 1.1 `optional_plugins`).
    public var optionallyReads: [String] = []
    /// `analyze` may run on one instance from several threads at once.
    public var isConcurrent: Bool

    public init(id: String, version: String, description: String, abiMajor: Int, abiMinor: Int, languages: [String],
                annotationTypes: [String], requires: [String], optionallyReads: [String] = [], isConcurrent: Bool) {
        self.id = id
        self.version = version
        self.description = description
        self.abiMajor = abiMajor
        self.abiMinor = abiMinor
        self.languages = languages
        self.annotationTypes = annotationTypes
        self.requires = requires
        self.optionallyReads = optionallyReads
        self.isConcurrent = isConcurrent
    }

    /// Whether the plugin wants documents tagged `language`.
    public func reads(language: String) -> Bool {
        languages.contains("*") || languages.contains(language)
    }
}

/// The ABI version of this host, as "major.minor".
public let hostABIVersion = "\(GLOSS_ABI_VERSION_MAJOR).\(GLOSS_ABI_VERSION_MINOR)"
