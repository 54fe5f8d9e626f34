// Leading clitics of Arabic words: the conjunctions و ف, the prepositions ب ل ك, and the
// article ال (which لل absorbs: ل + الأمم = للأمم). Whether a first letter is a clitic or
// part of the name (وبريطانيا against واشنطن, لليبيا against للأمم) is decided by which
// reading the training text knows better.
//
// SPDX-License-Identifier: Apache-2.0

/// How one word splits into clitics, entity form and stem.
struct CliticSplit: Equatable {
    /// Letters of the original word a span leaves out: 1 for والجزائر (→ الجزائر), 2 for للأمم.
    var spanLetters = 0
    /// Byte offset in the key where the entity form starts (the word without و ف ب ل ك).
    var entityStart = 0
    /// The entity form lost its article to لل: it is ال + key[entityStart...].
    var restoredArticle = false
    /// Byte offset in the key where the stem starts (the entity form without its article).
    var stemStart = 0

    static let none = CliticSplit()
}

enum ArabicClitics {
    // UTF-8 of the letters involved (all Arabic letters are two bytes).
    private static let waw: (UInt8, UInt8) = (0xD9, 0x88), fa: (UInt8, UInt8) = (0xD9, 0x81)
    private static let ba: (UInt8, UInt8) = (0xD8, 0xA8), lam: (UInt8, UInt8) = (0xD9, 0x84)
    private static let kaf: (UInt8, UInt8) = (0xD9, 0x83), alef: (UInt8, UInt8) = (0xD8, 0xA7)
    /// ال as UTF-8, to restore the article of a word after لل.
    static let article: [UInt8] = [0xD8, 0xA7, 0xD9, 0x84]

    /// Splits the key `key[lower..<upper]` of an Arabic word.
    @inline(__always)
    static func split<Lexicon: EntityLexicon>(
        _ key: UnsafeBufferPointer<UInt8>, from lower: Int, to upper: Int, lexicon: Lexicon
    ) -> CliticSplit {
        let length = upper - lower
        guard length >= 6 else { return .none }
        @inline(__always) func letter(_ index: Int) -> (UInt8, UInt8)? {
            let position = lower + 2 * index
            guard position + 1 < upper else { return nil }
            return (key[position], key[position + 1])
        }
        @inline(__always) func same(_ a: (UInt8, UInt8)?, _ b: (UInt8, UInt8)) -> Bool {
            guard let a else { return false }
            return a.0 == b.0 && a.1 == b.1
        }
        @inline(__always) func lettersLeft(after letters: Int) -> Int { (length - 2 * letters) / 2 }
        @inline(__always) func frequency(from letters: Int, restoringArticle: Bool = false) -> Int {
            let seed = restoringArticle ? FeatureHash.bytes(article.withUnsafeBufferPointer { $0 }, from: 0, to: 4) : FeatureHash.empty
            return lexicon.word(FeatureHash.bytes(key, from: lower + 2 * letters, to: upper, seed: seed)).frequency
        }

        // The article alone.
        if same(letter(0), alef), same(letter(1), lam), lettersLeft(after: 2) >= 2 {
            return CliticSplit(spanLetters: 0, entityStart: 0, restoredArticle: false, stemStart: 4)
        }
        let conjunction = same(letter(0), waw) || same(letter(0), fa) ? 1 : 0
        let prepositionLetter = letter(conjunction)
        let preposition = same(prepositionLetter, ba) || same(prepositionLetter, lam) || same(prepositionLetter, kaf) ? 1 : 0
        guard conjunction + preposition > 0 else { return .none }

        // و/ف/ب/ك + ال (والجزائر، بالجزائر، وبالجزائر): the article stays in the entity form.
        for clitics in [conjunction + preposition, conjunction] where clitics > 0 {
            if same(letter(clitics), alef), same(letter(clitics + 1), lam), lettersLeft(after: clitics + 2) >= 2 {
                return CliticSplit(spanLetters: clitics, entityStart: 2 * clitics, restoredArticle: false, stemStart: 2 * clitics + 4)
            }
        }
        // لل: ل + a word starting with ل (لليبيا) or ل + ال with its alef dropped (للأمم).
        if preposition == 1, same(prepositionLetter, lam), same(letter(conjunction + 1), lam), lettersLeft(after: conjunction + 2) >= 2 {
            let withLam = frequency(from: conjunction + 1)
            let withArticle = frequency(from: conjunction + 2, restoringArticle: true)
            if withLam > withArticle {
                let start = 2 * (conjunction + 1)
                return CliticSplit(spanLetters: conjunction + 1, entityStart: start, restoredArticle: false, stemStart: start)
            }
            let start = 2 * (conjunction + 2)
            return CliticSplit(spanLetters: conjunction + 2, entityStart: start, restoredArticle: true, stemStart: start)
        }
        // Otherwise the reading the training text knows best, if it knows it better than the
        // whole word (ولبنان → لبنان, but لبنان stays whole). Unknown words lose a conjunction,
        // never a preposition: many foreign names start with ب ل ك, few with و ف.
        var best = 0
        var bestFrequency = frequency(from: 0)
        for letters in [conjunction, conjunction + preposition] where letters > 0 && lettersLeft(after: letters) >= 3 {
            let candidate = frequency(from: letters)
            if candidate > bestFrequency { best = letters; bestFrequency = candidate }
        }
        if best == 0, bestFrequency == 0, conjunction == 1, lettersLeft(after: 1) >= 3 { best = 1 }
        return CliticSplit(spanLetters: best, entityStart: 2 * best, restoredArticle: false, stemStart: 2 * best)
    }
}
