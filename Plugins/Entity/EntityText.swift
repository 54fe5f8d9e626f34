// Letter classes and the lookup form of letters, for the entity tagger's tokens and features.
//
// SPDX-License-Identifier: Apache-2.0

/// What the tokenizer and the features need to know about one Unicode scalar.
enum EntityText {
    /// Harakat, shadda, sukun, Quranic marks, superscript alef and tatweel: part of a word,
    /// but never part of its lookup key.
    @inline(__always)
    static func isArabicMark(_ value: UInt32) -> Bool {
        (0x064B...0x065F).contains(value) || value == 0x0670 || value == 0x0640
            || (0x06D6...0x06ED).contains(value)
    }

    @inline(__always)
    static func isArabicLetter(_ value: UInt32) -> Bool {
        (0x0621...0x063A).contains(value) || (0x0641...0x064A).contains(value) || (0x0671...0x06D3).contains(value)
            || (0x06FA...0x06FC).contains(value)
    }

    @inline(__always)
    static func digitValue(_ value: UInt32) -> UInt32? {
        switch value {
        case 0x30...0x39: value - 0x30
        case 0x0660...0x0669: value - 0x0660
        case 0x06F0...0x06F9: value - 0x06F0
        default: nil
        }
    }

    /// Letters of any script other than Arabic marks (which `isArabicMark` covers).
    @inline(__always)
    static func isLetter(_ value: UInt32) -> Bool {
        if value < 0x80 { return (0x41...0x5A).contains(value) || (0x61...0x7A).contains(value) }
        if isArabicLetter(value) { return true }
        if isArabicMark(value) || (0x0600...0x06FF).contains(value) { return false }
        guard let scalar = Unicode.Scalar(value) else { return false }
        return scalar.properties.isAlphabetic
    }

    @inline(__always)
    static func isUppercase(_ value: UInt32) -> Bool {
        if value < 0x80 { return (0x41...0x5A).contains(value) }
        if value < 0x0250, let scalar = Unicode.Scalar(value) { return scalar.properties.isUppercase }
        return false
    }

    /// The lookup form of a letter or digit: Arabic alef forms → ا, ى and Persian yeh → ي,
    /// ة → ه, keheh → ك; digits of every script → ASCII; Latin lower-cased.
    @inline(__always)
    static func normalize(_ value: UInt32) -> UInt32 {
        switch value {
        case 0x41...0x5A: return value + 32
        case 0x0622, 0x0623, 0x0625, 0x0671, 0x0672, 0x0673: return 0x0627
        case 0x0649, 0x06CC: return 0x064A
        case 0x0629: return 0x0647
        case 0x06A9: return 0x0643
        case 0x0660...0x0669: return value - 0x0660 + 0x30
        case 0x06F0...0x06F9: return value - 0x06F0 + 0x30
        case 0xC0...0x024F:
            guard let scalar = Unicode.Scalar(value) else { return value }
            let lower = scalar.properties.lowercaseMapping.unicodeScalars
            return lower.count == 1 ? lower.first!.value : value
        default: return value
        }
    }

    /// Appends the UTF-8 encoding of `value` to `bytes`.
    @inline(__always)
    static func appendUTF8(_ value: UInt32, to bytes: inout [UInt8]) {
        switch value {
        case 0..<0x80:
            bytes.append(UInt8(value))
        case 0x80..<0x800:
            bytes.append(UInt8(0xC0 | (value >> 6)))
            bytes.append(UInt8(0x80 | (value & 0x3F)))
        case 0x800..<0x10000:
            bytes.append(UInt8(0xE0 | (value >> 12)))
            bytes.append(UInt8(0x80 | ((value >> 6) & 0x3F)))
            bytes.append(UInt8(0x80 | (value & 0x3F)))
        default:
            bytes.append(UInt8(0xF0 | (value >> 18)))
            bytes.append(UInt8(0x80 | ((value >> 12) & 0x3F)))
            bytes.append(UInt8(0x80 | ((value >> 6) & 0x3F)))
            bytes.append(UInt8(0x80 | (value & 0x3F)))
        }
    }

    /// Decodes the scalar that starts at `index` of valid UTF-8; returns it and its length.
    @inline(__always)
    static func decodeUTF8(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> (value: UInt32, length: Int) {
        let lead = UInt32(bytes[index])
        if lead < 0x80 { return (lead, 1) }
        if lead < 0xE0, index + 1 < bytes.count {
            return (((lead & 0x1F) << 6) | (UInt32(bytes[index + 1]) & 0x3F), 2)
        }
        if lead < 0xF0, index + 2 < bytes.count {
            return (((lead & 0x0F) << 12) | ((UInt32(bytes[index + 1]) & 0x3F) << 6) | (UInt32(bytes[index + 2]) & 0x3F), 3)
        }
        if index + 3 < bytes.count {
            return (((lead & 0x07) << 18) | ((UInt32(bytes[index + 1]) & 0x3F) << 12)
                    | ((UInt32(bytes[index + 2]) & 0x3F) << 6) | (UInt32(bytes[index + 3]) & 0x3F), 4)
        }
        return (0xFFFD, 1)  // truncated: the host guarantees valid UTF-8, so never reached there
    }

    /// The lookup key of a word or phrase as the tokenizer would produce it, as UTF-8 bytes.
    static func key(_ word: String) -> [UInt8] {
        var bytes: [UInt8] = []
        for scalar in word.unicodeScalars where !isArabicMark(scalar.value) {
            appendUTF8(normalize(scalar.value), to: &bytes)
        }
        return bytes
    }
}
