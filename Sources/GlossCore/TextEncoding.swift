/// A character encoding Gloss can read, named as in the result file's `input.encoding`.
public enum TextEncoding: String, Sendable, CaseIterable {
    case utf8 = "utf-8"
    /// UTF-8 that starts with a byte order mark; the mark is not part of the decoded text.
    case utf8WithBOM = "utf-8-bom"
    /// UTF-16 little-endian, recognized by its byte order mark (not part of the text).
    case utf16LittleEndian = "utf-16le"
    /// UTF-16 big-endian, recognized by its byte order mark (not part of the text).
    case utf16BigEndian = "utf-16be"
    case windows1256 = "windows-1256"
    case iso8859_6 = "iso-8859-6"
}

/// How to choose the encoding of input that is not UTF-8 and has no byte order mark.
public enum LegacyEncodingChoice: String, Sendable, CaseIterable {
    /// Detect Windows-1256 or ISO-8859-6 when the bytes allow only one reading, or make
    /// one clearly more plausible; otherwise refuse with `encoding_ambiguous`.
    case auto
    /// Only UTF-8 (and UTF-16 with a byte order mark) is accepted.
    case none
    case windows1256 = "windows-1256"
    case iso8859_6 = "iso-8859-6"
}

/// A document's text after decoding, as valid Unicode without NUL characters.
public struct DecodedText: Sendable, Equatable {
    public var text: String
    public var encoding: TextEncoding

    public init(text: String, encoding: TextEncoding) {
        self.text = text
        self.encoding = encoding
    }
}
