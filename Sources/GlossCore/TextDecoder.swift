/// Turns the raw bytes of an input file into text, or says why it is not text.
///
/// Order of decisions: a byte order mark decides (UTF-8, UTF-16 LE/BE); valid UTF-8 is
/// UTF-8; anything else is one of the legacy Arabic single-byte encodings, as configured
/// or detected. Decoded text must not contain NUL or other C0 control characters except
/// tab, line feed, vertical tab, form feed, carriage return and escape: such content is
/// binary, whatever it decodes to.
public struct TextDecoder: Sendable {
    public var legacyEncoding: LegacyEncodingChoice

    public init(legacyEncoding: LegacyEncodingChoice = .auto) {
        self.legacyEncoding = legacyEncoding
    }

    /// Decodes `bytes`; failures carry code `not_text` or `encoding_ambiguous`.
    public func decode(_ bytes: some Collection<UInt8>) -> Result<DecodedText, ResultError> {
        let bytes = Array(bytes)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            return decodeUTF8(bytes[3...], as: .utf8WithBOM)
        }
        if bytes.starts(with: [0xFF, 0xFE]) { return decodeUTF16(bytes[2...], littleEndian: true) }
        if bytes.starts(with: [0xFE, 0xFF]) { return decodeUTF16(bytes[2...], littleEndian: false) }

        if let offset = bytes.firstIndex(of: 0) {
            return .failure(Self.notText("it contains a NUL byte at offset \(offset)"))
        }
        if let text = Self.validUTF8(bytes[...]) { return Self.checked(text, encoding: .utf8) }

