internal import GlossPluginKit

/// A word's lookup key, compared and hashed by its UTF-8 bytes (PluginKit's ByteKey): keys are
/// normalized already (DateTokenizer), and String's own `==` and hashing were a quarter of the
/// tagger's time on Arabic text.
typealias DateKey = ByteKey

extension ByteKey {
    func hasPrefix(_ prefix: String) -> Bool { string.utf8.starts(with: prefix.utf8) }
    func hasSuffix(_ suffix: String) -> Bool { string.utf8.reversed().starts(with: suffix.utf8.reversed()) }
    var unicodeScalars: String.UnicodeScalarView { string.unicodeScalars }
    var utf8: String.UTF8View { string.utf8 }
    var isEmpty: Bool { string.isEmpty }
    /// Characters, as `String.count`.
    var count: Int { string.count }

    /// The key without its first `count` letters.
    func dropFirst(_ count: Int) -> ByteKey { ByteKey(String(string.unicodeScalars.dropFirst(count))) }
}

/// A token of the text the date tagger reads, with its UTF-8 byte range.
struct DateToken: Equatable {
    enum Kind: Equatable {
        /// Letters (Arabic or Latin), normalized in `key`.
        case word
        /// Digits of any script; `number` holds their value, `digits` how many there were.
        case number
        /// One punctuation character: / - : . , ، ( ) and the like.
        case punctuation
    }

    var kind: Kind
    /// Byte offsets into the UTF-8 text, end exclusive.
    var start: Int
    var end: Int
    /// Normalized form for lookups: Arabic without diacritics and tatweel, alef forms unified,
    /// ى → ي, ة kept; Latin lower-cased. For punctuation, the character itself.
    var key: DateKey
    var number: Int = 0
    var digits: Int = 0
    /// For Arabic words: the key without each leading clitic it may carry (و، ف، ب، ل، ك and
    /// pairs; لل… → ال…), with the bytes stripped. Computed once here, on scalars, because
    /// doing it on `String` characters at every lookup dominated the tagger's profile.
    var strippedKeys: [(key: DateKey, strip: Int)] = []
    /// `key`, then the stripped keys: every form a lookup tries.
    var lookupKeys: [(key: DateKey, strip: Int)] = []

    static func == (lhs: DateToken, rhs: DateToken) -> Bool {
        lhs.kind == rhs.kind && lhs.start == rhs.start && lhs.end == rhs.end && lhs.key == rhs.key
    }
}

/// Splits UTF-8 text into words, numbers and punctuation, keeping byte offsets.
enum DateTokenizer {
    static func tokenize(_ text: String) -> [DateToken] {
        var tokens: [DateToken] = []
        var offset = 0
        var current: DateToken? = nil
        var key = String.UnicodeScalarView()

        func flush() {
            if var token = current {
                if token.kind == .word {
                    token.key = DateKey(String(key))
                    token.strippedKeys = Self.strippedKeys(key)
                    token.lookupKeys = [(token.key, 0)] + token.strippedKeys
                }
                tokens.append(token)
            }
            current = nil
            key = String.UnicodeScalarView()
        }

        for scalar in text.unicodeScalars {
            let width = UTF8.width(scalar)
            defer { offset += width }
            let value = scalar.value
            if let digit = Self.digitValue(value) {
                if current?.kind != .number { flush(); current = DateToken(kind: .number, start: offset, end: offset, key: "") }
                current!.number = current!.digits < 9 ? current!.number * 10 + digit : current!.number
                current!.digits += 1
                current!.end = offset + width
                continue
            }
            if Self.isLetter(scalar) {
                if current?.kind != .word { flush(); current = DateToken(kind: .word, start: offset, end: offset, key: "") }
                current!.end = offset + width
                if let normalized = Self.normalize(value) { key.append(normalized) }
                continue
            }
            // Diacritics and tatweel inside a word belong to it but leave no trace in the key.
            if current?.kind == .word, Self.isArabicMark(value) {
                current!.end = offset + width
                continue
            }
            flush()
            let whitespace = value < 0x80 ? (value == 0x20 || (0x09...0x0D).contains(value)) : scalar.properties.isWhitespace
            if !whitespace {
                tokens.append(DateToken(kind: .punctuation, start: offset, end: offset + width, key: DateKey(String(Character(scalar)))))
            }
        }
        flush()
        return tokens
    }

    private static let clitics: [[Unicode.Scalar]] = ["وب", "ول", "وك", "فب", "فل", "و", "ف", "ب", "ل", "ك"].map { Array($0.unicodeScalars) }
    private static let lam: Unicode.Scalar = "\u{0644}", alef: Unicode.Scalar = "\u{0627}"

    private static func strippedKeys(_ key: String.UnicodeScalarView) -> [(key: DateKey, strip: Int)] {
        // Only words that open with و ف ب ل ك can carry a clitic.
        guard let first = key.first, [0x0648, 0x0641, 0x0628, 0x0644, 0x0643].contains(first.value) else { return [] }
        let scalars = Array(key)
        var result: [(key: DateKey, strip: Int)] = []
        for clitic in clitics where scalars.count > clitic.count + 1 && scalars.starts(with: clitic) {
            var rest = Array(scalars[clitic.count...])
            if clitic.last == lam, rest.first == lam { rest.insert(alef, at: 0) }  // لل… = ل + ال…
            var view = String.UnicodeScalarView()
            view.append(contentsOf: rest)
            result.append((DateKey(String(view)), clitic.count * 2))
        }
        return result
    }

    /// The lookup key of a word as the tokenizer would produce it (for the lexicon's literals).
    static func key(_ word: String) -> DateKey {
        var scalars = String.UnicodeScalarView()
        for scalar in word.unicodeScalars where !isArabicMark(scalar.value) {
            scalars.append(normalize(scalar.value) ?? scalar)
        }
        return DateKey(String(scalars))
    }

    static func digitValue(_ value: UInt32) -> Int? {
        switch value {
        case 0x30...0x39: Int(value - 0x30)
        case 0x0660...0x0669: Int(value - 0x0660)
        case 0x06F0...0x06F9: Int(value - 0x06F0)
        default: nil
        }
    }

    private static func isLetter(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value < 0x80 { return (0x41...0x5A).contains(value) || (0x61...0x7A).contains(value) }
        if (0x0621...0x063A).contains(value) || (0x0641...0x064A).contains(value) || (0x0671...0x06D3).contains(value) { return true }
        if isArabicMark(value) { return false }
        return scalar.properties.isAlphabetic
    }

    /// Harakat, shadda, sukun, superscript alef and tatweel.
    static func isArabicMark(_ value: UInt32) -> Bool {
        (0x064B...0x065F).contains(value) || value == 0x0670 || value == 0x0640
    }

    /// The lookup form of one letter.
    private static func normalize(_ value: UInt32) -> Unicode.Scalar? {
        switch value {
        case 0x41...0x5A: Unicode.Scalar(value + 32)
        case 0x0622, 0x0623, 0x0625, 0x0671: "\u{0627}"  // آ أ إ ٱ → ا
        case 0x0649: "\u{064A}"  // ى → ي
        case 0x06CC: "\u{064A}"  // Persian yeh → ي
        case 0x06A9: "\u{0643}"  // keheh → ك
        default: Unicode.Scalar(value)
        }
    }
}
