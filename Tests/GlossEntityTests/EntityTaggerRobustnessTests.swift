@testable import GlossEntity
import Testing

/// A crash in the tagger is a crash in every worker: whatever the text, the tagger returns
/// spans inside it, on character boundaries, in order.
struct EntityTaggerRobustnessTests {
    private func check(_ text: String, language: EntityLanguage, tagger: inout EntityTagger) {
        let bytes = Array(text.utf8)
        var previousStart = -1
        for mention in tagger.mentions(in: text, language: language) {
            #expect(mention.start < mention.end && mention.end <= bytes.count, "\(mention) in \(text)")
            guard mention.start < mention.end, mention.end <= bytes.count else { continue }
            #expect(bytes[mention.start] & 0xC0 != 0x80 && (mention.end == bytes.count || bytes[mention.end] & 0xC0 != 0x80))
            #expect(mention.start > previousStart)
            previousStart = mention.start
        }
    }

    @Test func survivesTextCutAnywhere() throws {
        var tagger = EntityTagger(model: try EntityModel.embedded.get())
        let sentences = [
            "وقال مارك تونر، الناطق باسم الخارجية الأمريكية، إن حكومة الوفاق الوطني في طرابلس لليبيا وتونسوالجزائر.",
            "President Barack Obama met U.N. Secretary-General Ban Ki-moon in New York's O'Hare, 3.5 km away.",
            "مُحَمَّدٌ ـ ٢٠١٥ «الأمم المتحدة» (د ب أ) ؟! … ‏‎ 𝐀 🙂 中文 עברית",
        ]
        for sentence in sentences {
            let scalars = Array(sentence.unicodeScalars)
            for length in 0...scalars.count {
                var view = String.UnicodeScalarView()
                view.append(contentsOf: scalars[0..<length])
                check(String(view), language: sentence.first == "P" ? .english : .arabic, tagger: &tagger)
            }
        }
    }

    @Test func handlesLongTextWithoutSentenceEnds() throws {
        var tagger = EntityTagger(model: try EntityModel.embedded.get())
        let long = Array(repeating: "زار الرئيس باراك أوباما بغداد والتقى نوري المالكي", count: 200).joined(separator: " ")
        check(long, language: .arabic, tagger: &tagger)
        #expect(tagger.mentions(in: long, language: .arabic).count >= 200)
        check("", language: .arabic, tagger: &tagger)
        check(String(repeating: "و", count: 5000), language: .arabic, tagger: &tagger)
    }
}
