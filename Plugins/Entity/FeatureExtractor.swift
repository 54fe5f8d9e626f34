// The features of each token, as 64-bit hashes: the same code for training and tagging.
//
// Every feature is a template (its number below) combined with the document's language and a
// value, so Arabic and English share one model file without sharing weights. Values are
// computed on normalized keys (EntityText.normalize): Arabic without diacritics and tatweel,
// one alef, ي for ى, ه for ة; English in lower case, its capitals kept in the shape.
//
// SPDX-License-Identifier: Apache-2.0

/// The languages the model knows; the raw value goes into every feature.
public enum EntityLanguage: Int, Sendable, CaseIterable {
    case arabic = 0
    case english = 1

    public init?(tag: String) {
        switch tag.lowercased().prefix(2) {
        case "ar": self = .arabic
        case "en": self = .english
        default: return nil
        }
    }
}

/// Per-token values that several features reuse.
private struct TokenValues {
    var word: UInt64
    var entity: UInt64
    var stem: UInt64
    var shape: UInt64
    var info: WordInfo
    var split: CliticSplit
}

private enum Template: UInt64 {
    case bias = 1, word, entity, stem, clitics, prefix2, prefix3, prefix4, suffix1, suffix2, suffix3, suffix4
    case shape, shapeWindow, previousWord, previousWord2, nextWord, nextWord2, previousStem, nextStem
    case previousAndWord, wordAndNext, category, previousCategory, previousCategory2, nextCategory
    case phraseBegin, phraseInside, phraseEnd, sentenceStart, lineStart, stemLength, capitalizedFirst
    case previousWordAndCategory, kind, unknownStem, previousStemAndStem
}

/// Writes the features of the tokens of one sentence into a reusable buffer.
struct FeatureExtractor {
    /// Features of token `i` are `features[offsets[i]..<offsets[i + 1]]`.
    private(set) var features: [UInt64] = []
    private(set) var offsets: [Int] = []
    private var values: [TokenValues] = []
    private var phraseTags: [(begin: UInt32, inside: UInt32, end: UInt32)] = []
    private var seeds: [UInt64] = []
    private var language: EntityLanguage = .arabic

    private static let outside = TokenValues(word: 0x0B05, entity: 0x0B05, stem: 0x0B05, shape: 0x0B05, info: [], split: .none)
    static let maximumPhraseLength = 8

    init() {}

    /// Computes the features of `tokens[range]` of `text`.
    mutating func extract<Lexicon: EntityLexicon>(
        _ text: TokenizedText, range: Range<Int>, language: EntityLanguage, lexicon: Lexicon
    ) {
        if seeds.isEmpty || self.language != language {
            self.language = language
            seeds = (0...64).map { FeatureHash.combine(UInt64($0), 0x4C41_4E47 &+ UInt64(language.rawValue)) }
        }
        features.removeAll(keepingCapacity: true)
        offsets.removeAll(keepingCapacity: true)
        values.removeAll(keepingCapacity: true)
        text.keys.withUnsafeBufferPointer { keys in
            for index in range { values.append(Self.values(of: text.tokens[index], keys: keys, lexicon: lexicon)) }
            matchPhrases(text, range: range, keys: keys, lexicon: lexicon)
            for position in 0..<range.count {
                offsets.append(features.count)
                addFeatures(text.tokens[range.lowerBound + position], position: position, keys: keys)
            }
        }
        offsets.append(features.count)
    }

    @inline(__always)
    private mutating func add(_ template: Template, _ value: UInt64) {
        features.append(FeatureHash.combine(seeds[Int(template.rawValue)], value))
    }

