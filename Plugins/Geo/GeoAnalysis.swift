// The geo analyzer's output as the plugin emits it: one `place` annotation per mention with
// the attributes PRODUCT.md lists, and one `focus` annotation over the whole document.
//
// SPDX-License-Identifier: Apache-2.0

public import GlossPluginKit

public enum GeoAnalysis {
    public struct Place: Sendable {
        public var start: Int
        public var end: Int
        public var confidence: Double
        public var attributes: [(String, PluginKit.Value)]
    }

    /// Finds and resolves the places of `text`, leaving out spans in `blocked` (persons and
    /// organizations another analyzer found).
    public static func run(_ text: String, gazetteer: Gazetteer, blocked: [GeoBlockedSpan] = [])
        -> (places: [Place], focus: [(String, PluginKit.Value)]?)
    {
        let (mentions, focus) = GeoTagger(gazetteer: gazetteer).tag(text, blocked: blocked)
        let places = mentions.map { mention in
            Place(start: mention.start, end: mention.end, confidence: mention.confidence,
                  attributes: attributes(of: gazetteer.place(mention.place)) + [("evidence", .strings(mention.evidence))])
        }
        guard let focus else { return (places, nil) }
        var values: [(String, PluginKit.Value)] = []
        if let country = focus.countries.first {
            values.append(("country", .string(country)))
            if let index = gazetteer.countryPlace(country) { values.append(("name", .string(gazetteer.place(index).name))) }
        }
        values.append(("countries", .strings(focus.countries)))
        values.append(("places", .strings(focus.places.map { gazetteer.place($0).name })))
        values.append(("mentions", .integer(Int64(focus.mentions))))
        return (places, values)
    }

    /// name, country, lat, lon, feature, geonames_id (when GeoNames has one), population.
    static func attributes(of place: GazetteerPlace) -> [(String, PluginKit.Value)] {
        var values: [(String, PluginKit.Value)] = [
            ("name", .string(place.name)),
            ("country", .string(place.country)),
            ("lat", .number((place.latitude * 10_000).rounded() / 10_000)),
            ("lon", .number((place.longitude * 10_000).rounded() / 10_000)),
            ("feature", .string(place.feature)),
        ]
        if let id = place.geonamesID { values.append(("geonames_id", .integer(Int64(id)))) }
        values.append(("population", .integer(Int64(place.population))))
        return values
    }
}
