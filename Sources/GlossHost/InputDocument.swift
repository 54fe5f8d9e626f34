public import Foundation
public import GlossCore

/// An input file that was read and decoded, ready for the analyzers.
public struct InputDocument: Sendable {
    /// The file name without its directory.
    public var name: String
    public var byteCount: Int
    public var sha256: String
    public var modified: Date
    public var decoded: DecodedText
    public var language: LanguageTag

    /// The `input` object of the result file.
    public var description: InputDescription {
        InputDescription(name: name, bytes: byteCount, sha256: sha256, encoding: decoded.encoding,
                         language: language, modified: Timestamp.format(modified))
    }
}

/// RFC 3339 timestamps as Gloss writes them: UTC, whole seconds, `Z`.
public enum Timestamp {
    public static func format(_ date: Date) -> String {
        date.formatted(.iso8601.year().month().day().dateSeparator(.dash).time(includingFractionalSeconds: false).timeSeparator(.colon).timeZone(separator: .omitted))
    }

    /// Parses `2016-05-17T08:00:00Z`, `2016-05-17T10:00:00+02:00`, fractional seconds
    /// allowed, or a bare date `2016-05-17` (midnight UTC).
    public static func parse(_ text: String) -> Date? {
        if let date = try? Date(text, strategy: .iso8601) { return date }
        if let date = try? Date(text, strategy: Date.ISO8601FormatStyle(includingFractionalSeconds: true)) { return date }
        if let date = try? Date(text, strategy: Date.ISO8601FormatStyle().year().month().day()) { return date }
        return nil
    }
}

extension InputDocument {
    /// A document made from text in memory (plugin checks, tests), as if read from a
    /// UTF-8 file called `name`.
    public init(text: String, name: String, modified: Date) {
        self.init(name: name, byteCount: text.utf8.count, sha256: SHA256Digest.hex(of: Array(text.utf8)),
                  modified: modified, decoded: DecodedText(text: text, encoding: .utf8),
                  language: LanguageTag.detect(in: text))
    }
}