    private static func values<Lexicon: EntityLexicon>(of token: EntityToken, keys: UnsafeBufferPointer<UInt8>, lexicon: Lexicon) -> TokenValues {
        let word = FeatureHash.bytes(keys, from: token.keyStart, to: token.keyEnd)
        guard token.kind == .word else {
            return TokenValues(word: word, entity: word, stem: word, shape: token.shape, info: lexicon.word(word), split: .none)
        }
        let split = token.isArabic ? ArabicClitics.split(keys, from: token.keyStart, to: token.keyEnd, lexicon: lexicon) : .none
        let entity: UInt64
        if split.restoredArticle {
            let seed = ArabicClitics.article.withUnsafeBufferPointer { FeatureHash.bytes($0, from: 0, to: 4) }
            entity = FeatureHash.bytes(keys, from: token.keyStart + split.entityStart, to: token.keyEnd, seed: seed)
        } else if split.entityStart == 0 {
            entity = word
        } else {
            entity = FeatureHash.bytes(keys, from: token.keyStart + split.entityStart, to: token.keyEnd)
        }
        let stem = split.stemStart == 0 ? word : FeatureHash.bytes(keys, from: token.keyStart + split.stemStart, to: token.keyEnd)
        var info = lexicon.word(entity)
        if entity != word {
            // Frequency and categories of the entity form; a category known only for the whole
            // word (a name starting with و, say) still counts.
            info = WordInfo(rawValue: info.rawValue | (lexicon.word(word).rawValue & ~WordInfo.frequencyMask))
        }
        return TokenValues(word: word, entity: entity, stem: stem, shape: token.shape, info: info, split: split)
    }

    /// Marks the longest known phrase starting at each token (begin, inside, end: PhraseInfo bits).
    private mutating func matchPhrases<Lexicon: EntityLexicon>(
        _ text: TokenizedText, range: Range<Int>, keys: UnsafeBufferPointer<UInt8>, lexicon: Lexicon
    ) {
        phraseTags.removeAll(keepingCapacity: true)
        phraseTags.append(contentsOf: repeatElement((begin: UInt32(0), inside: UInt32(0), end: UInt32(0)), count: range.count))
        var position = 0
        while position < range.count {
            var hash = values[position].entity
            var matchEnd = -1
            var matchInfo = PhraseInfo()
            var next = position + 1
            while next < range.count, next - position < Self.maximumPhraseLength {
                hash = PhraseHash.extend(hash, with: values[next].word)
                let info = lexicon.phrase(hash)
                if info.isEmpty { break }
                if !info.intersection(.complete).isEmpty { matchEnd = next; matchInfo = info.intersection(.complete) }
                if !info.contains(.prefix) { break }
                next += 1
            }
            if matchEnd < 0 { position += 1; continue }
            phraseTags[position].begin |= matchInfo.rawValue
            for inside in (position + 1)..<matchEnd { phraseTags[inside].inside |= matchInfo.rawValue }
            phraseTags[matchEnd].end |= matchInfo.rawValue
            position = matchEnd + 1
        }
    }

