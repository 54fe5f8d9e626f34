@testable import GlossEntity
import Testing

struct EntityTokenizerTests {
    @Test func keepsExactByteOffsets() {
        let text = "قال مارك تونر، إن \"داعش\" ينتشر."
        var copy = text
        let tokens = copy.withUTF8 { EntityTokenizer.tokenize($0) }
        let bytes = Array(text.utf8)
        let words = tokens.tokens.map { String(decoding: bytes[$0.start..<$0.end], as: UTF8.self) }
        #expect(words == ["قال", "مارك", "تونر", "،", "إن", "\"", "داعش", "\"", "ينتشر", "."])
    }
}
