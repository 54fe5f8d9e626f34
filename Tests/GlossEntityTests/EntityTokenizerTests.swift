@testable import GlossEntity
import Testing

private func tokens(_ text: String) -> [String] {
    var copy = text
    let tokenized = copy.withUTF8 { EntityTokenizer.tokenize($0) }
    let bytes = Array(text.utf8)
    return tokenized.tokens.map { String(decoding: bytes[$0.start..<$0.end], as: UTF8.self) }
}

private func keys(_ text: String) -> [String] {
    var copy = text
    let tokenized = copy.withUTF8 { EntityTokenizer.tokenize($0) }
    return tokenized.tokens.indices.map { tokenized.key($0) }
}

struct EntityTokenizerTests {
    @Test func keepsExactByteOffsets() {
        #expect(tokens("قال مارك تونر، إن \"داعش\" ينتشر.") == ["قال", "مارك", "تونر", "،", "إن", "\"", "داعش", "\"", "ينتشر", "."])
        #expect(tokens("The U.S. Army's 3.5 km-long O'Brien road.") == ["The", "U.S.", "Army", "'", "s", "3.5", "km-long", "O'Brien", "road", "."])
    }

    @Test func diacriticsAndTatweelStayInTheTokenButLeaveTheKey() {
        #expect(tokens("مُحَمَّد بـالجزائر") == ["مُحَمَّد", "بـالجزائر"])
        #expect(keys("مُحَمَّد بـالجزائر") == ["محمد", "بالجزائر"])
    }

    @Test(arguments: [
        ("أحمد", "احمد"), ("إسلام", "اسلام"), ("آمال", "امال"), ("مصطفى", "مصطفي"), ("مدينة", "مدينه"),
        ("London", "london"), ("٢٠١٥", "2015"),
    ])
    func normalizesLetters(word: String, key: String) {
        #expect(keys(word) == [key])
    }
}

struct CliticSplitTests {
    private struct Frequencies: EntityLexicon {
        var known: [String: Int]
        func word(_ hash: UInt64) -> WordInfo {
            for (word, count) in known where FeatureHash.bytes(EntityText.key(word)) == hash { return WordInfo(rawValue: UInt32(count)) }
            return []
        }
        func phrase(_ hash: UInt64) -> PhraseInfo { [] }
    }

    private func split(_ word: String, _ known: [String: Int] = [:]) -> CliticSplit {
        let key = EntityText.key(word)
        return key.withUnsafeBufferPointer { ArabicClitics.split($0, from: 0, to: $0.count, lexicon: Frequencies(known: known)) }
    }

    @Test func aConjunctionOrPrepositionBeforeTheArticleIsAClitic() {
        #expect(split("والجزائر").spanLetters == 1)
        #expect(split("بالجزائر").spanLetters == 1)
        #expect(split("وبالجزائر").spanLetters == 2)
        #expect(split("الجزائر") == CliticSplit(spanLetters: 0, entityStart: 0, restoredArticle: false, stemStart: 4))
    }

    @Test func lamLamIsReadTheWayTheLexiconKnowsBetter() {
        #expect(split("لليبيا", ["ليبيا": 30]).spanLetters == 1)
        let article = split("للأمم", ["الأمم": 30])
        #expect(article.spanLetters == 2 && article.restoredArticle)
    }

    @Test func aFirstLetterStaysWhenTheWholeWordIsBetterKnown() {
        #expect(split("ولبنان", ["لبنان": 100, "ولبنان": 5]).spanLetters == 1)
        #expect(split("لبنان", ["لبنان": 100]).spanLetters == 0)
        #expect(split("بريطانيا", ["بريطانيا": 40]).spanLetters == 0)
        #expect(split("واشنطن", ["واشنطن": 40]).spanLetters == 0)
        // Unknown words lose a conjunction but never a preposition.
        #expect(split("وتونر").spanLetters == 1)
        #expect(split("بولتون").spanLetters == 0)
    }
}
