// Words of a text for place matching: byte offsets into the original UTF-8, normalized keys
// (GeoKey, the same normalization the gazetteer's names went through), and the little the
// resolver needs to know about each word (capital letter, shadda, the punctuation before it).
//
// SPDX-License-Identifier: Apache-2.0

internal import GlossPluginKit

/// One word of the text.
struct GeoWord: Sendable {
    /// UTF-8 byte offsets, end exclusive.
    var start: Int
    var end: Int
    /// The normalized key (GeoKey.normalize).
    var key: String
    /// A Latin word that starts with a capital letter.
    var isCapitalized: Bool
    /// An Arabic word (its first letter is Arabic).
    var isArabic: Bool
    /// The word carried a shadda (عمّان is Amman, not Oman).
    var hasShadda: Bool
    /// The word ended with a possessive 's (Jordan's King Abdullah).
    var hasPossessive = false
    /// What stands between the previous word and this one besides spaces ("," for "Paris,
    /// Texas"; "." for a new sentence).
    var punctuationBefore: GeoPunctuation
}

/// The non-space characters between two words, as much as the tagger asks about them: a plain
/// value, so that copying a word costs no reference counting.
struct GeoPunctuation: Sendable, Equatable {
    /// The first character (nil: only spaces).
    var first: Unicode.Scalar?
    /// How many characters there are.
    var count = 0
    /// A sentence ends here: . ! ? ؟ ; ؛ or a line break.
    var endsSentence = false

    var isEmpty: Bool { count == 0 }
    var isHyphen: Bool { count == 1 && first == "-" }
    /// Starts with a Latin or an Arabic comma.
    var isComma: Bool { first == "," || first == "،" }

    mutating func add(_ scalar: Unicode.Scalar) {
        if first == nil { first = scalar }
        count += 1
        switch scalar.value {
        case 0x2E, 0x21, 0x3F, 0x061F, 0x3B, 0x061B: endsSentence = true  // . ! ? ؟ ; ؛
        default: break
        }
    }
}

enum GeoText {
    /// Splits `bytes` (valid UTF-8) into words. A word is a run of letters (Arabic marks and
    /// tatweel included); an apostrophe followed by "s" ends a Latin word (Tripoli's), other
    /// apostrophes inside a Latin word stay in it (the key drops them).
    static func words(_ bytes: [UInt8]) -> [GeoWord] {
        var words: [GeoWord] = []
        var index = 0
        var punctuation = GeoPunctuation()
        var wordStart: Int? = nil
        var hasShadda = false

        func finish(at end: Int) {
            guard let start = wordStart else { return }
            let key = bytes.withUnsafeBufferPointer { GeoKey.normalize(utf8: UnsafeBufferPointer(rebasing: $0[start..<end])) }
            if !key.isEmpty {
                let first = decode(bytes, at: start).0
                let arabic = (0x0600...0x06FF).contains(first.value)
                words.append(GeoWord(start: start, end: end, key: key,
                                     isCapitalized: (0x41...0x5A).contains(first.value) || (!arabic && first.value > 0x7F && first.properties.isUppercase),
                                     isArabic: arabic, hasShadda: hasShadda,
                                     hasPossessive: false, punctuationBefore: punctuation))
            }
            punctuation = GeoPunctuation()
            wordStart = nil
            hasShadda = false
        }

        while index < bytes.count {
            let (scalar, width) = decode(bytes, at: index)
            let value = scalar.value
            if isWordScalar(scalar) {
                if wordStart == nil { wordStart = index }
                if value == 0x0651 { hasShadda = true }
            } else if (value == 0x27 || value == 0x2019 || value == 0x2BC), wordStart != nil, isLatinWord(bytes, from: wordStart!) {
                // Tripoli's, Côte d'Ivoire: an apostrophe and "s" then a non-letter end the word;
                // otherwise the apostrophe belongs to the word.
                let next = index + width
                if next < bytes.count, bytes[next] == 0x73 || bytes[next] == 0x53,
                   next + 1 >= bytes.count || !isWordScalar(decode(bytes, at: next + 1).0) {
                    finish(at: index)
                    if !words.isEmpty { words[words.count - 1].hasPossessive = true }
                    index = next + 1
                    continue
                }
            } else {
                finish(at: index)
                let whitespace = value < 0x80 ? (value == 0x20 || (0x09...0x0D).contains(value))
                    : (0x0600...0x06FF).contains(value) ? false : scalar.properties.isWhitespace
                if !whitespace { punctuation.add(scalar) } else if value == 0x0A || value == 0x2029 { punctuation.endsSentence = true }
            }
            index += width
        }
        finish(at: bytes.count)
        return words
    }

    static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value < 0x80 { return (0x41...0x5A).contains(value) || (0x61...0x7A).contains(value) }
        if (0x0621...0x063A).contains(value) || (0x0641...0x064A).contains(value) || (0x0671...0x06D3).contains(value) { return true }
        if (0x064B...0x065F).contains(value) || value == 0x0670 || value == 0x0640 { return true }  // marks, tatweel
        if (0x0600...0x06FF).contains(value) { return false }  // Arabic punctuation and digits: no lookup
        return scalar.properties.isAlphabetic
    }

    private static func isLatinWord(_ bytes: [UInt8], from start: Int) -> Bool {
        bytes[start] < 0x80
    }

    static func decode(_ bytes: [UInt8], at index: Int) -> (Unicode.Scalar, Int) {
        let lead = bytes[index]
        if lead < 0x80 { return (Unicode.Scalar(lead), 1) }
        let width = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2
        var value = UInt32(lead) & (width == 2 ? 0x1F : width == 3 ? 0x0F : 0x07)
        for offset in 1..<width where index + offset < bytes.count {
            value = value << 6 | UInt32(bytes[index + offset] & 0x3F)
        }
        return (Unicode.Scalar(value) ?? " ", width)
    }
}
