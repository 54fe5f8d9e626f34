// Name keys: the one normalization under every gazetteer lookup. The Python twin,
// scripts/geo/geokey.py, builds the keys in the file; both must give byte-identical keys, and
// GlossGeoGazetteerTests checks them against Plugins/Geo/Data/key-examples.tsv, which the build
// script writes with the Python one. Change both or neither.
//
// SPDX-License-Identifier: Apache-2.0

import Foundation

/// Turns a name as written into the key the gazetteer stores it under.
///
/// For each Unicode scalar: apostrophe-like marks (' ‘ ’ ʹ ʻ ʼ ʽ ʾ ʿ ˈ ` ´ ′) are dropped; the
/// rest is decomposed (NFKD); Arabic letters are folded (أ إ آ ٱ → ا, ى → ي, ة → ه, ؤ → و,
/// ئ → ي, Persian ی → ي, ک → ك) and Arabic diacritics U+064B–U+065F, U+0670 and tatweel dropped;
/// what is left is lower-cased scalar by scalar (full Unicode mapping). Letters are kept,
/// decimal digits of any script become ASCII digits, marks and format characters (ZWNJ, LRM,
/// soft hyphen) are dropped, and anything else — spaces, punctuation, hyphens, symbols — ends a
/// word. The key is the words joined by single spaces (`"ابو ظبي"`, `"abu dhabi"`), or "" when
/// there is none. Clitics (و ب ل ال) are left alone: callers try the variants themselves.
///
/// Pure and thread-safe. Allocates the result; ASCII and Arabic letters take a fast path, other
/// scripts go through Foundation's decomposition.
public enum GeoKey {
    /// The key of `text`.
    public static func normalize(_ text: Substring) -> String {
        var builder = KeyBuilder()
        for scalar in text.unicodeScalars {
            builder.add(scalar)
        }
        return builder.result
    }

    /// The key of `text`.
    public static func normalize(_ text: String) -> String {
        normalize(text[...])
    }

    /// The key of the UTF-8 text `bytes`: the same as `normalize(_:)`, without building a
    /// String first. ASCII and Arabic text (what news is made of) is folded byte by byte into
    /// one buffer; anything else goes through `normalize(_:)`.
    public static func normalize(utf8 bytes: UnsafeBufferPointer<UInt8>) -> String {
        // Folding never makes ASCII or Arabic text longer: one output byte per input byte at most.
        let fast: String? = withUnsafeTemporaryAllocation(of: UInt8.self, capacity: max(bytes.count, 1)) { output in
            var length = 0, pendingSpace = false, index = 0
            func emit(_ first: UInt8, _ second: UInt8? = nil) {
                if pendingSpace {
                    if length > 0 { output[length] = 0x20; length += 1 }
                    pendingSpace = false
                }
                output[length] = first
                length += 1
                if let second { output[length] = second; length += 1 }
            }
            while index < bytes.count {
                let lead = bytes[index]
                if lead < 0x80 {
                    switch lead {
                    case 0x41...0x5A: emit(lead + 0x20)
                    case 0x61...0x7A, 0x30...0x39: emit(lead)
                    case 0x27, 0x60: break
                    default: pendingSpace = true
                    }
                    index += 1
                    continue
                }
                // Arabic letters and marks: U+0600–U+06FF are the two-byte sequences D8 80 … DB BF.
                guard lead >= 0xD8, lead <= 0xDB, index + 1 < bytes.count else { return nil }
                let value = (UInt32(lead) & 0x1F) << 6 | UInt32(bytes[index + 1] & 0x3F)
                guard (0x0621...0x065F).contains(value) || value == 0x0670 || value == 0x0671 || value == 0x06CC || value == 0x06A9 else {
                    return nil
                }
                index += 2
                if isArabicDrop(value) { continue }
                let folded = arabicFold(value) ?? value
                emit(UInt8(0xC0 | folded >> 6), UInt8(0x80 | folded & 0x3F))
            }
            return String(decoding: UnsafeBufferPointer(rebasing: output[..<length]), as: UTF8.self)
        }
        return fast ?? normalize(String(decoding: bytes, as: UTF8.self))
    }

    /// Apostrophe-like scalars that vanish inside words ("Sana'a" → "sanaa").
    static func isApostrophe(_ value: UInt32) -> Bool {
        switch value {
        case 0x27, 0x60, 0xB4, 0x2B9, 0x2BB, 0x2BC, 0x2BD, 0x2BE, 0x2BF, 0x2C8, 0x2018, 0x2019, 0x2032: true
        default: false
        }
    }

