@testable import GlossGeo
import Testing

/// Reading gazetteer bytes: what is refused, and the in-memory builder the tests of the matcher use.
struct GazetteerFileTests {
    private func embeddedBytes() throws -> [UInt8] {
        Array(try #require(Gazetteer.embeddedBytes))
    }

    private func load(_ bytes: [UInt8]) throws -> Gazetteer {
        try bytes.withUnsafeBytes { try Gazetteer(bytes: $0) }
    }

    @Test func readsACopyOfTheEmbeddedBytes() throws {
        let copy = try load(try embeddedBytes())
        #expect(copy.count == (try Gazetteer.embedded()).count)
        #expect(copy.candidates(forKey: "ليبيا") == (try Gazetteer.embedded()).candidates(forKey: "ليبيا"))
    }

    @Test func refusesBytesThatAreNotAGazetteer() {
        #expect(throws: GazetteerError.self) { try load([]) }
        #expect(throws: GazetteerError.self) { try load(Array("not a gazetteer, just some text".utf8)) }
        #expect(throws: GazetteerError.self) { try load([UInt8](repeating: 0, count: 4096)) }
    }

    @Test func refusesATruncatedFile() throws {
        let bytes = try embeddedBytes()
        #expect(throws: GazetteerError.self) { try load(Array(bytes.prefix(bytes.count / 2))) }
        #expect(throws: GazetteerError.self) { try load(Array(bytes.prefix(200))) }
    }

    @Test func refusesADamagedFile() throws {
        var bytes = try embeddedBytes()
        bytes[bytes.count / 3] ^= 0x40
        let error = try #require(throws: GazetteerError.self) { try load(bytes) }
        #expect(error.code == .damaged)
        #expect(error.message.contains("checksum"))
    }

    @Test func refusesAnotherFormatVersion() throws {
        var bytes = try embeddedBytes()
        bytes[8] = 99
        let error = try #require(throws: GazetteerError.self) { try load(bytes) }
        #expect(error.code == .unsupportedVersion)
    }

    @Test func refusesAHeaderThatPointsOutsideTheFile() throws {
        var bytes = try embeddedBytes()
        bytes[48 + 8 * 2 + 4] = 0xFF  // the postings section's length
        bytes[48 + 8 * 2 + 7] = 0x7F
        let error = try #require(throws: GazetteerError.self) { try load(bytes) }
        #expect(error.code == .damaged)
    }

    @Test func buildsAGazetteerInMemory() throws {
        let places = [
            GazetteerPlace(geonamesID: 2215636, name: "Libya", country: "LY", latitude: 28, longitude: 17,
                           feature: "PCLI", population: 6_678_567),
            GazetteerPlace(geonamesID: 2210247, name: "Tripoli", country: "LY", latitude: 32.88743, longitude: 13.18733,
                           feature: "PPLC", population: 1_302_947, isCapital: true, admin1: "77"),
            GazetteerPlace(geonamesID: 266826, name: "Tripoli", country: "LB", latitude: 34.43667, longitude: 35.84972,
                           feature: "PPLA", population: 229_398, admin1: "09"),
            GazetteerPlace(geonamesID: nil, name: "Maghreb", country: "", latitude: 30, longitude: 3, feature: "RGN", population: 0),
        ]
        let gazetteer = Gazetteer(
            places: places,
            names: [("ليبيا", 0), ("Libya", 0), ("طرابلس", 2), ("طرابلس", 1), ("Tripoli", 1), ("Tripoli", 2),
                    ("المغرب العربي", 3), ("Nice", 3)],
            demonyms: [("ليبية", 0), ("Libyan", 0)],
            commonWords: ["Nice"])
        #expect(gazetteer.count == 4)
        #expect(gazetteer.candidates(forKey: "طرابلس") == [1, 2])
        #expect(gazetteer.candidates(forKey: "tripoli") == [1, 2])
        #expect(gazetteer.place(1) == places[1])
        #expect(gazetteer.place(3).geonamesID == nil && gazetteer.place(3).country == "")
        #expect(gazetteer.demonym(forKey: "ليبيه") == 0 && gazetteer.demonym(forKey: "libyan") == 0)
        #expect(gazetteer.countryPlace("LY") == 0 && gazetteer.countryPlace("FR") == nil)
        #expect(gazetteer.maximumKeyWords == 2)
        #expect(gazetteer.nameIsCommonWord(key: "nice") && !gazetteer.nameIsCommonWord(key: "tripoli"))
        #expect(gazetteer.hasLongerKey(startingWith: "المغرب"))
    }

    @Test func anEmptyGazetteerFindsNothing() {
        let gazetteer = Gazetteer(places: [], names: [], demonyms: [])
        #expect(gazetteer.count == 0 && gazetteer.candidates(forKey: "x").isEmpty && !gazetteer.hasLongerKey(startingWith: "x"))
    }
}
