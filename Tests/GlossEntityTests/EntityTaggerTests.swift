@testable import GlossEntity
import Testing

private func tag(_ text: String, _ language: EntityLanguage = .arabic) throws -> [String] {
    var tagger = EntityTagger(model: try EntityModel.embedded.get())
    let bytes = Array(text.utf8)
    return tagger.mentions(in: text, language: language).map {
        "\($0.entityClass.annotationType ?? "miscellaneous"):" + String(decoding: bytes[$0.start..<$0.end], as: UTF8.self)
    }
}

struct EntityTaggerTests {
    @Test(arguments: [
        ("زار الوفد تونس والجزائر الأسبوع الماضي.", "location:الجزائر"),
        ("عاد السفير إلى لبنان وبريطانيا.", "location:بريطانيا"),
        ("قدمت فرنسا مساعدات لليبيا.", "location:ليبيا"),
        ("وصل الوزير إلى واشنطن أمس.", "location:واشنطن"),
        ("قال الرئيس باراك أوباما إن بلاده ستدعم العراق.", "person:باراك أوباما"),
    ])
    func spansLeaveCliticsOut(sentence: String, expected: String) throws {
        let found = try tag(sentence)
        #expect(found.contains(expected), "\(sentence): \(found)")
    }

    @Test func anEnglishSentenceInAnArabicDocumentGetsTheEnglishWeights() throws {
        let found = try tag("قال المتحدث إن الاجتماع انتهى.\nThe State Department said John Kerry would visit Paris.")
        #expect(found.contains("person:John Kerry"), "\(found)")
        #expect(found.contains("location:Paris"), "\(found)")
        #expect(!found.contains { $0.contains("said") }, "\(found)")
    }

    @Test func englishNewsText() throws {
        let found = try tag("President Barack Obama met Chancellor Angela Merkel in Berlin on Tuesday, Reuters reported.", .english)
        #expect(found.contains("person:Barack Obama"), "\(found)")
        #expect(found.contains("person:Angela Merkel"), "\(found)")
        #expect(found.contains("location:Berlin"), "\(found)")
        #expect(found.contains("organization:Reuters"), "\(found)")
    }
}