    /// The Arabic letter folds (nil: unchanged).
    static func arabicFold(_ value: UInt32) -> UInt32? {
        switch value {
        case 0x0622, 0x0623, 0x0625, 0x0671: 0x0627  // آ أ إ ٱ → ا
        case 0x0649, 0x06CC: 0x064A                   // ى ی → ي
        case 0x0629: 0x0647                           // ة → ه
        case 0x0624: 0x0648                           // ؤ → و
        case 0x0626: 0x064A                           // ئ → ي
        case 0x06A9: 0x0643                           // ک → ك
        default: nil
        }
    }

    /// Arabic diacritics, superscript alef and tatweel.
    static func isArabicDrop(_ value: UInt32) -> Bool {
        (0x064B...0x065F).contains(value) || value == 0x0670 || value == 0x0640
    }

    /// NFKD of the Latin-1 Supplement and Latin Extended-A/B, computed once: the accented
    /// letters of place names, so that they skip Foundation on every lookup.
    static let latinDecompositions: [[Unicode.Scalar]] = (0x80..<0x250).map { value in
        decomposeWithFoundation(Unicode.Scalar(UInt32(value))!)
    }

    static func decomposeWithFoundation(_ scalar: Unicode.Scalar) -> [Unicode.Scalar] {
        Array(String(Character(scalar)).decomposedStringWithCompatibilityMapping.unicodeScalars)
    }

    static func decompose(_ scalar: Unicode.Scalar) -> [Unicode.Scalar] {
        let value = scalar.value
        if value >= 0x80 && value < 0x250 {
            return latinDecompositions[Int(value) - 0x80]
        }
        return decomposeWithFoundation(scalar)
    }
}

/// Accumulates one key: words of kept scalars separated by single spaces.
private struct KeyBuilder {
    private var scalars = String.UnicodeScalarView()
    private var pendingSpace = false

    var result: String { String(scalars) }

    private mutating func emit(_ scalar: Unicode.Scalar) {
        if pendingSpace {
            if !scalars.isEmpty { scalars.append(" ") }
            pendingSpace = false
        }
        scalars.append(scalar)
    }

    private mutating func endWord() {
        pendingSpace = true
    }

    mutating func add(_ scalar: Unicode.Scalar) {
        let value = scalar.value
        if value < 0x80 {
            switch value {
            case 0x41...0x5A: emit(Unicode.Scalar(value + 0x20)!)
            case 0x61...0x7A, 0x30...0x39: emit(scalar)
            case 0x27, 0x60: break
            default: endWord()
            }
            return
        }
        if GeoKey.isApostrophe(value) { return }
        // The Arabic letters and marks: no decomposition needed (the hamza forms that decompose
        // fold to the same letters), no case.
        if (0x0621...0x065F).contains(value) || value == 0x0670 || value == 0x0671
            || value == 0x06CC || value == 0x06A9 {
            if GeoKey.isArabicDrop(value) { return }
            emit(Unicode.Scalar(GeoKey.arabicFold(value) ?? value)!)
            return
        }
        for part in GeoKey.decompose(scalar) {
            addDecomposed(part)
        }
    }

    private mutating func addDecomposed(_ part: Unicode.Scalar) {
        let value = part.value
        if GeoKey.isApostrophe(value) { return }
        let folded = GeoKey.arabicFold(value).map { Unicode.Scalar($0)! } ?? part
        if GeoKey.isArabicDrop(folded.value) { return }
        if folded.value < 0x80 {
            // Decompositions often end in ASCII letters: skip the case-mapping string.
            switch folded.value {
            case 0x41...0x5A: emit(Unicode.Scalar(folded.value + 0x20)!)
            case 0x61...0x7A, 0x30...0x39: emit(folded)
            default: endWord()
            }
            return
        }
        for lowered in folded.properties.lowercaseMapping.unicodeScalars {
            classify(lowered)
        }
    }

    private mutating func classify(_ scalar: Unicode.Scalar) {
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter:
            emit(scalar)
        case .decimalNumber:
            if let digit = scalar.properties.numericValue, digit >= 0, digit <= 9 {
                emit(Unicode.Scalar(UInt8(0x30 + Int(digit))))
            } else {
                endWord()
            }
        case .nonspacingMark, .spacingMark, .enclosingMark, .format:
            break
        default:
            endWord()
        }
    }
}
