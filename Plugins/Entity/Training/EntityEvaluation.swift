// Precision, recall and F1 of exact spans, CoNLL style, over person, organization and
// location (MISC is never emitted, so it is neither rewarded nor punished).
//
// SPDX-License-Identifier: Apache-2.0

import Foundation

/// Counts of one evaluation.
public struct EntityScores: Sendable {
    public struct Counts: Sendable {
        public var truePositives = 0, falsePositives = 0, falseNegatives = 0

        public var precision: Double { ratio(truePositives, truePositives + falsePositives) }
        public var recall: Double { ratio(truePositives, truePositives + falseNegatives) }
        public var f1: Double {
            precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall)
        }
        private func ratio(_ a: Int, _ b: Int) -> Double { b == 0 ? 0 : Double(a) / Double(b) }
    }

    public static let scoredClasses: [EntityClass] = [.person, .organization, .location]
    public var byClass: [EntityClass: Counts] = [:]
    public var sentences = 0

    public init() {}

    public var micro: Counts {
        var total = Counts()
        for counts in byClass.values {
            total.truePositives += counts.truePositives
            total.falsePositives += counts.falsePositives
            total.falseNegatives += counts.falseNegatives
        }
        return total
    }

    /// Adds one sentence: gold and predicted labels.
    public mutating func add(gold: [Int], predicted: [Int]) {
        sentences += 1
        func spans(_ labels: [Int]) -> Set<[Int]> {
            Set(EntityTagger.spans(labels).compactMap { span -> [Int]? in
                guard let entityClass = EntityLabel.entityClass(of: labels[span.lowerBound]),
                      Self.scoredClasses.contains(entityClass) else { return nil }
                return [span.lowerBound, span.upperBound, entityClass.rawValue]
            })
        }
        let goldSpans = spans(gold), predictedSpans = spans(predicted)
        for entityClass in Self.scoredClasses where byClass[entityClass] == nil { byClass[entityClass] = Counts() }
        for span in predictedSpans {
            let entityClass = EntityClass(rawValue: span[2])!
            if goldSpans.contains(span) { byClass[entityClass]!.truePositives += 1 } else { byClass[entityClass]!.falsePositives += 1 }
        }
        for span in goldSpans where !predictedSpans.contains(span) {
            byClass[EntityClass(rawValue: span[2])!]!.falseNegatives += 1
        }
    }

    /// A table: one line per class and one for the micro average, in percent.
    public func report(title: String) -> String {
        var lines = ["\(title) (\(sentences) sentences)", "  type           precision  recall     F1   support"]
        func line(_ name: String, _ counts: Counts) -> String {
            let support = counts.truePositives + counts.falseNegatives
            return "  " + name.padding(toLength: 14, withPad: " ", startingAt: 0)
                + String(format: "%9.2f %7.2f %7.2f %7d", 100 * counts.precision, 100 * counts.recall, 100 * counts.f1, support)
        }
        for entityClass in Self.scoredClasses {
            lines.append(line(entityClass.annotationType ?? "", byClass[entityClass] ?? Counts()))
        }
        lines.append(line("micro", micro))
        return lines.joined(separator: "\n")
    }
}

public extension EntityTagger {
    /// Tags every sentence of `corpus` (with its given tokens) and scores the result.
    mutating func evaluate(_ corpus: ConllCorpus) -> EntityScores {
        var scores = EntityScores()
        for sentence in corpus.sentences {
            let text = sentence.tokenized
            let predicted = labels(for: text, range: 0..<text.tokens.count, language: corpus.language)
            scores.add(gold: sentence.labels, predicted: predicted)
        }
        return scores
    }
}
