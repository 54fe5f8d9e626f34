@testable import GlossGeo
import Testing

/// The shipped gazetteer: it loads, and the places Arabic and English news name are in it.
struct GazetteerTests {
    let gazetteer: Gazetteer

    init() throws {
        gazetteer = try Gazetteer.embedded()
    }

    private func places(_ name: String) -> [GazetteerPlace] {
        gazetteer.candidates(forKey: GeoKey.normalize(name)).map(gazetteer.place)
    }

    @Test func theEmbeddedGazetteerLoadsWithSaneCounts() throws {
        #expect(gazetteer.count > 50_000 && gazetteer.count < 200_000)
        #expect(gazetteer.keyCount > gazetteer.count)
        #expect(gazetteer.maximumKeyWords >= 4 && gazetteer.maximumKeyWords < 20)
        #expect(gazetteer.metadata.contains("GeoNames"))
        #expect(gazetteer.metadata.contains("CLDR"))
        #expect(try Gazetteer.embedded() === gazetteer)
        let countries = (0..<gazetteer.count).filter { gazetteer.place($0).feature.hasPrefix("PCL") }
        #expect(countries.count > 200)
    }

    @Test func libyaIsTheCountry() throws {
        let libya = try #require(places("ليبيا").first)
        #expect(libya.name == "Libya" && libya.country == "LY" && libya.feature == "PCLI")
        #expect(libya.geonamesID == 2215636)
        #expect(gazetteer.countryPlace("LY").map(gazetteer.place) == libya)
        #expect(places("Libya").first == libya)
    }

    @Test func tripoliIsTheLibyanCapitalAndTheLebaneseCity() throws {
        let tripolis = places("طرابلس")
        let first = try #require(tripolis.first)
        #expect(first.country == "LY" && first.feature == "PPLC" && first.isCapital)
        #expect(tripolis.contains { $0.name == "Tripoli" && $0.country == "LB" })
        #expect(places("Tripoli").first == first)
    }

    @Test func algiersAndAlgeriaShareAName() {
        let places = places("الجزائر")
        #expect(places.contains { $0.feature == "PCLI" && $0.country == "DZ" })
        #expect(places.contains { $0.feature == "PPLC" && $0.country == "DZ" && $0.name == "Algiers" })
    }

    @Test(arguments: [
        ("فيينا", "Vienna", "AT"),
        ("سرت", "Sirte", "LY"),
        ("مصراتة", "Misratah", "LY"),
        ("مصراته", "Misratah", "LY"),
        ("Misrata", "Misratah", "LY"),
        ("ابو قرين", "Abu Qurayn", "LY"),
        ("أبو قرين", "Abu Qurayn", "LY"),
        ("واشنطن", "Washington", "US"),
        ("بنغازي", "Benghazi", "LY"),
        ("القاهرة", "Cairo", "EG"),
        ("الخليل", "Hebron", "PS"),
        ("تونس", "Tunisia", "TN"),
    ])
    func findsTheMostPopulousPlaceFirst(_ name: String, _ english: String, _ country: String) throws {
        let first = try #require(places(name).first, "\(name)")
        #expect(first.name == english && first.country == country)
    }

    @Test func washingtonInArabicIsTheCapital() throws {
        let washington = try #require(places("واشنطن").first)
        #expect(washington.feature == "PPLC" && washington.geonamesID == 4140963)
    }

    @Test(arguments: [("المغرب العربي", "Maghreb"), ("الساحل الإفريقي", "Sahel"), ("الساحل الافريقي", "Sahel"),
                      ("الشرق الأوسط", "Middle East"), ("شمال إفريقيا", "North Africa")])
    func knowsTheRegionsNewsNames(_ name: String, _ english: String) throws {
        let region = try #require(places(name).first)
        #expect(region.feature == "RGN" && region.name == english && region.geonamesID == nil)
    }

    @Test func parisIsFranceFirstAndTexasToo() throws {
        let paris = places("Paris")
        #expect(paris.first?.country == "FR" && paris.first?.feature == "PPLC")
        #expect(paris.contains { $0.country == "US" && $0.admin1 == "TX" })
        let texas = try #require(places("Texas").first)
        #expect(texas.feature == "ADM1" && texas.admin1 == "TX")
    }

