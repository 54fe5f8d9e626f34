internal import Configuration
internal import Foundation
internal import Yams

/// A Sendable copy of a parsed YAML document (Yams' `Node` is not Sendable).
enum YAMLTree: Sendable, Equatable {
    case map([String: YAMLTree])
    case list([YAMLTree])
    case scalar(String)

    init(_ node: Yams.Node) {
        switch node {
        case .mapping(let mapping):
            self = .map(Dictionary(mapping.map { ($0.key.string ?? "\($0.key)", YAMLTree($0.value)) }) { $1 })
        case .sequence(let sequence): self = .list(sequence.map(YAMLTree.init))
        case .scalar(let scalar): self = .scalar(scalar.string)
        case .alias: self = .scalar("")  // compose() resolves aliases before we see them
        }
    }

    subscript(path: [String]) -> YAMLTree? {
        var node: YAMLTree? = self
        for component in path {
            guard case .map(let members)? = node else { return nil }
            node = members[component]
        }
        return node
    }

    /// Nested keys joined with "." mapped to text; list items joined with a line feed.
    func flattened(prefix: String = "") -> [String: String] {
        switch self {
        case .map(let members):
            var out: [String: String] = [:]
            for (key, value) in members {
                out.merge(value.flattened(prefix: prefix.isEmpty ? key : "\(prefix).\(key)")) { $1 }
            }
            return out
        case .list(let items):
            return [prefix: items.map { item in if case .scalar(let text) = item { text } else { "" } }.joined(separator: "\n")]
        case .scalar(let text):
            return [prefix: text]
        }
    }
}

/// The YAML snapshot swift-configuration reads values from, plus the parsed tree, so that
/// Gloss can list keys (unknown-key checks, per-analyzer sections) from the same parse.
/// An empty or comment-only file is an empty configuration, not an error.
final class YAMLSettingsSnapshot: FileConfigSnapshot, Sendable {
    typealias ParsingOptions = YAMLSnapshot.ParsingOptions
    let base: YAMLSnapshot
    let tree: YAMLTree

    init(data: RawSpan, providerName: String, parsingOptions: ParsingOptions) throws {
        let text = data.withUnsafeBytes { String(decoding: $0, as: UTF8.self) }
        let root = try Yams.compose(yaml: text)
        if root == nil {
            let empty = Array("{}".utf8)
            base = try empty.withUnsafeBufferPointer { buffer in
                try YAMLSnapshot(data: RawSpan(_unsafeElements: buffer), providerName: providerName, parsingOptions: parsingOptions)
            }
        } else {
            base = try YAMLSnapshot(data: data, providerName: providerName, parsingOptions: parsingOptions)
        }
        tree = root.map(YAMLTree.init) ?? .map([:])
    }

    var providerName: String { base.providerName }
    func value(forKey key: AbsoluteConfigKey, type: ConfigType) throws -> LookupResult {
        try base.value(forKey: key, type: type)
    }
    var description: String { base.description }
    var debugDescription: String { base.debugDescription }
}
