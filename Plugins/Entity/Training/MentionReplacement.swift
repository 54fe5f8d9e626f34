// Data augmentation by mention replacement (Dai and Adel, 2020): copies of training sentences
// in which each person, organization and place is replaced by a random entry of the same class
// from the curated lexicon. The model so learns that a curated name is an entity in the
// contexts where the training data has entities, whatever its own spelling, instead of
// learning the lexicon feature only from the few curated names the 2007 corpus mentions.
//
// SPDX-License-Identifier: Apache-2.0

enum MentionReplacement {
    /// The curated entries of each class in one language, split into words.
    static func entries(for language: EntityLanguage) -> [EntityClass: [[String]]] {
        func pick(_ lists: [String]) -> [[String]] {
            lists.flatMap(CuratedLexicon.entries).compactMap { entry -> [String]? in
                let arabic = entry.unicodeScalars.contains { EntityText.isArabicLetter($0.value) }
                guard arabic == (language == .arabic) else { return nil }
                return entry.split(separator: " ").map(String.init)
            }
        }
        return [
            .person: pick([CuratedLexicon.people]),
            .organization: pick([CuratedLexicon.organizations]),
            .location: pick([CuratedLexicon.places, language == .arabic ? CuratedLexicon.arabicCountries : CuratedLexicon.englishCountries]),
        ]
    }

    /// Copies of a `fraction` of the sentences that hold a person, organization or place, with
    /// every such span replaced. Deterministic for a given generator state.
    static func augment(_ corpus: ConllCorpus, fraction: Double, generator: inout SeededGenerator) -> [ConllSentence] {
        guard fraction > 0 else { return [] }
        let lexicon = entries(for: corpus.language)
        var result: [ConllSentence] = []
        for sentence in corpus.sentences {
            let spans = EntityTagger.spans(sentence.labels).filter {
                guard let entityClass = EntityLabel.entityClass(of: sentence.labels[$0.lowerBound]) else { return false }
                return !(lexicon[entityClass] ?? []).isEmpty
            }
            guard !spans.isEmpty, Double(generator.next() % 1_000_000) / 1_000_000 < fraction else { continue }
            var words: [String] = [], labels: [Int] = []
            var position = 0
            for span in spans {
                words += sentence.words[position..<span.lowerBound]
                labels += sentence.labels[position..<span.lowerBound]
                let entityClass = EntityLabel.entityClass(of: sentence.labels[span.lowerBound])!
                let choices = lexicon[entityClass]!
                let replacement = choices[Int(generator.next() % UInt64(choices.count))]
                words += replacement
                labels += [EntityLabel.begin(entityClass)] + Array(repeating: EntityLabel.inside(entityClass), count: replacement.count - 1)
                position = span.upperBound
            }
            words += sentence.words[position...]
            labels += sentence.labels[position...]
            result.append(ConllSentence(words: words, labels: labels))
        }
        return result
    }
}
