import Foundation
@testable import GlossEntity
import Testing

/// The sample article (seeds/000_cb800a4348140aef.txt) tagged with the embedded model.
private enum SeedArticle {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let text = (try? String(contentsOf: root.appendingPathComponent("seeds/000_cb800a4348140aef.txt"), encoding: .utf8)) ?? ""
    static let bytes = Array(text.utf8)
    static let mentions: [(type: String, start: Int, end: Int, text: String)] = {
        guard let model = try? EntityModel.embedded.get() else { return [] }
        var tagger = EntityTagger(model: model)
        return tagger.mentions(in: text, language: .arabic).map {
            ($0.entityClass.annotationType ?? "miscellaneous", $0.start, $0.end, String(decoding: bytes[$0.start..<$0.end], as: UTF8.self))
        }
    }()

    /// Byte offsets of every occurrence of `word` in the article.
    static func occurrences(of word: String) -> [Int] {
        let needle = Array(word.utf8)
        guard needle.count <= bytes.count else { return [] }
        return (0...(bytes.count - needle.count)).filter { bytes[$0..<($0 + needle.count)].elementsEqual(needle) }
    }
}

struct SeedArticleTests {
    @Test(arguments: [
        ("مارك تونر", "person", 2), ("السراج", "person", 1),
        ("الخارجية الأمريكية", "organization", 2), ("الدولة الإسلامية", "organization", 1),
        ("واشنطن بوست", "organization", 1),
    ])
    func findsTheNamedEntity(text: String, type: String, count: Int) {
        let found = SeedArticle.mentions.filter { $0.text == text && $0.type == type }
        #expect(found.count >= count, "\(text): \(SeedArticle.mentions.map { "\($0.type):\($0.text)" })")
    }

    @Test func everyMentionOfDaeshIsAnOrganization() {
        let occurrences = SeedArticle.occurrences(of: "داعش")
        #expect(occurrences.count == 6)
        for start in occurrences {
            #expect(SeedArticle.mentions.contains { $0.type == "organization" && $0.start == start && $0.text == "داعش" }, "داعش at \(start)")
        }
    }

    /// حكومة الوفاق and حكومة الوفاق الوطني, each whole, at each of their four mentions.
    @Test func everyMentionOfTheGovernmentOfNationalAccordIsOneOrganization() {
        let occurrences = SeedArticle.occurrences(of: "حكومة الوفاق")
        #expect(occurrences.count == 4)
        for start in occurrences {
            let mention = SeedArticle.mentions.first { $0.start == start }
            #expect(mention?.type == "organization", "at \(start): \(String(describing: mention))")
            #expect(mention?.text == "حكومة الوفاق" || mention?.text == "حكومة الوفاق الوطني")
        }
    }

    @Test(arguments: ["ليبيا", "الجزائر", "تونس", "مصر", "طرابلس", "سرت", "سوريا", "العراق", "مصراتة", "فيينا", "أوروبا", "المغرب العربي",
                      "الساحل الإفريقي", "ابو قرين", "واشنطن"])
    func thePlacesAreLocations(place: String) {
        #expect(SeedArticle.mentions.contains { $0.type == "location" && $0.text == place }, "\(place)")
    }

    /// لليبيا → ليبيا, تونسوالجزائر → تونس + الجزائر, الجزائروتونس → الجزائر + تونس.
    @Test func spansLeaveCliticsOutAndSplitJoinedNames() {
        let libya = SeedArticle.occurrences(of: "لليبيا")
        #expect(libya.count == 1)
        #expect(SeedArticle.mentions.contains { $0.start == libya[0] + 2 && $0.text == "ليبيا" && $0.type == "location" })
        for joined in ["تونسوالجزائر", "الجزائروتونس"] {
            let start = SeedArticle.occurrences(of: joined)[0]
            let end = start + joined.utf8.count
            let inside = SeedArticle.mentions.filter { $0.start >= start && $0.end <= end }.map(\.text)
            #expect(inside.count == 2 && inside.allSatisfy { $0 == "تونس" || $0 == "الجزائر" }, "\(joined): \(inside)")
        }
        for mention in SeedArticle.mentions {
            #expect(!["و", "ل", "ب"].contains(where: { mention.text.hasPrefix($0 + "ال") }), "\(mention.text) keeps a clitic")
        }
    }

    /// Every mention's offsets are exact: its text is the slice of the original at those bytes,
    /// which starts and ends on letters.
    @Test func offsetsAreOnCharacterBoundaries() {
        #expect(!SeedArticle.mentions.isEmpty)
        for mention in SeedArticle.mentions {
            #expect(mention.start < mention.end && mention.end <= SeedArticle.bytes.count)
            #expect(SeedArticle.bytes[mention.start] & 0xC0 != 0x80)
            #expect(mention.end == SeedArticle.bytes.count || SeedArticle.bytes[mention.end] & 0xC0 != 0x80)
            #expect(mention.text.first?.isLetter == true && mention.text.last?.isLetter == true, "\(mention.text)")
        }
    }
}
