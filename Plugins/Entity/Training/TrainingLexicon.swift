// The lexicon built from the training data and the word lists, with the training data's own
// counts split into folds: a training sentence sees the counts of the other folds only, so the
// model learns how much "tagged as a place elsewhere in the training data" is worth on text it
// has not seen (jackknifing), instead of learning to trust it blindly.
//
// SPDX-License-Identifier: Apache-2.0

import Foundation

/// Counts of one word or phrase in the training data.
struct Tally {
    var occurrences: Int32 = 0
    var classes: (Int32, Int32, Int32, Int32) = (0, 0, 0, 0)
    /// For phrases: how often a longer entity starts with these words.
    var prefixes: Int32 = 0

    subscript(_ entityClass: Int) -> Int32 {
        get { [classes.0, classes.1, classes.2, classes.3][entityClass] }
        set {
            switch entityClass {
            case 0: classes.0 = newValue
            case 1: classes.1 = newValue
            case 2: classes.2 = newValue
            default: classes.3 = newValue
            }
        }
    }

    static func - (lhs: Tally, rhs: Tally) -> Tally {
        var result = lhs
        result.occurrences -= rhs.occurrences
        result.prefixes -= rhs.prefixes
        for index in 0..<4 { result[index] = lhs[index] - rhs[index] }
        return result
    }
}

/// Everything the lexicon knows, before it is cut into a fold's view or written to the model.
final class TrainingLexiconTables {
    static let folds = 10

    /// Word frequencies in the training text (whole words, normalized keys).
    private(set) var frequencies: [UInt64: Int] = [:]
    /// Name lists, trigger words, the curated lexicon: WordInfo / PhraseInfo bits.
    private(set) var staticWords: [UInt64: UInt32] = [:]
    private(set) var staticPhrases: [UInt64: UInt32] = [:]
    private var words: [UInt64: Tally] = [:]
    private var phrases: [UInt64: Tally] = [:]
    private var foldWords: [[UInt64: Tally]] = Array(repeating: [:], count: folds)
    private var foldPhrases: [[UInt64: Tally]] = Array(repeating: [:], count: folds)

    /// Builds the tables. `sentences` are the training sentences, with their language; the
    /// fold of sentence i is `i % folds`. `namesDirectory` holds the AKhateeb/arabic-names lists.
    init(sentences: [(ConllSentence, EntityLanguage)], namesDirectory: String?) throws {
        for (sentence, _) in sentences {
            for word in sentence.words { frequencies[FeatureHash.bytes(EntityText.key(word)), default: 0] += 1 }
        }
        try addStaticLists(namesDirectory: namesDirectory)
        let whole = FoldLexicon(tables: self, fold: nil)
        for (index, (sentence, _)) in sentences.enumerated() {
            let fold = index % Self.folds
            let text = sentence.tokenized
            let forms = text.keys.withUnsafeBufferPointer { keys in
                text.tokens.map { token -> (entity: UInt64, word: UInt64) in
                    let word = FeatureHash.bytes(keys, from: token.keyStart, to: token.keyEnd)
                    guard token.kind == .word, token.isArabic else { return (word, word) }
                    return (Self.entityForm(token, keys: keys, lexicon: whole), word)
                }
            }
            for (position, form) in forms.enumerated() {
                var tally = Tally(occurrences: 1)
                if let entityClass = EntityLabel.entityClass(of: sentence.labels[position]) { tally[entityClass.rawValue] = 1 }
                add(tally, for: form.entity, fold: fold, phrase: false)
            }
            for span in EntityTagger.spans(sentence.labels) where span.count >= 2 {
                guard let entityClass = EntityLabel.entityClass(of: sentence.labels[span.lowerBound]) else { continue }
                var hash = forms[span.lowerBound].entity
                for position in (span.lowerBound + 1)..<span.upperBound {
                    hash = PhraseHash.extend(hash, with: forms[position].word)
                    var tally = Tally()
                    if position == span.upperBound - 1 { tally[entityClass.rawValue] = 1 } else { tally.prefixes = 1 }
                    add(tally, for: hash, fold: fold, phrase: true)
                }
            }
        }
    }

    static func entityForm<Lexicon: EntityLexicon>(_ token: EntityToken, keys: UnsafeBufferPointer<UInt8>, lexicon: Lexicon) -> UInt64 {
        let split = ArabicClitics.split(keys, from: token.keyStart, to: token.keyEnd, lexicon: lexicon)
        if split.restoredArticle {
            let seed = ArabicClitics.article.withUnsafeBufferPointer { FeatureHash.bytes($0, from: 0, to: 4) }
            return FeatureHash.bytes(keys, from: token.keyStart + split.entityStart, to: token.keyEnd, seed: seed)
        }
        return FeatureHash.bytes(keys, from: token.keyStart + split.entityStart, to: token.keyEnd)
    }

    private func add(_ tally: Tally, for hash: UInt64, fold: Int, phrase: Bool) {
        func merge(_ table: inout [UInt64: Tally]) {
            var current = table[hash, default: Tally()]
            current.occurrences += tally.occurrences
            current.prefixes += tally.prefixes
            for index in 0..<4 { current[index] += tally[index] }
            table[hash] = current
        }
        if phrase {
            merge(&phrases)
            merge(&foldPhrases[fold])
        } else {
            merge(&words)
            merge(&foldWords[fold])
        }
    }