    private mutating func addFeatures(_ token: EntityToken, position: Int, keys: UnsafeBufferPointer<UInt8>) {
        let current = values[position]
        let previous = position > 0 ? values[position - 1] : Self.outside
        let previous2 = position > 1 ? values[position - 2] : Self.outside
        let next = position + 1 < values.count ? values[position + 1] : Self.outside
        let next2 = position + 2 < values.count ? values[position + 2] : Self.outside

        add(.bias, 0)
        add(.word, current.word)
        add(.kind, UInt64(token.kind.rawValue) | (token.isArabic ? 8 : 0))
        add(.shape, current.shape)
        add(.shapeWindow, FeatureHash.combine(FeatureHash.combine(previous.shape, current.shape), next.shape))
        add(.previousWord, previous.word)
        add(.previousWord2, previous2.word)
        add(.nextWord, next.word)
        add(.nextWord2, next2.word)
        add(.previousAndWord, FeatureHash.combine(previous.word, current.word))
        add(.wordAndNext, FeatureHash.combine(current.word, next.word))
        if position == 0 { add(.sentenceStart, 0) }
        if token.followsLineBreak { add(.lineStart, 0) }

        if token.kind == .word {
            if current.entity != current.word { add(.entity, current.entity) }
            if current.stem != current.entity { add(.stem, current.stem) }
            add(.previousStem, previous.stem)
            add(.nextStem, next.stem)
            add(.previousStemAndStem, FeatureHash.combine(previous.stem, current.stem))
            let split = current.split
            add(.clitics, UInt64(split.spanLetters) | UInt64(split.entityStart) << 8 | (split.restoredArticle ? 1 << 16 : 0)
                | UInt64(split.stemStart - split.entityStart) << 20)
            addAffixes(keys, from: token.keyStart + split.stemStart, to: token.keyEnd)
            if current.info.frequency == 0 { add(.unknownStem, 0) }
            if token.isCapitalized { add(.capitalizedFirst, position == 0 ? 1 : 0) }
        }
        addCategories(.category, current.info)
        addCategories(.previousCategory, previous.info)
        addCategories(.previousCategory2, previous2.info)
        addCategories(.nextCategory, next.info)
        let previousTriggers = previous.info.rawValue & (WordInfo.personTrigger.rawValue | WordInfo.organizationTrigger.rawValue
                                                         | WordInfo.locationTrigger.rawValue | WordInfo.nameAnnouncer.rawValue)
        if previousTriggers != 0 { add(.previousWordAndCategory, FeatureHash.combine(UInt64(previousTriggers), current.shape)) }

        let tags = phraseTags[position]
        addBits(.phraseBegin, tags.begin)
        addBits(.phraseInside, tags.inside)
        addBits(.phraseEnd, tags.end)
    }

    private mutating func addCategories(_ template: Template, _ info: WordInfo) {
        addBits(template, info.categoryBits)
    }

    @inline(__always)
    private mutating func addBits(_ template: Template, _ bits: UInt32) {
        var remaining = bits
        while remaining != 0 {
            let bit = remaining.trailingZeroBitCount
            add(template, UInt64(bit))
            remaining &= remaining - 1
        }
    }

    /// Prefixes of 2–4 and suffixes of 1–4 letters of the stem (when it is longer than them).
    private mutating func addAffixes(_ keys: UnsafeBufferPointer<UInt8>, from lower: Int, to upper: Int) {
        // Scalar boundaries: count back over UTF-8 continuation bytes.
        var boundaries: (Int, Int, Int, Int, Int) = (upper, upper, upper, upper, upper)
        var index = upper
        var letters = 0
        while index > lower, letters < 5 {
            index -= 1
            while index > lower, keys[index] & 0xC0 == 0x80 { index -= 1 }
            letters += 1
            switch letters {
            case 1: boundaries.0 = index
            case 2: boundaries.1 = index
            case 3: boundaries.2 = index
            case 4: boundaries.3 = index
            default: boundaries.4 = index
            }
        }
        let total = letters == 5 ? 5 : letters  // at least 5 means "longer than 4"
        add(.stemLength, UInt64(total < 5 ? total : 5))
        if total >= 2 { add(.suffix1, FeatureHash.bytes(keys, from: boundaries.0, to: upper)) }
        if total >= 3 { add(.suffix2, FeatureHash.bytes(keys, from: boundaries.1, to: upper)) }
        if total >= 4 { add(.suffix3, FeatureHash.bytes(keys, from: boundaries.2, to: upper)) }
        if total >= 5 { add(.suffix4, FeatureHash.bytes(keys, from: boundaries.3, to: upper)) }
        // Prefixes: forward over scalars.
        var end = lower
        for length in 1...4 {
            guard end < upper else { break }
            end += 1
            while end < upper, keys[end] & 0xC0 == 0x80 { end += 1 }
            guard end < upper else { break }  // only proper prefixes
            switch length {
            case 2: add(.prefix2, FeatureHash.bytes(keys, from: lower, to: end))
            case 3: add(.prefix3, FeatureHash.bytes(keys, from: lower, to: end))
            case 4: add(.prefix4, FeatureHash.bytes(keys, from: lower, to: end))
            default: break
            }
        }
    }
}
