// Finds people, organizations and places in text: tokens, sentences, features, Viterbi, and
// spans with their clitics left out.
//
// SPDX-License-Identifier: Apache-2.0

/// One entity found in a text.
public struct EntityMention: Sendable, Equatable, CustomStringConvertible {
    public var entityClass: EntityClass
    /// UTF-8 byte offsets into the text, end exclusive.
    public var start: Int
    public var end: Int

    public var description: String { "\(entityClass.conllName)[\(start)..<\(end)]" }
}

/// Tags texts with one model. Holds scratch buffers, so each thread needs its own tagger;
/// the model itself is shared.
public struct EntityTagger {
    public let model: EntityModel
    private var extractor = FeatureExtractor()
    private var decoder = ViterbiDecoder()
    private var emissions: [Int32] = []
    private var path: [Int] = []
    /// The longest sentence decoded at once; longer runs without a sentence end are cut.
    static let maximumSentenceLength = 300

    public init(model: EntityModel) { self.model = model }

    /// The entities of a text, sorted by start. Types: `EntityClass` without miscellaneous.
    public mutating func mentions(in text: String, language: EntityLanguage) -> [EntityMention] {
        var copy = text
        return copy.withUTF8 { mentions(in: $0, language: language) }
    }

    /// The entities of UTF-8 text (which must be valid UTF-8), sorted by start.
    public mutating func mentions(in text: UnsafeBufferPointer<UInt8>, language: EntityLanguage) -> [EntityMention] {
        var tokens = EntityTokenizer.tokenize(text)
        if language == .arabic { splitJoinedNames(&tokens, text: text) }
        var result: [EntityMention] = []
        for sentence in Self.sentences(tokens) {
            let labels = self.labels(for: tokens, range: sentence, language: Self.language(of: tokens, range: sentence, default: language))
            for span in Self.spans(labels) {
                guard let entityClass = EntityLabel.entityClass(of: labels[span.lowerBound]), entityClass != .miscellaneous else { continue }
                let first = tokens.tokens[sentence.lowerBound + span.lowerBound]
                let last = tokens.tokens[sentence.lowerBound + span.upperBound - 1]
                var start = first.start
                if first.kind == .word, first.isArabic {
                    let split = tokens.keys.withUnsafeBufferPointer {
                        ArabicClitics.split($0, from: first.keyStart, to: first.keyEnd, lexicon: model)
                    }
                    if split.spanLetters > 0 { start = EntityTokenizer.offset(afterLetters: split.spanLetters, of: first, in: text) }
                }
                if start < last.end { result.append(EntityMention(entityClass: entityClass, start: start, end: last.end)) }
            }
        }
        return result
    }

    /// The best labels (EntityLabel numbers) for `text.tokens[range]`.
    public mutating func labels(for text: TokenizedText, range: Range<Int>, language: EntityLanguage) -> [Int] {
        extractor.extract(text, range: range, language: language, lexicon: model)
        let labels = EntityLabel.count
        emissions.removeAll(keepingCapacity: true)
        emissions.append(contentsOf: repeatElement(0, count: range.count * labels))
        emissions.withUnsafeMutableBufferPointer { scores in
            for position in 0..<range.count {
                let features = extractor.features[extractor.offsets[position]..<extractor.offsets[position + 1]]
                model.addWeights(of: features, to: scores.baseAddress! + position * labels)
            }
        }
        emissions.withUnsafeBufferPointer {
            decoder.decode(emissions: $0, count: range.count, transitions: model.transitions(language), into: &path)
        }
        return path
    }

    /// The language of one sentence by the script of its words (an English quotation in an
    /// Arabic article is tagged with the English weights); `default` when no word decides.
    static func language(of text: TokenizedText, range: Range<Int>, default language: EntityLanguage) -> EntityLanguage {
        var arabic = 0, latin = 0
        for token in text.tokens[range] where token.kind == .word {
            if token.isArabic { arabic += 1 } else if text.keys[token.keyStart] < 0x80 { latin += 1 }
        }
        if latin > 2 * arabic { return .english }
        if arabic > 2 * latin { return .arabic }
        return language
    }