    @Test(arguments: ["ليبي", "ليبية", "ليبيون", "ليبيين", "الليبي", "الليبية", "الليبيون", "الليبيين", "Libyan", "Libyans"])
    func demonymsNameLibya(_ word: String) throws {
        let place = try #require(gazetteer.demonym(forKey: GeoKey.normalize(word)))
        #expect(gazetteer.place(place).country == "LY" && gazetteer.place(place).feature == "PCLI")
    }

    @Test func demonymsOfEveryArabLeagueState() {
        for (word, country) in [("جزائري", "DZ"), ("تونسي", "TN"), ("مغربي", "MA"), ("مصري", "EG"), ("موريتاني", "MR"),
                                ("سوداني", "SD"), ("سعودي", "SA"), ("إماراتي", "AE"), ("قطري", "QA"), ("كويتي", "KW"),
                                ("بحريني", "BH"), ("عماني", "OM"), ("يمني", "YE"), ("أردني", "JO"), ("لبناني", "LB"),
                                ("سوري", "SY"), ("عراقي", "IQ"), ("فلسطيني", "PS"), ("صومالي", "SO"), ("جيبوتي", "DJ"),
                                ("Comorian", "KM"), ("Libyan", "LY"), ("الأمريكية", "US")] {
            let place = gazetteer.demonym(forKey: GeoKey.normalize(word))
            #expect(place.map { gazetteer.place($0).country } == country, "\(word)")
        }
        #expect(gazetteer.demonym(forKey: GeoKey.normalize("المالية")) == nil)
    }

    @Test func marksNamesThatAreCommonWords() {
        for word in ["mobile", "nice", "of", "best", "reading", "white house", "الباب"] {
            #expect(gazetteer.nameIsCommonWord(key: GeoKey.normalize(word)), "\(word)")
        }
        for word in ["tripoli", "paris", "china", "turkey", "ليبيا", "المغرب", "عمان", "الخليل"] {
            #expect(!gazetteer.nameIsCommonWord(key: GeoKey.normalize(word)), "\(word)")
        }
        #expect(!gazetteer.nameIsCommonWord(key: "no such place at all"))
    }

    @Test func leavesOutArabicWordsThatAreNotPlaces() {
        for word in ["كان", "مدينة", "منطقة", "الخميس", "بن"] {
            #expect(gazetteer.candidates(forKey: GeoKey.normalize(word)).isEmpty, "\(word)")
        }
    }

    @Test func unknownKeysFindNothing() {
        #expect(gazetteer.candidates(forKey: "").isEmpty)
        #expect(gazetteer.candidates(forKey: "no such place at all").isEmpty)
        #expect(gazetteer.demonym(forKey: "tripoli") == nil)
        #expect(gazetteer.entry(forKey: String(repeating: "x", count: 300)) == nil)
    }

    @Test func tellsWhetherALongerNameFollows() {
        #expect(gazetteer.hasLongerKey(startingWith: "abu"))
        #expect(gazetteer.hasLongerKey(startingWith: "المغرب"))
        #expect(!gazetteer.hasLongerKey(startingWith: "misrata"))
        #expect(!gazetteer.hasLongerKey(startingWith: "zzzz"))
    }

    @Test func secondarySpellingsAreMarked() throws {
        let entry = try #require(gazetteer.entry(forKey: "misrata"))
        #expect(entry.candidates.first?.isAlternateName == false)  // curated for Misrata
        let kiev = try #require(gazetteer.candidateDetails(forKey: "kiev").first)
        #expect(kiev.isAlternateName && gazetteer.place(kiev.place).name == "Kyiv")
    }

    @Test func keysAreInByteOrder() {
        for index in stride(from: 1, to: gazetteer.keyCount, by: 997) {
            #expect(Array(gazetteer.key(index - 1).utf8).lexicographicallyPrecedes(Array(gazetteer.key(index).utf8)))
        }
    }
}
