/// Finds sentence spans in UTF-8 text, as byte ranges trimmed of surrounding whitespace.
enum SentenceSplitter {
    private static let abbreviations: Set<String> = [
        "mr", "mrs", "ms", "dr", "prof", "st", "gen", "col", "lt", "sgt", "gov", "sen", "rep",
        "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
        "no", "vs", "etc", "inc", "ltd", "co", "corp", "jr", "sr", "u.s", "u.n", "e.g", "i.e",
    ]

    static func sentences(in text: UnsafeBufferPointer<UInt8>) -> [Range<Int>] {
        var result: [Range<Int>] = []
        var start = 0
        var index = 0
        func close(at end: Int) {
            var lower = start, upper = end
            while lower < upper, isSpace(text[lower]) { lower += 1 }
            while upper > lower, isSpace(text[upper - 1]) { upper -= 1 }
            if lower < upper { result.append(lower..<upper) }
            start = end
        }
        while index < text.count {
            let byte = text[index]
            // "؟" is D8 9F and "…" is E2 80 A6 in UTF-8.
            let terminatorLength: Int
            if byte == UInt8(ascii: "!") || byte == UInt8(ascii: "?") {
                terminatorLength = 1
            } else if byte == UInt8(ascii: "."), !isNonFinalPeriod(in: text, at: index) {
                terminatorLength = 1
            } else if byte == 0xD8, index + 1 < text.count, text[index + 1] == 0x9F {
                terminatorLength = 2
            } else if byte == 0xE2, index + 2 < text.count, text[index + 1] == 0x80, text[index + 2] == 0xA6 {
                terminatorLength = 3
            } else if byte == 0x0A, index + 1 < text.count, text[index + 1] == 0x0A {
                close(at: index)
                index += 2
                continue
            } else {
                index += 1
                continue
            }
            var end = index + terminatorLength
            // Keep closing quotes and brackets, and runs such as "?!" or "...", with the sentence.
            while end < text.count, [UInt8(ascii: "\""), UInt8(ascii: "'"), UInt8(ascii: ")"), UInt8(ascii: "."),
                                     UInt8(ascii: "!"), UInt8(ascii: "?")].contains(text[end]) {
                end += 1
            }
            close(at: end)
            index = end
        }
        close(at: text.count)
        return result
    }

    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D || byte == 0x0B || byte == 0x0C
    }

    private static func isDigit(_ byte: UInt8) -> Bool { (0x30...0x39).contains(byte) }

    /// A period inside a number, after an abbreviation or an initial does not end a sentence.
    private static func isNonFinalPeriod(in text: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
        if index > 0, index + 1 < text.count, isDigit(text[index - 1]), isDigit(text[index + 1]) { return true }
        var wordStart = index
        while wordStart > 0, !isSpace(text[wordStart - 1]), text[wordStart - 1] < 0x80 { wordStart -= 1 }
        let word = String(decoding: UnsafeBufferPointer(rebasing: text[wordStart..<index]), as: UTF8.self)
        if word.count == 1, let first = word.unicodeScalars.first, ("A"..."Z").contains(first) { return true }
        return abbreviations.contains(word.lowercased())
    }
}
