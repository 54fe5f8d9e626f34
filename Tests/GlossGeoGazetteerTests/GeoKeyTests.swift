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
        #expect(normalizeBytes(input) == key, "the UTF-8 path")
    }

    /// The byte path the tagger takes for each word must give the String path's key for every
    /// name the gazetteer was built from, and for text that leaves its ASCII/Arabic fast path
    /// halfway (an accent, a ZWNJ, Arabic punctuation, a presentation form after a letter).
    @Test func keysFromUTF8BytesAreTheKeysFromStrings() throws {
        var inputs = try keyExamples().map(\.0)
        inputs += ["ليبيا، تونس", "بيروت\u{200C}ي", "طرابلسﻟﻴﺒﻴﺎ", "Sana'a", "Côte d'Ivoire", "abc\u{0301}", "مصر؟", "ب", "", "١٢ مايو"]
        let gazetteer = try Gazetteer.embedded()
        inputs += (0..<gazetteer.keyCount).map(gazetteer.key)
        for input in inputs {
            #expect(normalizeBytes(input) == GeoKey.normalize(input), "input \(Array(input.unicodeScalars.map { String($0.value, radix: 16) }))")
        }
    }

    private func normalizeBytes(_ text: String) -> String {
        Array(text.utf8).withUnsafeBufferPointer { GeoKey.normalize(utf8: $0) }
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
