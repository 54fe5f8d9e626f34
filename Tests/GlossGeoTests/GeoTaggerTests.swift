import Foundation
@testable import GlossGeo
import Testing

/// The matcher and resolver on a small hand-made gazetteer, so each rule is tested on its own
/// (the embedded gazetteer has its own tests).
private let gazetteer: Gazetteer = {
    func place(_ id: Int?, _ name: String, _ country: String, _ lat: Double, _ lon: Double, _ feature: String, _ population: Int,
               admin1: String = "", capital: Bool = false) -> GazetteerPlace {
        GazetteerPlace(geonamesID: id, name: name, country: country, latitude: lat, longitude: lon, feature: feature,
                       population: population, isCapital: capital || feature == "PPLC", admin1: admin1)
    }
    let places = [
        place(2215636, "Libya", "LY", 28, 17, "PCLI", 6_461_454),                        // 0
        place(2210247, "Tripoli", "LY", 32.88, 13.19, "PPLC", 1_150_989),                 // 1
        place(266826, "Tripoli", "LB", 34.43, 35.84, "PPLA", 229_398),                    // 2
        place(2589581, "Algeria", "DZ", 28, 3, "PCLI", 34_586_184),                       // 3
        place(2507480, "Algiers", "DZ", 36.73, 3.08, "PPLC", 1_977_663),                  // 4
        place(2464461, "Tunisia", "TN", 34, 9, "PCLI", 10_589_025),                       // 5
        place(2464470, "Tunis", "TN", 36.81, 10.18, "PPLC", 693_210),                     // 6
        place(357994, "Egypt", "EG", 27, 30, "PCLI", 80_471_869),                         // 7
        place(2214846, "Misrata", "LY", 32.38, 15.09, "PPLA", 386_120),                   // 8
        place(3017382, "France", "FR", 46, 2, "PCLI", 64_768_389),                        // 9
        place(2988507, "Paris", "FR", 48.85, 2.35, "PPLC", 2_138_551),                    // 10
        place(4717560, "Paris", "US", 33.66, -95.56, "PPLA2", 24_782, admin1: "TX"),      // 11
        place(4736286, "Texas", "US", 31.25, -99.25, "ADM1", 22_875_689, admin1: "TX"),   // 12
        place(286963, "Oman", "OM", 21, 57, "PCLI", 2_967_717),                           // 13
        place(250441, "Amman", "JO", 31.96, 35.95, "PPLC", 1_275_857),                    // 14
        place(248816, "Jordan", "JO", 31, 36, "PCLI", 6_407_085),                         // 15
        place(2542007, "Morocco", "MA", 32, -5, "PCLI", 33_848_242),                      // 16
        place(4140963, "Washington, D.C.", "US", 38.9, -77.04, "PPLC", 601_723),          // 17
        place(272103, "Lebanon", "LB", 33.83, 35.83, "PCLI", 4_125_247),                  // 18
        place(6252001, "United States", "US", 39.76, -98.5, "PCLI", 310_232_863),         // 19
        place(287286, "Muscat", "OM", 23.58, 58.41, "PPLC", 797_000),                    // 20
    ]
    let names: [(key: String, place: Int)] = [
        ("ليبيا", 0), ("libya", 0), ("طرابلس", 1), ("طرابلس", 2), ("tripoli", 1), ("tripoli", 2), ("الجزائر", 3), ("الجزائر", 4),
        ("algeria", 3), ("algiers", 4), ("تونس", 5), ("تونس", 6), ("مصر", 7), ("egypt", 7), ("مصراته", 8), ("france", 9), ("فرنسا", 9),
        ("paris", 10), ("paris", 11), ("باريس", 10), ("texas", 12), ("عمان", 13), ("عمان", 14), ("الاردن", 15), ("المغرب", 16),
        ("واشنطن", 17), ("washington", 17), ("لبنان", 18), ("lebanon", 18), ("الولايات المتحده", 19),
        ("سلطنه عمان", 13), ("texas state", 12), ("u s", 19), ("un", 11), ("مسقط", 20),
    ]
    let demonyms: [(key: String, place: Int)] = [("ليبي", 0), ("الليبيه", 0), ("اللبنانيه", 18), ("lebanese", 18)]
    return Gazetteer(places: places, names: names, demonyms: demonyms)
}()

private func places(_ text: String, blocked: [GeoBlockedSpan] = []) -> [(text: String, name: String, country: String, evidence: [String])] {
    let bytes = Array(text.utf8)
    return GeoTagger(gazetteer: gazetteer).tag(text, blocked: blocked).mentions.map {
        let place = gazetteer.place($0.place)
        return (String(decoding: bytes[$0.start..<$0.end], as: UTF8.self), place.name, place.country, $0.evidence)
    }
}

struct GeoTaggerTests {
    @Test func cliticsStayOutOfTheSpan() {
        #expect(places("بلدان الجوار اللصيق لليبيا").map(\.text) == ["ليبيا"])
        #expect(places("وقال والجزائر وبطرابلس").map(\.text) == ["الجزائر", "طرابلس"])
    }

