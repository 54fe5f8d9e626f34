import GlossCore
import Testing

struct TextDecoderTests {
    private let arabic = "قال وزير الخارجية الجزائري إن الاجتماع في العاصمة"

    /// Encodes `text` by inverting the decoder one byte at a time; every letter used here
    /// exists in both legacy encodings.
    private func bytes(_ text: String, python codec: String) -> [UInt8] {
        var result: [UInt8] = []
        for scalar in text.unicodeScalars {
            if scalar.isASCII { result.append(UInt8(scalar.value)); continue }
            for byte in UInt8(0x80)...UInt8(0xFF) {
                if case .success(let decoded) = TextDecoder(legacyEncoding: codec == "cp1256" ? .windows1256 : .iso8859_6).decode([byte]),
                   decoded.text.unicodeScalars.first == scalar {
                    result.append(byte)
                    break
                }
            }
        }
        return result
    }

    @Test func decodesPlainUTF8() throws {
        let decoded = try TextDecoder().decode(Array(arabic.utf8)).get()
        #expect(decoded == DecodedText(text: arabic, encoding: .utf8))
    }

    @Test func dropsTheUTF8ByteOrderMark() throws {
        let decoded = try TextDecoder().decode([0xEF, 0xBB, 0xBF] + Array("abc".utf8)).get()
        #expect(decoded == DecodedText(text: "abc", encoding: .utf8WithBOM))
    }

    @Test(arguments: [true, false])
    func decodesUTF16WithAByteOrderMark(littleEndian: Bool) throws {
        var data: [UInt8] = littleEndian ? [0xFF, 0xFE] : [0xFE, 0xFF]
        for unit in "تونس 👍".utf16 {
            data += littleEndian ? [UInt8(unit & 0xFF), UInt8(unit >> 8)] : [UInt8(unit >> 8), UInt8(unit & 0xFF)]
        }
        let decoded = try TextDecoder().decode(data).get()
        #expect(decoded.text == "تونس 👍")
        #expect(decoded.encoding == (littleEndian ? .utf16LittleEndian : .utf16BigEndian))
    }

    @Test func refusesUTF16WithAnUnpairedSurrogate() {
        let result = TextDecoder().decode([0xFF, 0xFE, 0x3D, 0xD8, 0x41, 0x00])
        #expect(throws: ResultError.self) { try result.get() }
    }

    @Test func detectsWindows1256() throws {
        let encoded = bytes(arabic, python: "cp1256")
        let decoded = try TextDecoder().decode(encoded).get()
        #expect(decoded == DecodedText(text: arabic, encoding: .windows1256))
    }

    @Test func detectsISO8859_6() throws {
        let encoded = bytes(arabic, python: "iso8859_6")
        let decoded = try TextDecoder().decode(encoded).get()
        #expect(decoded == DecodedText(text: arabic, encoding: .iso8859_6))
    }

    @Test func refusesLegacyBytesThatReadEquallyWellBothWays() {
        // Two letters that sit at the same bytes in both encodings: nothing tells them apart.
        let result = TextDecoder().decode([0xC7, 0xC8, 0x20, 0xC8, 0xC7])
        if case .failure(let error) = result { #expect(error.code == "encoding_ambiguous") } else { Issue.record("decoded") }
    }

    @Test func usesTheConfiguredLegacyEncoding() throws {
        let decoded = try TextDecoder(legacyEncoding: .iso8859_6).decode([0xC7, 0xE4]).get()
        #expect(decoded == DecodedText(text: "ال", encoding: .iso8859_6))
    }

    @Test func refusesLegacyInputWhenTurnedOff() {
        if case .failure(let error) = TextDecoder(legacyEncoding: .none).decode([0xC7, 0xE1]) {
            #expect(error.code == "not_text")
            #expect(error.message.contains("input.encoding"))
        } else {
            Issue.record("decoded")
        }
    }

    @Test(arguments: [
        [0x48, 0x00, 0x49],          // NUL
        [0x7F, 0x45, 0x4C, 0x46, 0x01, 0x02],  // control characters (an ELF header)
        [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A],  // a PNG signature: not UTF-8, control character 0x1A
    ] as [[UInt8]])
    func refusesBinaryContentAsNotText(bytes: [UInt8]) {
        if case .failure(let error) = TextDecoder().decode(bytes) {
            #expect(error.code == "not_text")
        } else {
            Issue.record("decoded \(bytes) as text")
        }
    }

    @Test func keepsTabsNewlinesAndFormFeeds() throws {
        #expect(try TextDecoder().decode(Array("a\tb\r\nc\u{0C}".utf8)).get().text == "a\tb\r\nc\u{0C}")
    }
}
