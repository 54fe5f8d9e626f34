// A normalized word key compared and hashed by its UTF-8 bytes, for analyzers' word lists.
//
// SPDX-License-Identifier: Apache-2.0

/// A key that is already normalized (by the analyzer's own folding), so byte equality is the
/// equality wanted. String's own `==`, hashing and dictionary lookups check Unicode
/// normalization first on every non-ASCII string, which dominated the date and geo taggers'
/// profiles on Arabic text; a `Set<ByteKey>` or `[ByteKey: …]` skips that.
public struct ByteKey: Hashable, Sendable, ExpressibleByStringLiteral, CustomStringConvertible {
    public let string: String

    @inlinable
    public init(_ string: String) { self.string = string }

    @inlinable
    public init(stringLiteral value: String) { self.string = value }

    public var description: String { string }

    @inlinable
    public static func == (a: ByteKey, b: ByteKey) -> Bool {
        guard a.string.utf8.count == b.string.utf8.count else { return false }
        var a = a.string, b = b.string
        return a.withUTF8 { a in b.withUTF8 { b in a.elementsEqual(b) } }
    }

    @inlinable
    public func hash(into hasher: inout Hasher) {
        var string = string
        string.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
    }
}