    @Test func namesRunTogetherAreTwoPlaces() {
        #expect(places("المثلث الحدودي مع تونسوالجزائر").map { [$0.text, $0.country] } == [["تونس", "TN"], ["الجزائر", "DZ"]])
        #expect(places("حكومات الجزائروتونس ومصر").map(\.text) == ["الجزائر", "تونس", "مصر"])
    }

    @Test func neverInsideAnotherWord() {
        #expect(places("نحو مدينة مصراتة غرب ليبيا").map(\.name) == ["Misrata", "Libya"])
    }

    @Test func theCountryUnlessTheTextSaysCityOrCapital() {
        #expect(places("وأكدت الجزائر موقفها").map(\.name) == ["Algeria"])
        #expect(places("وأكدت الجزائر موقفها، وقالت الجزائر إن الجزائر").map(\.name) == ["Algeria", "Algeria", "Algeria"])
        #expect(places("وصل إلى مدينة الجزائر").map(\.name) == ["Algiers"])
        let capital = places("في الجزائر العاصمة أمس")
        #expect(capital.map { [$0.text, $0.name] } == [["الجزائر العاصمة", "Algiers"]])
        #expect(capital.first?.evidence.contains("capital_named") == true)
    }

    @Test func theDocumentsCountriesDecideBetweenNamesakes() {
        #expect(places("اشتباكات في طرابلس الليبية").map(\.country) == ["LY"])
        #expect(places("وفي ليبيا، سيطرت القوات على طرابلس").map { [$0.name, $0.country] } == [["Libya", "LY"], ["Tripoli", "LY"]])
        let lebanon = places("توترات في لبنان بعد اشتباكات في طرابلس")
        #expect(lebanon.last?.country == "LB")
        #expect(lebanon.last?.evidence.contains("country_in_document:LB") == true)
        #expect(places("Fighting in Tripoli, the Lebanese army said.").first?.country == "LB")
    }

    @Test func cityCommaStateAndCityCommaCountry() {
        let texas = places("He was born in Paris, Texas, in 1950.")
        #expect(texas.map { [$0.text, $0.country] } == [["Paris", "US"], ["Texas", "US"]])
        #expect(texas.first?.evidence.contains("pattern:city_state") == true)
        #expect(places("The talks in Paris ended.").first?.country == "FR")
    }

    @Test func ammanWithAShaddaOrNearJordan() {
        #expect(places("وصل الوفد إلى عمّان").first?.name == "Amman")
        #expect(places("وصل الوفد إلى عمان").first?.name == "Oman")
        #expect(places("وزار الأردن ثم عاد إلى عمان").last?.name == "Amman")
    }

    @Test func wordsThatAreNotPlacesWhereTheyStand() {
        #expect(places("بعد صلاة المغرب خرج المصلون").isEmpty)
        #expect(places("نقلتها واشنطن بوست على موقعها").isEmpty)
        #expect(places("وترغب واشنطن في تعاون أكبر").map(\.name) == ["Washington, D.C."])
        #expect(places("tripoli is lower case here").isEmpty)
    }

    @Test func spansAnotherAnalyzerMarkedArePassedOver() {
        let text = "قال مسؤول في مجموعة ليبيا القابضة"
        let start = text.utf8.count - "مجموعة ليبيا القابضة".utf8.count
        #expect(places(text, blocked: [GeoBlockedSpan(start: start, end: text.utf8.count)]).isEmpty)
        #expect(places(text).count == 1)
        // A span that is only the place name (the entity model calling Tripoli a person) blocks
        // nothing; a longer one (a person named after it) does.
        let list = "flights from Paris, Tripoli and Egypt"
        let tripoli = list.utf8.count - "Tripoli and Egypt".utf8.count
        #expect(places(list).map(\.text) == ["Paris", "Tripoli", "Egypt"])
        #expect(places(list, blocked: [GeoBlockedSpan(start: tripoli, end: tripoli + 7)]).map(\.text) == ["Paris", "Tripoli", "Egypt"])
        #expect(places(list, blocked: [GeoBlockedSpan(start: tripoli - 2, end: tripoli + 7)]).map(\.text) == ["Paris", "Egypt"])
    }

    /// The corpus guidelines: designators stay outside the span when the name stands without
    /// them, but the designated place is the one meant.
    @Test func designatorWordsStayOutsideTheSpan() {
        let oman = places("وصل الوفد إلى سلطنة عمان أمس")
        #expect(oman.map(\.text) == ["عمان"])
        #expect(oman.first?.name == "Oman")
        #expect(places("Floods hit Texas state on Monday.").map(\.text) == ["Texas"])
        // A capitalized designator belongs to the name; a lone designator word is no place.
        #expect(places("وصل إلى سلطنة").isEmpty)
    }

