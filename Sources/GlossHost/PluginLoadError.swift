/// Why a plugin file was refused. Every message names the file, what is wrong and what
/// to do, for someone who has never seen Gloss's code.
public struct PluginLoadError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Stable codes, for tests and tools; the message is for people.
    public enum Code: String, Sendable {
        case cannotOpen = "cannot_open"
        case missingEntry = "missing_entry"
        case nullDescriptor = "null_descriptor"
        case abiMajorMismatch = "abi_major_mismatch"
        case descriptorTooSmall = "descriptor_too_small"
        case unknownFlags = "unknown_flags"
        case reservedNotZero = "reserved_not_zero"
        case invalidDescriptor = "invalid_descriptor"
        case duplicateID = "duplicate_id"
        case missingRequirement = "missing_requirement"
        case dependencyCycle = "dependency_cycle"
        case notEnabled = "not_enabled"
        case createFailed = "create_failed"
    }

    public var code: Code
    /// The plugin file (absolute path).
    public var path: String
    /// Plugin id when the descriptor could be read that far.
    public var pluginID: String?
    public var reason: String

    public init(code: Code, path: String, pluginID: String? = nil, reason: String) {
        self.code = code
        self.path = path
        self.pluginID = pluginID
        self.reason = reason
    }

    public var description: String {
        let who = pluginID.map { "plugin \($0) (\(path))" } ?? path
        return "\(who) refused: \(reason)"
    }
}
