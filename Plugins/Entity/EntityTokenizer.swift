// Splits UTF-8 text into the tokens the tagger reads, the way ANERcorp and WikiGold are
// tokenized: words (letters, digits, diacritics and tatweel), numbers with their inner
// separators, and one token per punctuation character. Clitics stay on their word; the
// tagger strips them from the spans it emits.
//
// SPDX-License-Identifier: Apache-2.0

enum EntityTokenizer {
    static func tokenize(_ text: UnsafeBufferPointer<UInt8>) -> TokenizedText {
        var result = TokenizedText()
        result.tokens.reserveCapacity(text.count / 6)
        result.keys.reserveCapacity(text.count)
        var builder: TokenBuilder? = nil
        var lineBreak = false
        var previous: UInt32 = 0x20
        // A dotted abbreviation in progress (U.S., U.N.): single letters separated by dots.
        var dottedLetters = 0

        func flush() {
            if let current = builder {
                var token = current.finish(keyEnd: result.keys.count)
                if token.keyEnd == token.keyStart {  // only marks, such as a lone tatweel
                    EntityText.appendUTF8(0x5F, to: &result.keys)
                    token.keyEnd = result.keys.count
                }
                result.tokens.append(token)
            }
            builder = nil
        }

        var index = 0
        while index < text.count {
            let (value, width) = EntityText.decodeUTF8(text, at: index)
            defer { previous = value; index += width }
            let isDigit = EntityText.digitValue(value) != nil
            if isDigit || EntityText.isLetter(value) || EntityText.isArabicMark(value) {
                if builder == nil {
                    builder = TokenBuilder(start: index, keyStart: result.keys.count)
                    builder!.followsLineBreak = lineBreak
                    lineBreak = false
                    dottedLetters = 0
                }
                builder!.add(value, width: width, keys: &result.keys)
                continue
            }
            if value == 0x20 || value == 0x09 || value == 0xA0 || value == 0x200C || value == 0x200F || value == 0x200E {
                flush()
                continue
            }
            if value == 0x0A || value == 0x0D || value == 0x2028 || value == 0x2029 {
                flush()
                lineBreak = true
                continue
            }
            if builder != nil, joinsWord(value, previous: previous, text: text, next: index + width, dottedLetters: &dottedLetters) {
                builder!.add(value, width: width, keys: &result.keys)
                continue
            }
            flush()
            if let scalar = Unicode.Scalar(value), scalar.properties.isWhitespace { lineBreak = lineBreak || value == 0x85; continue }
            var punctuation = TokenBuilder(start: index, keyStart: result.keys.count)
            punctuation.followsLineBreak = lineBreak
            lineBreak = false
            punctuation.add(value, width: width, keys: &result.keys)
            result.tokens.append(punctuation.finish(keyEnd: result.keys.count))
        }
        flush()
        return result
    }

    /// Whether a punctuation character inside a word belongs to it: `.` and `,` between
    /// digits (3.5, 1,000), `-` between Latin letters or digits (techno-based), `'` between
    /// Latin letters except before a final s (O'Brien, but Japan 's), and the dots of an
    /// abbreviation of single letters (U.S.).
    private static func joinsWord(
        _ value: UInt32, previous: UInt32, text: UnsafeBufferPointer<UInt8>, next: Int, dottedLetters: inout Int
    ) -> Bool {
        let following: UInt32 = next < text.count ? EntityText.decodeUTF8(text, at: next).value : 0x20
        let afterFollowing: UInt32 = {
            guard next < text.count else { return 0x20 }
            let width = EntityText.decodeUTF8(text, at: next).length
            return next + width < text.count ? EntityText.decodeUTF8(text, at: next + width).value : 0x20
        }()
        let previousDigit = EntityText.digitValue(previous) != nil
        let followingDigit = EntityText.digitValue(following) != nil
        let isLatin = { (v: UInt32) in (0x41...0x5A).contains(v) || (0x61...0x7A).contains(v) }
        switch value {
        case 0x2E, 0x2C, 0x066B, 0x066C:  // . , and the Arabic decimal and thousands separators
            if previousDigit && followingDigit { return true }
            guard value == 0x2E, EntityText.isUppercase(previous) else { return false }
            // U.S. : a single capital, a dot, and another single capital (or the end of one).
            if isLatin(following), EntityText.isUppercase(following), !isLatin(afterFollowing) || afterFollowing == 0x2E {
                dottedLetters += 1
                return true
            }
            return dottedLetters > 0 && !isLatin(following)
        case 0x2D:
            return (isLatin(previous) || previousDigit) && (isLatin(following) || followingDigit)
        case 0x27, 0x2019:
            guard isLatin(previous), isLatin(following) else { return false }
            let finalS = (following == 0x73 || following == 0x53) && !isLatin(afterFollowing)
            return !finalS
        default:
            return false
        }
    }

    /// The byte offset, within `text`, just after the first `letters` letters of `token`
    /// (diacritics and tatweel after them included): where the rest of the word starts once
    /// `letters` clitic letters are left out.
    static func offset(afterLetters letters: Int, of token: EntityToken, in text: UnsafeBufferPointer<UInt8>) -> Int {
        var index = token.start
        var seen = 0
        while index < token.end {
            let (value, width) = EntityText.decodeUTF8(text, at: index)
            if !EntityText.isArabicMark(value) {
                if seen == letters { return index }
                seen += 1
            }
            index += width
        }
        return token.end
    }
}
