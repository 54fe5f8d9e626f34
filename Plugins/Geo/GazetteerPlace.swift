// One place of the gazetteer, as the resolver and the result file see it.
//
// SPDX-License-Identifier: Apache-2.0

/// A place: a country, a continent, a region, a first-level subdivision or a town.
public struct GazetteerPlace: Sendable, Hashable {
    /// The GeoNames id; nil for hand-curated places without one (regions, small towns).
    public var geonamesID: Int?
    /// The English name ("Tripoli", "Maghreb"); GeoNames' name, which may carry accents ("Banghāzī").
    public var name: String
    /// ISO 3166-1 alpha-2 code ("LY"); "" for continents and regions across several countries.
    public var country: String
    /// Degrees, WGS 84, to 1e-5 degree.
    public var latitude: Double, longitude: Double
    /// GeoNames feature code: PCLI, PCLD, CONT, RGN, ADM1, ADM2, PPLC, PPLA, PPLA2, PPL …
    public var feature: String
    /// Inhabitants; 0 where the sources do not say (subdivisions, regions, curated towns).
    public var population: Int
    /// A national capital (PPLC, or flagged in the curated file).
    public var isCapital: Bool
    /// GeoNames admin1 code ("TX", "77"); "" if none (countries, continents, regions).
    public var admin1: String

    public init(
        geonamesID: Int?, name: String, country: String, latitude: Double, longitude: Double,
        feature: String, population: Int, isCapital: Bool = false, admin1: String = ""
    ) {
        self.geonamesID = geonamesID
        self.name = name
        self.country = country
        self.latitude = latitude
        self.longitude = longitude
        self.feature = feature
        self.population = population
        self.isCapital = isCapital
        self.admin1 = admin1
    }
}

/// What kind of place a GeoNames feature code names, as the resolver ranks them.
public enum GazetteerPlaceKind: UInt8, Sendable {
    /// PCLI, PCLD, PCLF, PCLS, PCLIX, PCL, TERR.
    case country
    /// CONT.
    case continent
    /// RGN: regions across borders (المغرب العربي, the Sahel).
    case region
    /// PPLC: a national capital.
    case capital
    /// ADM1, ADM2.
    case firstLevelDivision, secondLevelDivision
    /// PPLA: the seat of a first-level division; PPLA2–PPLA4: of lower divisions.
    case divisionSeat, lesserSeat
    /// Any other PPL… code.
    case populatedPlace
    /// Anything else.
    case other

    public init(featureCode code: String) {
        switch code {
        case "PCLI", "PCLD", "PCLF", "PCLS", "PCLIX", "PCL", "TERR": self = .country
        case "CONT": self = .continent
        case "RGN": self = .region
        case "PPLC": self = .capital
        case "ADM1": self = .firstLevelDivision
        case "ADM2": self = .secondLevelDivision
        case "PPLA": self = .divisionSeat
        case "PPLA2", "PPLA3", "PPLA4": self = .lesserSeat
        default: self = code.hasPrefix("PPL") ? .populatedPlace : .other
        }
    }

    /// A town or city of any rank (every PPL… code).
    public var isPopulatedPlace: Bool {
        switch self {
        case .capital, .divisionSeat, .lesserSeat, .populatedPlace: true
        default: false
        }
    }
}

/// A country as the gazetteer numbers them; `Gazetteer.code(of:)` gives its ISO code.
public struct GazetteerCountry: Sendable, Hashable {
    public var index: UInt8
    /// The place is in no one country (continents, regions across borders).
    public var isNone: Bool
}

/// What a resolver weighs about a place (`Gazetteer.facts(_:)`), without its strings.
public struct GazetteerPlaceFacts: Sendable, Equatable {
    public var kind: GazetteerPlaceKind
    public var country: GazetteerCountry
    /// Index of the admin1 code (equal indices, equal codes); nil where there is none.
    public var admin1: UInt16?
    public var population: Int
    public var isCapital: Bool
}

/// One place a name can mean, with how the gazetteer knows the name.
public struct GazetteerCandidate: Sendable, Hashable {
    /// The place's index (`Gazetteer.place(_:)`).
    public var place: Int
    /// The name is a secondary spelling for this place (a GeoNames alternate name, a Latin
    /// spelling variant, a subdivision alias) rather than its main English or Arabic name.
    public var isAlternateName: Bool

    public init(place: Int, isAlternateName: Bool) {
        self.place = place
        self.isAlternateName = isAlternateName
    }
}

/// Everything the gazetteer holds under one key.
public struct GazetteerEntry: Sendable, Hashable {
    /// The places the key names, most populous first (then by feature: country before region
    /// before subdivision before capital before town, then by index). Empty for a key that is
    /// only a demonym.
    public var candidates: [GazetteerCandidate]
    /// The key is also an ordinary word or a common given name (Nice, Mobile, Reading, الباب،
    /// صور): take it as a place only with evidence (a country or state named nearby, capitals in
    /// the middle of an English sentence).
    public var isCommonWord: Bool
    /// The country whose people the key names (ليبي، الليبيون، Libyan → Libya's place index).
    public var demonym: Int?

    public init(candidates: [GazetteerCandidate], isCommonWord: Bool, demonym: Int?) {
        self.candidates = candidates
        self.isCommonWord = isCommonWord
        self.demonym = demonym
    }
}
