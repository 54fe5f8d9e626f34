import Foundation
@testable import GlossGeo
import Testing

struct GeoKeyTests {
    /// Every pair the Python build script wrote (scripts/geo/geokey.py): the Swift key must be
    /// byte-identical, or lookups would miss names the gazetteer holds.
    @Test func agreesWithThePythonKeysOnEveryExample() throws {
        let examples = try keyExamples()
        #expect(examples.count >= 150)
        for (input, key) in examples {
            #expect(GeoKey.normalize(input) == key, "input \(Array(input.unicodeScalars.map { String($0.value, radix: 16) }))")
        }
    }

    @Test(arguments: [
        ("أبو قرين", "ابو قرين"),
        ("مُصْرَاتَة", "مصراته"),
        ("ليبيـــا", "ليبيا"),
        ("مصطفى", "مصطفي"),
        ("مؤتة", "موته"),
        ("بئر السبع", "بير السبع"),
        ("عمّان", "عمان"),
        ("ٱلقدس", "القدس"),
        ("ﻟﻴﺒﻴﺎ", "ليبيا"),
        ("٢٠١٦", "2016"),
        ("Mişrātah", "misratah"),
        ("Ṣanʿāʾ", "sana"),
        ("Sana'a", "sanaa"),
        (" Abu-Dhabi ", "abu dhabi"),
        ("Washington, D.C.", "washington d c"),
        ("İstanbul", "istanbul"),
        ("...", ""),
    ])
    func normalizes(_ input: String, to key: String) {
        #expect(GeoKey.normalize(input) == key)
    }

    @Test func normalizesASubstringLikeTheWholeString() {
        let text = "في طرابلس الغرب"
        let name = text[text.index(text.startIndex, offsetBy: 3)...]
        #expect(GeoKey.normalize(name) == "طرابلس الغرب")
    }

    @Test func aKeyIsItsOwnKey() throws {
        for (_, key) in try keyExamples() {
            #expect(GeoKey.normalize(key) == key)
        }
    }
}

/// The (input, key) pairs of Plugins/Geo/Data/key-examples.tsv, taken as written.
func keyExamples() throws -> [(String, String)] {
    let url = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Plugins/Geo/Data/key-examples.tsv")
    let text = try String(contentsOf: url, encoding: .utf8)
    return text.split(separator: "\n", omittingEmptySubsequences: true).compactMap { line in
        guard !line.hasPrefix("#") else { return nil }
        let fields = line.split(separator: "\t", maxSplits: 1, omittingEmptySubsequences: false)
        return (String(fields[0]), fields.count > 1 ? String(fields[1]) : "")
    }
}
