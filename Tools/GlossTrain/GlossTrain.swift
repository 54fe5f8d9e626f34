// gloss-train: trains and measures Gloss's statistical models. Today: the entity model.
//
// SPDX-License-Identifier: Apache-2.0

import ArgumentParser
import Foundation
import GlossEntity

@main
struct GlossTrain: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "gloss-train",
        abstract: "Train and evaluate Gloss's models.",
        subcommands: [TrainEntity.self, EvaluateEntity.self, TagEntity.self, MeasureEntitySpeed.self])
}

/// The corpora and their split, shared by training and evaluation.
struct CorpusOptions: ParsableArguments {
    @Option(name: .customLong("train"),
            help: "A training corpus as LANGUAGE=PATH (ar or en), repeatable. Default: ANERcorp and WikiGold under --data.")
    var corpora: [String] = []

    @Option(help: "The shared data directory (holds ner/ and names/).")
    var data = "../shared/data"

    @Option(name: .customLong("dev-split"), help: "Every Nth sentence of each corpus is held out for development.")
    var developmentEvery = 10

    @Option(help: "Treat MISC as a class of its own (class) or as O (outside).")
    var miscellaneous: MiscellaneousTreatment = .outside

    func validate() throws {
        guard developmentEvery >= 2 else { throw ValidationError("--dev-split must be at least 2") }
    }

    /// Each corpus, split into training and development parts.
    func load() throws -> [(training: ConllCorpus, development: ConllCorpus)] {
        let specifications = corpora.isEmpty
            ? ["ar=\(data)/ner/anercorp_train.conll", "en=\(data)/ner/wikigold.conll"] : corpora
        return try specifications.map { specification in
            let parts = specification.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2, let language = EntityLanguage(tag: parts[0]) else {
                throw ValidationError("--train \(specification): expected ar=PATH or en=PATH")
            }
            let corpus = try ConllCorpus.read(path: parts[1], language: language,
                                              keepMiscellaneous: miscellaneous == .class)
            return corpus.split(every: developmentEvery)
        }
    }
}

enum MiscellaneousTreatment: String, ExpressibleByArgument, CaseIterable {
    case `class`, outside
}

extension EntityLanguage {
    var name: String { self == .arabic ? "Arabic" : "English" }
}

func printScores(of model: EntityModel, on splits: [(training: ConllCorpus, development: ConllCorpus)]) {
    var tagger = EntityTagger(model: model)
    for split in splits {
        let scores = tagger.evaluate(split.development)
        print(scores.report(title: "\(split.development.language.name) development split"))
    }
}

struct TrainEntity: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "entity",
        abstract: "Train the entity model on the training splits and print its scores on the development splits.",
        discussion: """
            Writes the model (default Plugins/Entity/Model/data/entity.model) and touches \
            Plugins/Entity/Model/entity_model.c, so that the next `swift build` embeds it. \
            The same corpora, settings and seed give the same model bytes.
            """)

    @OptionGroup var corpus: CorpusOptions

    @Option(help: "Random seed of the shuffles.")
    var seed: UInt64 = 1

    @Option(help: "Passes over the training data.")
    var epochs = 12

    @Option(help: "Perceptrons trained with different shuffles and averaged into one model.")
    var ensemble = 4

    @Option(help: "Drop features whose largest weight is below this fraction of the model's largest.")
    var prune = 0.025

    @Option(help: "Fraction of training sentences with entities copied with curated names in their place (0 for none).")
    var augment = 0.5

    @Option(help: "Where to write the model.")
    var output = "Plugins/Entity/Model/data/entity.model"

    @Option(help: "The file to touch so that SwiftPM rebuilds the embedded model ('' for none).")
    var touch = "Plugins/Entity/Model/entity_model.c"

    func run() throws {
        let splits = try corpus.load()
        var configuration = EntityTrainingConfiguration()
        configuration.epochs = epochs
        configuration.ensemble = ensemble
        configuration.seed = seed
        configuration.pruneBelow = prune
        configuration.augmentation = augment
        configuration.namesDirectory = "\(corpus.data)/names"
        configuration.progress = { epoch, mistakes in
            FileHandle.standardError.write(Data("epoch \(epoch): \(mistakes) sentences wrong\n".utf8))
        }
        let sizes = splits.map { "\($0.training.language.name): \($0.training.sentences.count) training, \($0.development.sentences.count) development sentences" }
        let metadata = """
            gloss.entity model: averaged perceptron, Viterbi over BIO labels
            trained on ANERcorp (Benajiba et al., 2007) and WikiGold (Balasuriya et al., 2009, CC BY 4.0), \
            with name lists from AKhateeb/arabic-names (MIT)
            \(sizes.joined(separator: "; ")); development: every \(corpus.developmentEvery)th sentence
            epochs \(epochs), ensemble \(ensemble), seed \(seed), MISC as \(corpus.miscellaneous.rawValue), mention replacement \(augment)
            """
        let started = Date()
        let bytes = try PerceptronTrainer.train(splits.map(\.training), configuration: configuration, metadata: metadata)
        FileHandle.standardError.write(Data(String(format: "trained in %.1f s\n", Date().timeIntervalSince(started)).utf8))
        try Data(bytes).write(to: URL(fileURLWithPath: output))
        print("wrote \(output) (\(bytes.count) bytes)")
        if !touch.isEmpty, FileManager.default.fileExists(atPath: touch) {
            try FileManager.default.setAttributes([.modificationDate: Date()], ofItemAtPath: touch)
        }
        printScores(of: try EntityModel(copying: bytes), on: splits)
    }
}

