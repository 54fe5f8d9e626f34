// A gazetteer built in memory from Swift values, for tests and tools: the same file format as
// scripts/geo/build-gazetteer.py writes, so that one reader serves both.
//
// SPDX-License-Identifier: Apache-2.0

extension Gazetteer {
    /// A gazetteer of the given places and names (for tests).
    ///
    /// Keys are normalized with `GeoKey.normalize`, so "Tripoli" and "tripoli" are the same key.
    /// Candidates are ordered as in the shipped file: most populous first, then by feature, then
    /// by index. A place index out of range, an empty key or one longer than 255 UTF-8 bytes is a
    /// programmer error and traps.
    public convenience init(
        places: [GazetteerPlace], names: [(key: String, place: Int)], demonyms: [(key: String, place: Int)]
    ) {
        self.init(places: places, names: names, demonyms: demonyms, commonWords: [])
    }

    /// A gazetteer of the given places and names whose keys in `commonWords` are flagged as
    /// common words (see `nameIsCommonWord(key:)`). Traps on the errors the other initializer does.
    public convenience init(
        places: [GazetteerPlace], names: [(key: String, place: Int)], demonyms: [(key: String, place: Int)],
        commonWords: Set<String>
    ) {
        let bytes = GazetteerWriter(places: places, names: names, demonyms: demonyms, commonWords: commonWords).bytes()
        do {
            try self.init(copying: bytes)
        } catch {
            preconditionFailure("a gazetteer built in memory does not read back: \(error)")
        }
    }
}

/// Serializes places and names in the gazetteer format (GazetteerLayout, FORMAT.md).
struct GazetteerWriter {
    var places: [GazetteerPlace]
    var names: [(key: String, place: Int)]
    var demonyms: [(key: String, place: Int)]
    var commonWords: Set<String>
    var metadata = "gloss.geo gazetteer\nbuilt in memory\n"

    init(places: [GazetteerPlace], names: [(key: String, place: Int)], demonyms: [(key: String, place: Int)],
         commonWords: Set<String>) {
        self.places = places
        self.names = names
        self.demonyms = demonyms
        self.commonWords = Set(commonWords.map { GeoKey.normalize($0) })
    }

    func bytes() -> [UInt8] {
        typealias Layout = GazetteerLayout
        var strings = StringTable()
        let features = Array(Set(places.map(\.feature))).sorted()
        let countries = [""] + Array(Set(places.map(\.country)).subtracting([""])).sorted()
        let admin1Codes = [""] + Array(Set(places.map(\.admin1)).subtracting([""])).sorted()
        precondition(features.count <= Int(Layout.placeFeatureMask) + 1 && countries.count <= 256 && admin1Codes.count <= 0x10000,
                     "too many feature, country or admin1 codes")
        let featureIndex = Dictionary(uniqueKeysWithValues: features.enumerated().map { ($1, $0) })
        let countryIndex = Dictionary(uniqueKeysWithValues: countries.enumerated().map { ($1, $0) })
        let admin1Index = Dictionary(uniqueKeysWithValues: admin1Codes.enumerated().map { ($1, $0) })

        var placeBytes: [UInt8] = []
        for place in places {
            let (offset, length) = strings.add(place.name)
            precondition(length <= 0xFF && offset <= 0xFF_FFFF, "place name too long: \(place.name)")
            precondition(place.country.utf8.count == 0 || place.country.utf8.count == 2, "bad country code \(place.country)")
            precondition(place.admin1.utf8.count <= Layout.admin1Size, "admin1 code too long: \(place.admin1)")
            placeBytes.append(littleEndian: UInt32(place.geonamesID ?? 0))
            placeBytes.append(littleEndian: UInt32(bitPattern: Layout.storedCoordinate(place.latitude)))
            placeBytes.append(littleEndian: UInt32(bitPattern: Layout.storedCoordinate(place.longitude)))
            placeBytes.append(littleEndian: UInt32(clamping: max(0, place.population)))
            placeBytes.append(littleEndian: UInt32(offset) | UInt32(length) << 24)
            placeBytes.append(littleEndian: UInt16(admin1Index[place.admin1]!))
            placeBytes.append(UInt8(countryIndex[place.country]!))
            placeBytes.append(UInt8(featureIndex[place.feature]!) | (place.isCapital ? Layout.placeCapital : 0))
        }

        // key -> place -> alternate? (a name given here is never an alternate)
        var postingsByKey: [String: Set<Int>] = [:]
        for (key, place) in names {
            precondition(place >= 0 && place < places.count, "name \(key) points to place \(place) of \(places.count)")
            let normalized = GeoKey.normalize(key)
            precondition(!normalized.isEmpty && normalized.utf8.count <= Layout.maximumKeyBytes, "unusable key \(key)")
            postingsByKey[normalized, default: []].insert(place)
        }
        var demonymByKey: [String: Int] = [:]
        for (key, place) in demonyms {
            precondition(place >= 0 && place < places.count, "demonym \(key) points to place \(place) of \(places.count)")
            let normalized = GeoKey.normalize(key)
            precondition(!normalized.isEmpty && normalized.utf8.count <= Layout.maximumKeyBytes, "unusable key \(key)")
            demonymByKey[normalized] = place
        }
        let sortedKeys = Set(postingsByKey.keys).union(demonymByKey.keys).sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }

        var keyBytes: [UInt8] = [], postingBytes: [UInt8] = [], demonymBytes: [UInt8] = []
        var postingCount = 0, maximumWords = 0
        for (index, key) in sortedKeys.enumerated() {
            let candidates = (postingsByKey[key] ?? []).sorted { a, b in
                let (pa, pb) = (places[a], places[b])
                if pa.population != pb.population { return pa.population > pb.population }
                let (ra, rb) = (Layout.featureRank(pa.feature), Layout.featureRank(pb.feature))
                return ra != rb ? ra < rb : a < b
            }
            let (offset, length) = strings.add(key)
            var flags: UInt8 = commonWords.contains(key) ? Layout.keyCommonWord : 0
            if let place = demonymByKey[key] {
                flags |= Layout.keyDemonym
                demonymBytes.append(littleEndian: UInt32(index))
                demonymBytes.append(littleEndian: UInt32(place))
            }
            keyBytes.append(littleEndian: UInt32(offset))
            keyBytes.append(littleEndian: UInt32(postingCount))
            keyBytes.append(littleEndian: UInt16(candidates.count))
            keyBytes.append(UInt8(length))
            keyBytes.append(flags)
            for place in candidates { postingBytes.append(littleEndian: UInt32(place)) }
            postingCount += candidates.count
            if !candidates.isEmpty {
                maximumWords = max(maximumWords, key.utf8.count(where: { $0 == UInt8(ascii: " ") }) + 1)
            }
        }

        let slotCount = Layout.slotCount(forKeys: sortedKeys.count)
        var slots = [UInt32](repeating: 0, count: slotCount)
        for (index, key) in sortedKeys.enumerated() {
            let hash = Array(key.utf8).withUnsafeBytes { Layout.hash($0) }
            var slot = Layout.homeSlot(hash, slotCount: slotCount)
            while slots[slot] != 0 { slot = slot + 1 == slotCount ? 0 : slot + 1 }
            slots[slot] = Layout.fingerprint(hash) << 24 | UInt32(index + 1)
        }
        var slotBytes: [UInt8] = []
        for slot in slots { slotBytes.append(littleEndian: slot) }

        func fixed(_ codes: [String], _ size: Int) -> [UInt8] {
            codes.flatMap { Array($0.utf8) + [UInt8](repeating: 0, count: size - $0.utf8.count) }
        }
        let sections: [[UInt8]] = [
            placeBytes, keyBytes, postingBytes, slotBytes, demonymBytes,
            fixed(features, Layout.featureSize), fixed(countries, Layout.countrySize), fixed(admin1Codes, Layout.admin1Size),
            strings.bytes, Array(metadata.utf8),
        ]
        var body: [UInt8] = []
        var table: [(offset: Int, length: Int)] = []
        for section in sections {
            while (Layout.headerSize + body.count) % Layout.alignment != 0 { body.append(0) }
            table.append((Layout.headerSize + body.count, section.count))
            body += section
        }
        var header = Layout.magic
        for value in [Layout.version, UInt32(Layout.headerSize), UInt32(places.count), UInt32(sortedKeys.count),
                      UInt32(postingCount), UInt32(slotCount), UInt32(demonymBytes.count / Layout.demonymSize),
                      UInt32(maximumWords), UInt32(sections.count), body.withUnsafeBytes { CRC32.checksum($0) }] {
            header.append(littleEndian: value)
        }
        for (offset, length) in table {
            header.append(littleEndian: UInt32(offset))
            header.append(littleEndian: UInt32(length))
        }
        precondition(header.count == Layout.headerSize)
        return header + body
    }
}

/// UTF-8 strings, each stored once.
private struct StringTable {
    var bytes: [UInt8] = []
    private var offsets: [String: Int] = [:]

    mutating func add(_ text: String) -> (offset: Int, length: Int) {
        if let offset = offsets[text] { return (offset, text.utf8.count) }
        let offset = bytes.count
        bytes += text.utf8
        offsets[text] = offset
        return (offset, text.utf8.count)
    }
}

extension [UInt8] {
    fileprivate mutating func append<T: FixedWidthInteger>(littleEndian value: T) {
        Swift.withUnsafeBytes(of: value.littleEndian) { append(contentsOf: $0) }
    }
}