    /// Token ranges of labelled spans: a B and the I that follow it.
    public static func spans(_ labels: [Int]) -> [Range<Int>] {
        var result: [Range<Int>] = []
        var index = 0
        while index < labels.count {
            guard labels[index] != EntityLabel.outside else { index += 1; continue }
            let entityClass = EntityLabel.entityClass(of: labels[index])
            var end = index + 1
            while end < labels.count, !EntityLabel.isBegin(labels[end]), labels[end] != EntityLabel.outside,
                  EntityLabel.entityClass(of: labels[end]) == entityClass { end += 1 }
            result.append(index..<end)
            index = end
        }
        return result
    }

    /// Sentences: a run of tokens ends after . ! ? ؟ … and before a line break.
    static func sentences(_ text: TokenizedText) -> [Range<Int>] {
        var result: [Range<Int>] = []
        var start = 0
        let ends: Set<[UInt8]> = [Array(".".utf8), Array("!".utf8), Array("?".utf8), Array("؟".utf8), Array("…".utf8)]
        for (index, token) in text.tokens.enumerated() {
            if token.followsLineBreak, index > start { result.append(start..<index); start = index }
            if index + 1 - start >= maximumSentenceLength
                || (token.kind == .punctuation && ends.contains(Array(text.keys[token.keyStart..<token.keyEnd]))) {
                result.append(start..<(index + 1))
                start = index + 1
            }
        }
        if start < text.tokens.count { result.append(start..<text.tokens.count) }
        return result
    }

    /// Splits words that are two names joined by و with no space (تونسوالجزائر, الجزائروتونس)
    /// when the word is unknown and both parts are known names.
    private func splitJoinedNames(_ text: inout TokenizedText, text bytes: UnsafeBufferPointer<UInt8>) {
        let names: UInt32 = WordInfo.trainedCategories.rawValue | WordInfo.curatedPerson.rawValue
            | WordInfo.curatedOrganization.rawValue | WordInfo.curatedLocation.rawValue
        var index = 0
        while index < text.tokens.count {
            let token = text.tokens[index]
            index += 1
            let length = token.keyEnd - token.keyStart
            guard token.kind == .word, token.isArabic, length >= 12 else { continue }
            let found: Int? = text.keys.withUnsafeBufferPointer { keys -> Int? in
                guard model.word(FeatureHash.bytes(keys, from: token.keyStart, to: token.keyEnd)).frequency == 0 else { return nil }
                for byte in stride(from: token.keyStart, to: token.keyEnd, by: 2) where keys[byte] < 0xD8 || keys[byte] > 0xDB { return nil }
                var split = token.keyStart + 6
                while split + 6 <= token.keyEnd {
                    defer { split += 2 }
                    guard keys[split] == 0xD9, keys[split + 1] == 0x88 else { continue }  // و
                    let left = model.word(FeatureHash.bytes(keys, from: token.keyStart, to: split))
                    guard left.rawValue & names != 0 else { continue }
                    let clitics = ArabicClitics.split(keys, from: split, to: token.keyEnd, lexicon: model)
                    guard clitics.spanLetters == 1, !clitics.restoredArticle else { continue }
                    let right = model.word(FeatureHash.bytes(keys, from: split + clitics.entityStart, to: token.keyEnd))
                    if right.rawValue & names != 0 { return (split - token.keyStart) / 2 }
                }
                return nil
            }
            guard let letters = found else { continue }
            let offset = EntityTokenizer.offset(afterLetters: letters, of: token, in: bytes)
            var left = token, right = token
            left.end = offset
            left.keyEnd = token.keyStart + 2 * letters
            right.start = offset
            right.keyStart = left.keyEnd
            right.followsLineBreak = false
            text.tokens[index - 1] = left
            text.tokens.insert(right, at: index)
            index += 1
        }
    }
}
