@testable import GlossEntity
import Testing

struct EntityModelTests {
    @Test func theEmbeddedModelLoadsAndNamesItsSources() throws {
        let model = try EntityModel.embedded.get()
        #expect(model.byteCount > 100_000)
        #expect(model.metadata.contains("ANERcorp"))
        #expect(model.metadata.contains("WikiGold"))
    }

    @Test func refusesBytesThatAreNotAModel() {
        #expect(throws: EntityModelError.self) { try EntityModel(copying: Array("not a model at all, just some text".utf8)) }
        #expect(throws: EntityModelError.self) { try EntityModel(copying: []) }
    }

    @Test func refusesATruncatedModel() throws {
        let bytes = try modelBytes()
        #expect(throws: EntityModelError.self) { try EntityModel(copying: Array(bytes.prefix(bytes.count / 2))) }
        #expect(throws: Never.self) { try EntityModel(copying: bytes) }
    }

    private func modelBytes() throws -> [UInt8] {
        Array(try #require(EntityModel.embeddedBytes))
    }
}

struct ViterbiDecoderTests {
    /// Whatever the scores, the decoder never puts an I after O or after another class.
    @Test func neverProducesAnIllegalSequence() {
        var generator = SeededGenerator(seed: 7)
        var decoder = ViterbiDecoder()
        var path: [Int] = []
        let labels = EntityLabel.count
        for _ in 0..<200 {
            let count = Int(generator.next() % 12) + 1
            let emissions = (0..<(count * labels)).map { _ in Int32(Int(generator.next() % 2001) - 1000) }
            let transitions = (0..<((labels + 1) * labels)).map { _ in Int32(Int(generator.next() % 2001) - 1000) }
            emissions.withUnsafeBufferPointer { e in
                transitions.withUnsafeBufferPointer { t in decoder.decode(emissions: e, count: count, transitions: t, into: &path) }
            }
            #expect(path.count == count)
            for position in path.indices {
                #expect(EntityLabel.allowed(position == 0 ? nil : path[position - 1], path[position]), "\(path)")
            }
        }
    }
}
