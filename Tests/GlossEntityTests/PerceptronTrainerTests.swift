@testable import GlossEntity
import Testing

struct PerceptronTrainerTests {
    private static let corpus = """
        وقال O
        الرئيس O
        باراك B-PERS
        أوباما I-PERS
        في O
        واشنطن B-LOC
        . O

        وزار O
        وزير O
        الخارجية O
        لبنان B-LOC
        والتقى O
        رئيس O
        البرلمان O
        نبيه B-PERS
        بري I-PERS
        . O

        أعلنت O
        الأمم B-ORG
        المتحدة I-ORG
        في O
        نيويورك B-LOC
        أن O
        وفدا O
        سيزور O
        بغداد B-LOC
        . O

        ونقلت O
        وكالة O
        رويترز B-ORG
        عن O
        مسؤول O
        في O
        بيروت B-LOC
        . O
        """

    private func train(seed: UInt64) throws -> [UInt8] {
        let corpus = try ConllCorpus.parse(Self.corpus, language: .arabic, keepMiscellaneous: false)
        var configuration = EntityTrainingConfiguration()
        configuration.seed = seed
        configuration.epochs = 5
        return try PerceptronTrainer.train([corpus], configuration: configuration, metadata: "test")
    }

    @Test func trainingIsDeterministicGivenASeed() throws {
        let first = try train(seed: 3)
        let second = try train(seed: 3)
        #expect(first == second)
        #expect(try train(seed: 4) != first)
    }

    @Test func aTrainedModelLoadsAndLearnsItsTrainingData() throws {
        let model = try EntityModel(copying: try train(seed: 1))
        var tagger = EntityTagger(model: model)
        let text = "وقال الرئيس باراك أوباما في واشنطن ."
        let bytes = Array(text.utf8)
        let found = tagger.mentions(in: text, language: .arabic).map { String(decoding: bytes[$0.start..<$0.end], as: UTF8.self) }
        #expect(found == ["باراك أوباما", "واشنطن"])
    }
}
