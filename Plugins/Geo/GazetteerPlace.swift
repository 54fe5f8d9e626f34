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