        switch legacyEncoding {
        case .none:
            return .failure(Self.notText(
                "it is not valid UTF-8 (first bad byte at offset \(Self.firstInvalidUTF8Offset(bytes)))"
                    + " and legacy encodings are turned off (input.encoding: none)"))
        case .windows1256: return decodeLegacy(bytes, as: .windows1256)
        case .iso8859_6: return decodeLegacy(bytes, as: .iso8859_6)
        case .auto: return detectLegacy(bytes)
        }
    }

    private func decodeUTF8(_ bytes: ArraySlice<UInt8>, as encoding: TextEncoding) -> Result<DecodedText, ResultError> {
        guard let text = Self.validUTF8(bytes) else {
            return .failure(Self.notText("it starts with a UTF-8 byte order mark but is not valid UTF-8"))
        }
        return Self.checked(text, encoding: encoding)
    }

    private func decodeUTF16(_ bytes: ArraySlice<UInt8>, littleEndian: Bool) -> Result<DecodedText, ResultError> {
        let name = littleEndian ? "UTF-16LE" : "UTF-16BE"
        guard bytes.count % 2 == 0 else {
            return .failure(Self.notText("it starts with a \(name) byte order mark but has an odd number of bytes"))
        }
        var units: [UInt16] = []
        units.reserveCapacity(bytes.count / 2)
        var index = bytes.startIndex
        while index < bytes.endIndex {
            let first = UInt16(bytes[index]), second = UInt16(bytes[index + 1])
            units.append(littleEndian ? first | second << 8 : first << 8 | second)
            index += 2
        }
        var scalars = String.UnicodeScalarView()
        var iterator = units.makeIterator()
        var decoder = UTF16()
        loop: while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar): scalars.append(scalar)
            case .emptyInput: break loop
            case .error:
                return .failure(Self.notText("it starts with a \(name) byte order mark but contains an unpaired surrogate"))
            }
        }
        return Self.checked(String(scalars), encoding: littleEndian ? .utf16LittleEndian : .utf16BigEndian)
    }

    private func decodeLegacy(_ bytes: [UInt8], as encoding: TextEncoding) -> Result<DecodedText, ResultError> {
        let table = encoding == .windows1256 ? LegacyArabicTables.windows1256 : LegacyArabicTables.iso8859_6
        guard let text = Self.decode(bytes, table: table, rejectC1Controls: encoding == .iso8859_6) else {
            return .failure(Self.notText(
                "it is neither UTF-8 nor \(encoding.rawValue) (configured in input.encoding): it contains bytes \(encoding.rawValue) does not define"))
        }
        return Self.checked(text, encoding: encoding)
    }

    /// Picks the legacy encoding the bytes allow; if both do, the one under which the
    /// text reads as Arabic. The definite article "ال" is the tell: Windows-1256 writes it
    /// C7 E1 and ISO-8859-6 writes it C7 E4, and each reads the other's bytes as a
    /// different, rarer pair, so in real text one reading has many more articles.
    private func detectLegacy(_ bytes: [UInt8]) -> Result<DecodedText, ResultError> {
        let windows = Self.decode(bytes, table: LegacyArabicTables.windows1256, rejectC1Controls: false)
        let iso = Self.decode(bytes, table: LegacyArabicTables.iso8859_6, rejectC1Controls: true)
        switch (windows, iso) {
        case (nil, nil):
            return .failure(Self.notText(
                "it is not valid UTF-8 (first bad byte at offset \(Self.firstInvalidUTF8Offset(bytes))) and does not decode as Windows-1256 or ISO-8859-6 either"))
        case (let text?, nil): return Self.checked(text, encoding: .windows1256)
        case (nil, let text?): return Self.checked(text, encoding: .iso8859_6)
        case (let windowsText?, let isoText?):
            let windowsArticles = Self.articleCount(windowsText), isoArticles = Self.articleCount(isoText)
            if windowsArticles >= 2, windowsArticles >= 3 * isoArticles {
                return Self.checked(windowsText, encoding: .windows1256)
            }
            if isoArticles >= 2, isoArticles >= 3 * windowsArticles {
                return Self.checked(isoText, encoding: .iso8859_6)
            }
            return .failure(ResultError(
                code: "encoding_ambiguous",
                message: "The file is not UTF-8 and reads equally well as Windows-1256 and as ISO-8859-6."
                    + " Convert it to UTF-8, or set input.encoding to windows-1256 or iso-8859-6 in gloss.yaml (or GLOSS_INPUT_ENCODING)."))
        }
    }

    private static func articleCount(_ text: String) -> Int {
        var count = 0
        var previous: Unicode.Scalar = " "
        for scalar in text.unicodeScalars {
            if previous == "\u{0627}", scalar == "\u{0644}" { count += 1 }
            previous = scalar
        }
        return count
    }

    private static func decode(_ bytes: [UInt8], table: [UInt32], rejectC1Controls: Bool) -> String? {
        var scalars = String.UnicodeScalarView()
        for byte in bytes {
            if byte < 0x80 {
                scalars.append(Unicode.Scalar(byte))
                continue
            }
            if rejectC1Controls, byte < 0xA0 { return nil }
            let value = table[Int(byte) - 0x80]
            guard value != 0, let scalar = Unicode.Scalar(value) else { return nil }
            scalars.append(scalar)
        }
        return String(scalars)
    }

    private static func validUTF8(_ bytes: ArraySlice<UInt8>) -> String? {
        String(validating: bytes, as: UTF8.self)
    }

    private static func firstInvalidUTF8Offset(_ bytes: [UInt8]) -> Int {
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        var offset = 0
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar): offset += UTF8.width(scalar)
            case .emptyInput: return offset
            case .error: return offset
            }
        }
    }

    /// Refuses control characters that do not occur in text; see the type's summary.
    private static func checked(_ text: String, encoding: TextEncoding) -> Result<DecodedText, ResultError> {
        var offset = 0
        for scalar in text.unicodeScalars {
            let value = scalar.value
            if value < 0x20, !(0x09...0x0D).contains(value), value != 0x1B {
                let name = value == 0 ? "a NUL character" : "the control character U+\(String(value, radix: 16, uppercase: true).leftPadded(to: 4))"
                return .failure(notText("it contains \(name) at character \(offset) after decoding as \(encoding.rawValue)"))
            }
            offset += 1
        }
        return .success(DecodedText(text: text, encoding: encoding))
    }

    private static func notText(_ reason: String) -> ResultError {
        ResultError(code: "not_text", message: "The file is not text: \(reason). Gloss reads UTF-8, UTF-16 with a byte order mark, Windows-1256 and ISO-8859-6.")
    }
}

extension String {
    fileprivate func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