    /// U.S. and US are the United States (keyed "u s"); a short word in capitals is no small town.
    @Test func abbreviations() {
        #expect(places("A U.S. federal judge ruled.").map(\.text) == ["U.S."])
        #expect(places("The US said.").map(\.text) == ["US"])
        #expect(places("U.S. President spoke.").map(\.text) == ["U.S."])
        #expect(places("The UN said.").isEmpty, "a small town keyed 'un' (here a stand-in) is not meant by capitals")
    }

    /// A family (the list's عائلة matches the key عايله), a club, and a major place written as
    /// an ordinary word (مسقط رأسه, his birthplace).
    @Test func familiesClubsAndIdioms() {
        #expect(places("تقدمت عائلة الجزائر بالشكر").isEmpty)
        #expect(places("توج فريق مولودية الجزائر باللقب").isEmpty)
        #expect(places("ظل يحن إلى مسقط رأسه طوال حياته").isEmpty)
        #expect(places("وصل الوزير إلى مسقط أمس").map(\.text) == ["مسقط"])
    }

    @Test func namesInsideOtherNames() {
        #expect(places("قال مسؤول في بنك ليبيا المركزي").isEmpty)
        #expect(places("تعاقد نادي باريس مع مدرب").isEmpty)
        #expect(places("Real Paris beat Lyon").filter { $0.text == "Paris" }.isEmpty)
        #expect(places("Tripoli Hawkins scored twice").isEmpty)
        #expect(places("The Bank of France held rates.").isEmpty)
        #expect(places("The mayor of Paris spoke.").map(\.text) == ["Paris"])
        #expect(places("Libya's Prime Minister spoke in Tripoli Tuesday.").map(\.text) == ["Libya", "Tripoli"])
    }

    @Test func possessives() {
        #expect(places("Tripoli's mayor spoke in Libya.").map(\.text) == ["Tripoli", "Libya"])
    }

    @Test func theFocusIsTheMostMentionedCountry() {
        let (_, focus) = GeoTagger(gazetteer: gazetteer).tag("في ليبيا وطرابلس ومصراتة، وقالت مصر إن")
        #expect(focus?.countries.first == "LY")
        #expect(focus?.mentions == 4)
    }
}

/// Names that are also ordinary words (flagged in the gazetteer) need the text to point at a place.
struct GeoCommonWordTests {
    private static let gazetteer: Gazetteer = {
        let places = [
            GazetteerPlace(geonamesID: 2215636, name: "Libya", country: "LY", latitude: 28, longitude: 17, feature: "PCLI", population: 6_461_454),
            GazetteerPlace(geonamesID: 2218970, name: "Az Zawiyah", country: "LY", latitude: 32.76, longitude: 12.73, feature: "PPLA", population: 200_000),
            GazetteerPlace(geonamesID: 2210247, name: "Tripoli", country: "LY", latitude: 32.88, longitude: 13.19, feature: "PPLC", population: 1_150_989),
            GazetteerPlace(geonamesID: 99237, name: "Iraq", country: "IQ", latitude: 33, longitude: 44, feature: "PCLI", population: 29_671_605),
            GazetteerPlace(geonamesID: 98245, name: "Haditha", country: "IQ", latitude: 34.14, longitude: 42.38, feature: "PPL", population: 30_925),
            GazetteerPlace(geonamesID: 2988507, name: "Nice", country: "FR", latitude: 43.70, longitude: 7.27, feature: "PPLA", population: 338_620),
            GazetteerPlace(geonamesID: 3017382, name: "France", country: "FR", latitude: 46, longitude: 2, feature: "PCLI", population: 64_768_389),
        ]
        let names: [(key: String, place: Int)] = [
            ("ليبيا", 0), ("الزاويه", 1), ("طرابلس", 2), ("العراق", 3), ("حديثه", 4), ("nice", 5), ("france", 6),
        ]
        return Gazetteer(places: places, names: names, demonyms: [("الليبيه", 0)], commonWords: ["الزاويه", "حديثه", "nice"])
    }()

    private func found(_ text: String) -> [String] {
        let bytes = Array(text.utf8)
        return GeoTagger(gazetteer: Self.gazetteer).tag(text).mentions.map { String(decoding: bytes[$0.start..<$0.end], as: UTF8.self) }
    }

    @Test func arabicNeedsAPlaceOrDemonymOfItsCountryInTheSameSentence() {
        #expect(found("اشتباكات في الزاوية وطرابلس") == ["الزاوية", "طرابلس"])
        #expect(found("اشتباكات عنيفة في الزاوية بين الفصائل الليبية") == ["الزاوية"])
        #expect(found("اشتباكات في مدينة الزاوية") == ["الزاوية"], "a trigger is enough")
        #expect(found("رسم الطالب الزاوية الحادة.").isEmpty)
        // The seed article: his talk (حديثه) two sentences after Iraq is no town in Iraq.
        #expect(found("زار الوفد العراق. وركز المسؤول خلال حديثه على الأمن.") == ["العراق"])
    }

    @Test func englishTakesTheCountryAnywhereInTheDocument() {
        #expect(found("That was a nice idea.").isEmpty)
        #expect(found("France voted. Later, Nice held its carnival.") == ["France", "Nice"])
    }
}