struct EvaluateEntity: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "evaluate-entity",
        abstract: "Print precision, recall and F1 (exact spans) per type and micro on the development splits.")

    @OptionGroup var corpus: CorpusOptions

    @Option(help: "A model file; default: the model embedded in this build.")
    var model: String?

    @Option(help: "Fail (exit 1) if a language's micro F1 (0–1) is below this.")
    var minimumF1: Double?

    @Flag(help: "Print every sentence the model gets wrong, with the gold and predicted spans.")
    var errors = false

    func run() throws {
        let loaded = try model.map { try EntityModel(contentsOfFile: $0) } ?? EntityModel.embedded.get()
        let splits = try corpus.load()
        var tagger = EntityTagger(model: loaded)
        var failed = false
        for split in splits {
            if errors { printErrors(split.development, tagger: &tagger) }
            let scores = tagger.evaluate(split.development)
            print(scores.report(title: "\(split.development.language.name) development split"))
            if let minimumF1, scores.micro.f1 < minimumF1 { failed = true }
        }
        if failed { throw ExitCode(1) }
    }
}

/// Lists the spans one side has and the other lacks, sentence by sentence.
func printErrors(_ corpus: ConllCorpus, tagger: inout EntityTagger) {
    func spans(_ labels: [Int], _ words: [String]) -> Set<String> {
        Set(EntityTagger.spans(labels).compactMap { span in
            guard let entityClass = EntityLabel.entityClass(of: labels[span.lowerBound]), entityClass != .miscellaneous else { return nil }
            return "\(entityClass.conllName):" + words[span].joined(separator: " ")
        })
    }
    for sentence in corpus.sentences {
        let text = sentence.tokenized
        let predicted = tagger.labels(for: text, range: 0..<text.tokens.count, language: corpus.language)
        let gold = spans(sentence.labels, sentence.words), guess = spans(predicted, sentence.words)
        guard gold != guess else { continue }
        print(sentence.words.joined(separator: " "))
        print("  missed: \(gold.subtracting(guess).sorted().joined(separator: " | "))")
        print("  wrong:  \(guess.subtracting(gold).sorted().joined(separator: " | "))")
    }
}

struct MeasureEntitySpeed: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "speed-entity",
        abstract: "Measure the model's load time and the tagger's throughput on text files (one core).")

    @Argument(help: "UTF-8 text files.")
    var files: [String]

    @Option(help: "Language of the files (ar or en).")
    var language = "ar"

    @Option(help: "Tag the files this many times.")
    var repeats = 20

    func run() throws {
        #if DEBUG
        FileHandle.standardError.write(Data("gloss-train: this is a debug build; measure with -c release.\n".utf8))
        #endif
        let loadStart = DispatchTime.now().uptimeNanoseconds
        let model = try EntityModel.embedded.get()
        let loadTime = Double(DispatchTime.now().uptimeNanoseconds - loadStart) / 1e6
        let texts = try files.map { try String(contentsOfFile: $0, encoding: .utf8) }
        guard let language = EntityLanguage(tag: language) else { throw ValidationError("--language: ar or en") }
        var tagger = EntityTagger(model: model)
        var bytes = 0, mentions = 0
        let start = DispatchTime.now().uptimeNanoseconds
        for _ in 0..<repeats {
            for text in texts {
                bytes += text.utf8.count
                mentions += tagger.mentions(in: text, language: language).count
            }
        }
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        print(String(format: "model: %d bytes, loaded in %.2f ms", model.byteCount, loadTime))
        print(String(format: "tagged %.1f MB in %.2f s: %.2f MB/s (%d mentions)", Double(bytes) / 1e6, seconds,
                     Double(bytes) / 1e6 / seconds, mentions))
    }
}

struct TagEntity: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tag-entity",
        abstract: "Print the entities the model finds in a text file, one per line (type, byte offsets, text).")

    @Argument(help: "A UTF-8 text file.")
    var file: String

    @Option(help: "Language of the file (ar or en).")
    var language = "ar"

    @Option(help: "A model file; default: the model embedded in this build.")
    var model: String?

    func run() throws {
        let loaded = try model.map { try EntityModel(contentsOfFile: $0) } ?? EntityModel.embedded.get()
        guard let language = EntityLanguage(tag: language) else { throw ValidationError("--language: ar or en") }
        let text = try String(contentsOfFile: file, encoding: .utf8)
        let bytes = Array(text.utf8)
        var tagger = EntityTagger(model: loaded)
        for mention in tagger.mentions(in: text, language: language) {
            let type = mention.entityClass.annotationType ?? "miscellaneous"
            print("\(type)\t\(mention.start)\t\(mention.end)\t\(String(decoding: bytes[mention.start..<mention.end], as: UTF8.self))")
        }
    }
}
