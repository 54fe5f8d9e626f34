// Tokens of the entity tagger, with exact UTF-8 offsets into the original text.
//
// SPDX-License-Identifier: Apache-2.0

/// One token: a word (letters, maybe with digits), a number, or one punctuation character.
/// Its lookup key lives in the `keys` buffer of the `TokenizedText` that holds it.
public struct EntityToken: Sendable, Equatable {
    public enum Kind: UInt8, Sendable { case word, number, punctuation }

    /// UTF-8 byte offsets into the original text, end exclusive.
    public var start: Int
    public var end: Int
    /// Byte range of the normalized key in `TokenizedText.keys`.
    var keyStart: Int
    var keyEnd: Int
    public var kind: Kind
    /// The first letter is Arabic.
    var isArabic: Bool
    /// The first letter is an upper-case Latin letter, or every letter is.
    var isCapitalized: Bool
    var isAllCapitals: Bool
    /// Hash of the token's shape: runs of letter classes (Xx, XX, d, a for Arabic …).
    var shape: UInt64
    /// A line break lies between this token and the one before it.
    var followsLineBreak: Bool
}

/// Tokens and the buffer that holds their normalized keys.
public struct TokenizedText: Sendable {
    public var tokens: [EntityToken] = []
    var keys: [UInt8] = []

    public init() {}

    /// The normalized key of token `index` as a string (for tests and tools).
    public func key(_ index: Int) -> String {
        String(decoding: keys[tokens[index].keyStart..<tokens[index].keyEnd], as: UTF8.self)
    }

    /// Appends a token built from one whole word of a corpus (no offsets into any text: start and
    /// end are the token's position in `corpusText` if given). Used for CoNLL files, whose
    /// tokenization is given.
    public mutating func appendCorpusToken(_ word: String) {
        let start = tokens.last.map { $0.end + 1 } ?? 0
        var builder = TokenBuilder(start: start, keyStart: keys.count)
        for scalar in word.unicodeScalars {
            builder.add(scalar.value, width: UTF8.width(scalar), keys: &keys)
        }
        var token = builder.finish(keyEnd: keys.count)
        if token.kind == .punctuation, token.keyEnd == token.keyStart { EntityText.appendUTF8(0x5F, to: &keys); token.keyEnd = keys.count }
        tokens.append(token)
    }
}

/// Accumulates one token's key, shape and flags scalar by scalar.
struct TokenBuilder {
    private var start: Int
    private var end: Int
    private var keyStart: Int
    private var letters = 0, digits = 0, uppercase = 0, others = 0
    private var firstLetterUpper = false, firstLetterArabic = false, sawLetter = false
    private var shape = FeatureHash.empty
    private var lastShapeClass: UInt8 = 0
    var followsLineBreak = false

    init(start: Int, keyStart: Int) {
        self.start = start
        self.end = start
        self.keyStart = keyStart
    }

    var isEmpty: Bool { end == start }
    var hasLetters: Bool { letters > 0 }

    @inline(__always)
    mutating func add(_ value: UInt32, width: Int, keys: inout [UInt8]) {
        end += width
        let shapeClass: UInt8
        if EntityText.isArabicMark(value) {
            return
        } else if let _ = EntityText.digitValue(value) {
            digits += 1
            shapeClass = UInt8(ascii: "d")
        } else if EntityText.isLetter(value) {
            let upper = EntityText.isUppercase(value)
            let arabic = EntityText.isArabicLetter(value)
            if !sawLetter { firstLetterUpper = upper; firstLetterArabic = arabic; sawLetter = true }
            letters += 1
            if upper { uppercase += 1 }
            shapeClass = arabic ? UInt8(ascii: "a") : upper ? UInt8(ascii: "X") : value < 0x80 ? UInt8(ascii: "x") : UInt8(ascii: "l")
        } else {
            others += 1
            shapeClass = value < 0x80 ? UInt8(value) : UInt8(ascii: "p")
        }
        EntityText.appendUTF8(EntityText.normalize(value), to: &keys)
        if shapeClass != lastShapeClass {
            shape = (shape ^ UInt64(shapeClass)) &* 0x0000_0100_0000_01B3
            lastShapeClass = shapeClass
        }
    }

    func finish(keyEnd: Int) -> EntityToken {
        let kind: EntityToken.Kind = letters > 0 ? .word : digits > 0 ? .number : .punctuation
        return EntityToken(
            start: start, end: end, keyStart: keyStart, keyEnd: keyEnd, kind: kind,
            isArabic: firstLetterArabic, isCapitalized: firstLetterUpper,
            isAllCapitals: letters > 1 && uppercase == letters, shape: shape, followsLineBreak: followsLineBreak)
    }
}