    private func addStaticLists(namesDirectory: String?) throws {
        func addWords(_ list: String, _ info: WordInfo) { for entry in CuratedLexicon.entries(list) { addEntry(entry, word: info, phrase: []) } }
        addWords(CuratedLexicon.personTriggers, .personTrigger)
        addWords(CuratedLexicon.organizationTriggers, .organizationTrigger)
        addWords(CuratedLexicon.locationTriggers, .locationTrigger)
        addWords(CuratedLexicon.nameAnnouncers, .nameAnnouncer)
        for (list, word, phrase) in [
            (CuratedLexicon.organizations, WordInfo.curatedOrganization, PhraseInfo.curatedOrganization),
            (CuratedLexicon.people, .curatedPerson, .curatedPerson),
            (CuratedLexicon.places, .curatedLocation, .curatedLocation),
            (CuratedLexicon.arabicCountries, .curatedLocation, .curatedLocation),
            (CuratedLexicon.englishCountries, .curatedLocation, .curatedLocation),
        ] {
            for entry in CuratedLexicon.entries(list) { addEntry(entry, word: word, phrase: phrase) }
        }
        guard let namesDirectory else { return }
        let lists: [(String, WordInfo)] = [
            ("male-first--names-in-arabic.txt", .givenName), ("female-first-names-in-arabic.txt", .givenName),
            ("Most-Popular-Arabic-FirstNames.txt", .givenName), ("last-names-in-arabic.txt", .familyName),
            ("Most-Popular-Arabic-LastNames.txt", .familyName),
        ]
        for (file, info) in lists {
            let path = (namesDirectory as NSString).appendingPathComponent(file)
            guard let data = FileManager.default.contents(atPath: path) else {
                throw ConllCorpusError(description: "cannot read the name list \(path)")
            }
            for line in String(decoding: data, as: UTF8.self).split(whereSeparator: \.isNewline) {
                let name = line.trimmingCharacters(in: .whitespaces.union(CharacterSet(charactersIn: "\u{FEFF}")))
                if !name.isEmpty { addEntry(name, word: info, phrase: []) }
            }
        }
    }

    /// A single word gets `word` bits; a phrase gets `phrase` bits, and its beginnings the prefix bit.
    private func addEntry(_ entry: String, word: WordInfo, phrase: PhraseInfo) {
        let parts = entry.split(separator: " ").map { FeatureHash.bytes(EntityText.key(String($0))) }
        guard let first = parts.first else { return }
        if parts.count == 1 {
            staticWords[first, default: 0] |= word.rawValue
            return
        }
        var hash = first
        for (index, part) in parts.enumerated().dropFirst() {
            hash = PhraseHash.extend(hash, with: part)
            staticPhrases[hash, default: 0] |= index == parts.count - 1 ? phrase.rawValue : PhraseInfo.prefix.rawValue
        }
    }

    /// WordInfo for `hash` as seen from `fold` (nil: all of the training data).
    func word(_ hash: UInt64, fold: Int?) -> WordInfo {
        var raw = UInt32(min(frequencies[hash] ?? 0, WordInfo.maximumFrequency)) | (staticWords[hash] ?? 0)
        if var tally = words[hash] {
            if let fold, let own = foldWords[fold][hash] { tally = tally - own }
            let entity = tally[0] + tally[1] + tally[2] + tally[3]
            let bits: [WordInfo] = [.trainedPerson, .trainedOrganization, .trainedLocation, .trainedMiscellaneous]
            for index in 0..<4 where tally[index] > 0 && tally[index] * 5 >= tally.occurrences { raw |= bits[index].rawValue }
            if entity * 2 > tally.occurrences { raw |= WordInfo.mostlyEntity.rawValue }
        }
        return WordInfo(rawValue: raw)
    }

    func phrase(_ hash: UInt64, fold: Int?) -> PhraseInfo {
        var raw = staticPhrases[hash] ?? 0
        if var tally = phrases[hash] {
            if let fold, let own = foldPhrases[fold][hash] { tally = tally - own }
            if tally.prefixes > 0 { raw |= PhraseInfo.prefix.rawValue }
            let bits: [PhraseInfo] = [.trainedPerson, .trainedOrganization, .trainedLocation, .trainedMiscellaneous]
            for index in 0..<4 where tally[index] > 0 { raw |= bits[index].rawValue }
        }
        return PhraseInfo(rawValue: raw)
    }

    /// Every word and phrase hash with what the whole training data says about it, sorted by
    /// hash (so that the model file does not depend on dictionary order).
    func allWords() -> [(UInt64, UInt32)] {
        let keys = Set(frequencies.keys).union(staticWords.keys).union(words.keys)
        return keys.sorted().compactMap { key in
            let info = word(key, fold: nil)
            return info.rawValue == 0 ? nil : (key, info.rawValue)
        }
    }

    func allPhrases() -> [(UInt64, UInt32)] {
        let keys = Set(staticPhrases.keys).union(phrases.keys)
        return keys.sorted().compactMap { key in
            let info = phrase(key, fold: nil).rawValue
            return info == 0 ? nil : (key, info)
        }
    }
}

/// The lexicon as one fold of the training data sees it (or all of it, for fold nil).
struct FoldLexicon: EntityLexicon {
    let tables: TrainingLexiconTables
    let fold: Int?

    func word(_ hash: UInt64) -> WordInfo { tables.word(hash, fold: fold) }
    func phrase(_ hash: UInt64) -> PhraseInfo { tables.phrase(hash, fold: fold) }
}
