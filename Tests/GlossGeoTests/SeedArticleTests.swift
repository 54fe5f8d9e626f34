import Foundation
@testable import GlossGeo
import Testing

/// The sample article (seeds/000_cb800a4348140aef.txt) with the embedded gazetteer, without
/// the entity analyzer (the end-to-end test runs both).
struct GeoSeedArticleTests {
    static let text: String = {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        return (try? String(contentsOf: root.appendingPathComponent("seeds/000_cb800a4348140aef.txt"), encoding: .utf8)) ?? ""
    }()

    static let found: [(text: String, name: String, country: String)] = {
        guard let gazetteer = try? Gazetteer.embedded() else { return [] }
        let bytes = Array(text.utf8)
        return GeoTagger(gazetteer: gazetteer).tag(text).mentions.map {
            let place = gazetteer.place($0.place)
            return (String(decoding: bytes[$0.start..<$0.end], as: UTF8.self), place.name, place.country)
        }
    }()

    @Test(arguments: [
        ("ليبيا", "LY", 15), ("الجزائر", "DZ", 4), ("تونس", "TN", 2), ("مصر", "EG", 1), ("سرت", "LY", 3), ("طرابلس", "LY", 3),
        ("مصراتة", "LY", 1), ("فيينا", "AT", 1), ("ابو قرين", "LY", 1), ("سوريا", "SY", 1), ("العراق", "IQ", 1),
        ("أوروبا", "", 1), ("المغرب العربي", "", 2), ("الساحل الإفريقي", "", 2), ("واشنطن", "US", 1),
    ])
    func findsEveryPlaceOfTheArticle(text: String, country: String, count: Int) {
        let matches = Self.found.filter { $0.text == text }
        #expect(matches.count == count, "\(text): \(Self.found.map { "\($0.text)→\($0.name)" })")
        #expect(matches.allSatisfy { $0.country == country }, "\(text): \(matches)")
    }

    @Test func findsNothingElse() {
        let expected: Set<String> = ["ليبيا", "الجزائر", "تونس", "مصر", "سرت", "طرابلس", "مصراتة", "فيينا", "ابو قرين", "سوريا", "العراق",
                                     "أوروبا", "المغرب العربي", "الساحل الإفريقي", "واشنطن"]
        #expect(Self.found.filter { !expected.contains($0.text) }.isEmpty, "\(Self.found.map(\.text))")
        // The Algerian capital is no place here: every الجزائر is the country.
        #expect(!Self.found.contains { $0.name == "Algiers" })
    }
}
