// CoNLL files of the training data: one `token TAG` per line, a blank line between sentences.
// ANERcorp uses BIO over PERS/ORG/LOC/MISC; WikiGold uses IO (I-PER …) and -DOCSTART- lines.
//
// SPDX-License-Identifier: Apache-2.0

import Foundation

/// One sentence of a corpus: its words and their labels (EntityLabel numbers).
public struct ConllSentence: Sendable, Equatable {
    public var words: [String]
    public var labels: [Int]

    public init(words: [String], labels: [Int]) {
        self.words = words
        self.labels = labels
    }

    /// The sentence as tokens for the feature extractor.
    public var tokenized: TokenizedText {
        var text = TokenizedText()
        for word in words { text.appendCorpusToken(word) }
        return text
    }
}

/// Why a corpus could not be read.
public struct ConllCorpusError: Error, CustomStringConvertible {
    public var description: String
}

/// A corpus in one language.
public struct ConllCorpus: Sendable {
    public var language: EntityLanguage
    public var sentences: [ConllSentence]

    public init(language: EntityLanguage, sentences: [ConllSentence]) {
        self.language = language
        self.sentences = sentences
    }

    /// Reads a CoNLL file. IO tags become BIO (an I that does not continue its class begins a
    /// span). With `keepMiscellaneous` false, MISC spans become O.
    public static func read(path: String, language: EntityLanguage, keepMiscellaneous: Bool = true) throws -> ConllCorpus {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ConllCorpusError(description: "cannot read \(path)")
        }
        return try parse(String(decoding: data, as: UTF8.self), language: language, keepMiscellaneous: keepMiscellaneous, name: path)
    }

    static func parse(_ text: String, language: EntityLanguage, keepMiscellaneous: Bool, name: String = "corpus") throws -> ConllCorpus {
        var sentences: [ConllSentence] = []
        var words: [String] = [], labels: [Int] = []
        func close() {
            if !words.isEmpty { sentences.append(ConllSentence(words: words, labels: labels)) }
            words = []; labels = []
        }
        for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let fields = line.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\r" })
            if fields.isEmpty { close(); continue }
            if fields[0] == "-DOCSTART-" { close(); continue }
            guard fields.count >= 2 else { throw ConllCorpusError(description: "\(name):\(number + 1): expected `token TAG`") }
            let tag = String(fields[fields.count - 1])
            var label = EntityLabel.outside
            if tag != "O", tag != "0" {  // WikiGold has one "0" for O
                let parts = tag.split(separator: "-", maxSplits: 1)
                guard parts.count == 2, parts[0] == "B" || parts[0] == "I",
                      let entityClass = Self.entityClass(String(parts[1])) else {
                    throw ConllCorpusError(description: "\(name):\(number + 1): unknown tag \(tag)")
                }
                if entityClass != .miscellaneous || keepMiscellaneous {
                    let continues = labels.last.map { $0 != EntityLabel.outside && EntityLabel.entityClass(of: $0) == entityClass } ?? false
                    label = parts[0] == "I" && continues ? EntityLabel.inside(entityClass) : EntityLabel.begin(entityClass)
                }
            }
            words.append(String(fields[0]))
            labels.append(label)
        }
        close()
        return ConllCorpus(language: language, sentences: sentences)
    }

    private static func entityClass(_ name: String) -> EntityClass? {
        switch name {
        case "PER", "PERS": .person
        case "ORG": .organization
        case "LOC": .location
        case "MISC": .miscellaneous
        default: nil
        }
    }

    /// The development split: every `every`-th sentence (the 10th, 20th, … with 10). The
    /// training split is the rest, less any sentence whose words equal a development sentence's
    /// (ANERcorp repeats some), so that nothing of the development split is trained on.
    public func split(every: Int = 10) -> (training: ConllCorpus, development: ConllCorpus) {
        var training: [ConllSentence] = [], development: [ConllSentence] = []
        for (index, sentence) in sentences.enumerated() {
            if index % every == every - 1 { development.append(sentence) } else { training.append(sentence) }
        }
        let held = Set(development.map(\.words))
        training.removeAll { held.contains($0.words) }
        return (ConllCorpus(language: language, sentences: training), ConllCorpus(language: language, sentences: development))
    }
}
