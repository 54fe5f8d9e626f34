// The gazetteer: places and the name keys that point to them, read in place from the bytes of
// gazetteer.bin (embedded in the library by GlossGeoData, or handed in). Loading checks the
// header, the checksum and every table's bounds once; after that a lookup is a hash probe and a
// byte comparison in the file's own memory, with no per-name Swift objects. The layout is in
// Plugins/Geo/Data/FORMAT.md and GazetteerLayout.swift.
//
// SPDX-License-Identifier: Apache-2.0

import Foundation
import GlossGeoData

/// Places and their names, immutable; one instance serves every thread.
///
/// Keys are `GeoKey.normalize`d names. Lookups never fail on a key that is not there: they
/// return nothing. A place index out of range is a programmer error and traps.
public final class Gazetteer: @unchecked Sendable {
    // @unchecked: every stored property is immutable after init, and the bytes the pointers point
    // into are never written (.rodata, or `storage`, which only this object holds and frees).
    private typealias Layout = GazetteerLayout

    /// How many places there are; indices run from 0 to `count - 1`.
    public let count: Int
    /// How many distinct keys (names and demonyms) there are.
    public let keyCount: Int
    /// The longest place name, in words (so a matcher knows how far to look ahead).
    public let maximumKeyWords: Int
    /// Size of the file in bytes.
    public let byteCount: Int
    /// What the file says about itself: sources and their versions, options, counts, attribution.
    public let metadata: String

    private let places: UnsafeRawPointer
    private let keys: UnsafeRawPointer
    private let postings: UnsafeRawPointer
    private let slots: UnsafeRawPointer
    private let slotCount: Int
    private let demonyms: UnsafeRawPointer
    private let demonymCount: Int
    private let strings: UnsafeRawPointer
    private let features: [String]
    private let countries: [String]
    private let admin1Codes: [String]
    private let countryPlaces: [String: Int]
    /// The kind of each feature code, by the code's index (what `facts(_:)` returns).
    private let kinds: UnsafeMutablePointer<GazetteerPlaceKind>
    /// The index of the empty country code (places in no one country), or -1.
    private let noCountry: Int
    /// The index of the empty admin1 code, or -1.
    private let noAdmin1: Int
    /// Hashes of every word prefix of a multi-word key, with its trailing space ("abu ",
    /// "الدار "), open-addressed; lets `hasLongerKey` answer the usual "no" without searching.
    private let prefixHashes: UnsafeMutableBufferPointer<UInt64>
    private let storage: UnsafeMutableRawBufferPointer?

    // MARK: Loading

    /// The gazetteer embedded in this library (GlossGeoData), loaded in place on first use and
    /// kept for the life of the process.
    ///
    /// Throws `GazetteerError` if the embedded bytes are missing or do not validate (a broken
    /// build); every call after the first returns the same instance or the same error.
    public static func embedded() throws -> Gazetteer {
        try embeddedGazetteer.get()
    }

    private static let embeddedGazetteer: Result<Gazetteer, GazetteerError> = {
        guard let bytes = embeddedBytes, bytes.count > 0 else {
            return .failure(GazetteerError(
                code: .missing,
                message: "no gazetteer is embedded in the library (build one with scripts/geo/build-gazetteer.py)"))
        }
        return Result { () throws(GazetteerError) in try Gazetteer(validating: bytes, storage: nil) }
    }()

    /// The embedded file's bytes, in .rodata.
    static var embeddedBytes: UnsafeRawBufferPointer? {
        var length = 0
        guard let bytes = gloss_geo_gazetteer_bytes(&length) else { return nil }
        return UnsafeRawBufferPointer(start: bytes, count: length)
    }

    /// Reads a gazetteer from a copy of `bytes` (the caller's buffer may go away afterwards).
    ///
    /// Throws `GazetteerError` (`.notAGazetteer`, `.unsupportedVersion`, `.damaged`) for bytes
    /// that are not a whole gazetteer of this format version.
    public convenience init(bytes: UnsafeRawBufferPointer) throws {
        try self.init(copying: bytes)
    }

    /// Reads a gazetteer file into memory it owns. Throws `GazetteerError`.
    public convenience init(contentsOfFile path: String) throws {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw GazetteerError(code: .damaged, message: "gazetteer: cannot read \(path)")
        }
        try self.init(copying: [UInt8](data))
    }

    /// Copies `bytes` into 16-byte aligned memory the gazetteer owns and frees.
    convenience init<Bytes: Collection<UInt8>>(copying bytes: Bytes) throws {
        let memory = UnsafeMutableRawBufferPointer.allocate(byteCount: max(bytes.count, 1), alignment: Layout.alignment)
        _ = memory.initializeMemory(as: UInt8.self, from: bytes)
        do {
            try self.init(validating: UnsafeRawBufferPointer(start: memory.baseAddress, count: bytes.count), storage: memory)
        } catch {
            memory.deallocate()
            throw error
        }
    }

    private init(validating bytes: UnsafeRawBufferPointer, storage: UnsafeMutableRawBufferPointer?) throws(GazetteerError) {
        func damaged(_ message: String) -> GazetteerError {
            GazetteerError(code: .damaged, message: "gazetteer: \(message)")
        }
        guard let base = bytes.baseAddress, bytes.count >= Layout.headerSize,
              Array(UnsafeRawBufferPointer(start: base, count: 8)) == Layout.magic else {
            throw GazetteerError(code: .notAGazetteer, message: "gazetteer: not a gloss.geo gazetteer (bad magic)")
        }
        func header(_ offset: Int) -> Int { Int(Self.u32(base, offset)) }
        let version = Self.u32(base, 8)
        guard version == Layout.version else {
            throw GazetteerError(code: .unsupportedVersion,
                                 message: "gazetteer: format version \(version), this reader knows \(Layout.version)")
        }
        let placeCount = header(16), keyCount = header(20), postingCount = header(24)
        let slotCount = header(28), demonymCount = header(32), maximumKeyWords = header(36)
        guard header(12) == Layout.headerSize, header(40) == Layout.Section.allCases.count else {
            throw damaged("header size or section count do not match this reader")
        }
        guard CRC32.checksum(UnsafeRawBufferPointer(rebasing: bytes[Layout.headerSize...])) == Self.u32(base, 44) else {
            throw damaged("checksum mismatch (the file is truncated or damaged)")
        }
        var sections: [UnsafeRawBufferPointer] = []
        for section in Layout.Section.allCases {
            let offset = header(Layout.sectionTableOffset + 8 * section.rawValue)
            let length = header(Layout.sectionTableOffset + 8 * section.rawValue + 4)
            guard offset >= Layout.headerSize, offset <= bytes.count, length <= bytes.count - offset else {
                throw damaged("section \(section) lies outside the file")
            }
            sections.append(UnsafeRawBufferPointer(start: base + offset, count: length))
        }
        func section(_ s: Layout.Section) -> UnsafeRawBufferPointer { sections[s.rawValue] }
        guard section(.places).count == placeCount * Layout.placeSize,
              section(.keys).count == keyCount * Layout.keySize,
              section(.postings).count == postingCount * 4,
              section(.slots).count == slotCount * 4,
              section(.demonyms).count == demonymCount * Layout.demonymSize,
              section(.features).count % Layout.featureSize == 0,
              section(.countries).count % Layout.countrySize == 0,
              section(.admin1).count % Layout.admin1Size == 0,
              placeCount <= Int(Layout.postingPlaceMask), keyCount < Int(Layout.slotKeyMask), slotCount > keyCount
        else {
            throw damaged("table sizes do not match the header")
        }
        func codes(_ s: Layout.Section, _ size: Int) -> [String] {
            let data = section(s)
            return stride(from: 0, to: data.count, by: size).map { start in
                let field = UnsafeRawBufferPointer(rebasing: data[start..<(start + size)])
                return String(decoding: field.prefix { $0 != 0 }, as: UTF8.self)
            }
        }
        let features = codes(.features, Layout.featureSize)
        let countries = codes(.countries, Layout.countrySize)
        let admin1Codes = codes(.admin1, Layout.admin1Size)
        guard features.count <= Int(Layout.placeFeatureMask) + 1, countries.count <= 256 else {
            throw damaged("too many feature or country codes")
        }

        let strings = section(.strings)
        let places = section(.places).baseAddress!
        var countryPlaces: [String: Int] = [:]
        for index in 0..<placeCount {
            let record = places + index * Layout.placeSize
            let name = Self.u32(record, 16)
            let nameOffset = Int(name & 0xFF_FFFF), nameLength = Int(name >> 24)
            let admin1 = Int(Self.u16(record, 20))
            let country = Int(record.load(fromByteOffset: 22, as: UInt8.self))
            let feature = Int(record.load(fromByteOffset: 23, as: UInt8.self) & Layout.placeFeatureMask)
            guard nameOffset + nameLength <= strings.count, admin1 < admin1Codes.count,
                  country < countries.count, feature < features.count else {
                throw damaged("place \(index) points outside its tables")
            }
            let code = features[feature]
            if (code.hasPrefix("PCL") || code == "TERR"), !countries[country].isEmpty, countryPlaces[countries[country]] == nil {
                countryPlaces[countries[country]] = index
            }
        }

        let keys = section(.keys).baseAddress!
        let postings = section(.postings).baseAddress!
        var previous: UnsafeRawBufferPointer?
        for index in 0..<keyCount {
            let record = keys + index * Layout.keySize
            let offset = Int(Self.u32(record, 0)), first = Int(Self.u32(record, 4))
            let postingsHere = Int(Self.u16(record, 8)), length = Int(record.load(fromByteOffset: 10, as: UInt8.self))
            guard length > 0, offset + length <= strings.count, first + postingsHere <= postingCount else {
                throw damaged("key \(index) points outside its tables")
            }
            let key = UnsafeRawBufferPointer(start: strings.baseAddress! + offset, count: length)
            if let previous, Self.compare(previous, key) >= 0 {
                throw damaged("keys are not in order at \(index)")
            }
            previous = key
            for posting in first..<(first + postingsHere)
            where Int(Self.u32(postings, 4 * posting) & Layout.postingPlaceMask) >= placeCount {
                throw damaged("key \(index) names a place that does not exist")
            }
        }

        let slots = section(.slots).baseAddress!
        var used = 0
        for slot in 0..<slotCount {
            let value = Self.u32(slots, 4 * slot)
            guard value != 0 else { continue }
            used += 1
            guard Int(value & Layout.slotKeyMask) - 1 < keyCount else { throw damaged("hash slot \(slot) names no key") }
        }
        guard used == keyCount else { throw damaged("the hash index does not hold every key once") }

        let demonyms = section(.demonyms).baseAddress!
        var previousKey = -1
        for index in 0..<demonymCount {
            let key = Int(Self.u32(demonyms, 8 * index)), place = Int(Self.u32(demonyms, 8 * index + 4))
            guard key > previousKey, key < keyCount, place < placeCount else {
                throw damaged("demonym \(index) points outside its tables")
            }
            previousKey = key
        }

        self.count = placeCount
        self.keyCount = keyCount
        self.maximumKeyWords = maximumKeyWords
        self.byteCount = bytes.count
        self.metadata = String(decoding: section(.metadata), as: UTF8.self)
        self.places = places
        self.keys = keys
        self.postings = postings
        self.slots = slots
        self.slotCount = slotCount
        self.demonyms = demonyms
        self.demonymCount = demonymCount
        self.strings = strings.baseAddress!
        self.features = features
        self.countries = countries
        self.admin1Codes = admin1Codes
        self.countryPlaces = countryPlaces
        self.storage = storage
        let kinds = UnsafeMutablePointer<GazetteerPlaceKind>.allocate(capacity: Int(Layout.placeFeatureMask) + 1)
        kinds.initialize(repeating: .other, count: Int(Layout.placeFeatureMask) + 1)
        for (index, code) in features.enumerated() { kinds[index] = GazetteerPlaceKind(featureCode: code) }
        self.kinds = kinds
        self.noCountry = countries.firstIndex(of: "") ?? -1
        self.noAdmin1 = admin1Codes.firstIndex(of: "") ?? -1
        self.prefixHashes = Self.prefixTable(keys: keys, keyCount: keyCount, strings: strings.baseAddress!)
    }

    deinit {
        storage?.deallocate()
        kinds.deallocate()
        prefixHashes.deallocate()
    }

    /// The table behind `prefixHashes`: a power of two at least twice the number of prefixes,
    /// 0 marking an empty slot (hashes are stored with their low bit set).
    private static func prefixTable(keys: UnsafeRawPointer, keyCount: Int, strings: UnsafeRawPointer) -> UnsafeMutableBufferPointer<UInt64> {
        var hashes: [UInt64] = []
        for index in 0..<keyCount {
            let record = keys + index * Layout.keySize
            let length = Int(record.load(fromByteOffset: 10, as: UInt8.self))
            let key = UnsafeRawBufferPointer(start: strings + Int(u32(record, 0)), count: length)
            for position in 0..<length where key[position] == 0x20 {
                hashes.append(Layout.hash(UnsafeRawBufferPointer(rebasing: key[...position])) | 1)
            }
        }
        var size = 16
        while size < 2 * hashes.count { size <<= 1 }
        let table = UnsafeMutableBufferPointer<UInt64>.allocate(capacity: size)
        table.initialize(repeating: 0)
        for hash in hashes {
            var slot = Int(truncatingIfNeeded: hash >> 1) & (size - 1)
            while table[slot] != 0 && table[slot] != hash { slot = (slot + 1) & (size - 1) }
            table[slot] = hash
        }
        return table
    }

    // MARK: Places

    /// The place at `index` (0 ..< count). Decodes its strings; keep the result if you need it often.
    public func place(_ index: Int) -> GazetteerPlace {
        precondition(index >= 0 && index < count, "gazetteer place \(index) out of range 0..<\(count)")
        let record = places + index * Layout.placeSize
        let geonamesID = Self.u32(record, 0)
        let name = Self.u32(record, 16)
        let featureByte = record.load(fromByteOffset: 23, as: UInt8.self)
        return GazetteerPlace(
            geonamesID: geonamesID == 0 ? nil : Int(geonamesID),
            name: string(at: Int(name & 0xFF_FFFF), length: Int(name >> 24)),
            country: countries[Int(record.load(fromByteOffset: 22, as: UInt8.self))],
            latitude: Double(Int32(bitPattern: Self.u32(record, 4))) / 100_000,
            longitude: Double(Int32(bitPattern: Self.u32(record, 8))) / 100_000,
            feature: features[Int(featureByte & Layout.placeFeatureMask)],
            population: Int(Self.u32(record, 12)),
            isCapital: featureByte & Layout.placeCapital != 0,
            admin1: admin1Codes[Int(Self.u16(record, 20))])
    }

    /// What a resolver weighs about the place at `index`, read without decoding a string:
    /// cheaper than `place(_:)` by far, for scoring many candidates.
    @inline(__always)
    public func facts(_ index: Int) -> GazetteerPlaceFacts {
        precondition(index >= 0 && index < count, "gazetteer place \(index) out of range 0..<\(count)")
        let record = places + index * Layout.placeSize
        let featureByte = record.load(fromByteOffset: 23, as: UInt8.self)
        let country = record.load(fromByteOffset: 22, as: UInt8.self)
        let admin1 = Self.u16(record, 20)
        return GazetteerPlaceFacts(
            kind: kinds[Int(featureByte & Layout.placeFeatureMask)],
            country: GazetteerCountry(index: country, isNone: Int(country) == noCountry),
            admin1: Int(admin1) == noAdmin1 ? nil : admin1,
            population: Int(Self.u32(record, 12)),
            isCapital: featureByte & Layout.placeCapital != 0)
    }

    /// The ISO 3166-1 alpha-2 code of a country as `facts(_:)` gives it ("LY"; "" for none).
    public func code(of country: GazetteerCountry) -> String {
        countries[Int(country.index)]
    }

    /// The country-level place (PCLI, PCLD, …) of an ISO 3166-1 alpha-2 code ("LY"), or nil.
    public func countryPlace(_ iso2: String) -> Int? {
        countryPlaces[iso2]
    }

    // MARK: Names

    /// Every place named `key` (a `GeoKey.normalize`d name), most populous first; [] if none.
    public func candidates(forKey key: String) -> [Int] {
        keyIndex(key).map(candidates(atKey:)) ?? []
    }

    /// `candidates(forKey:)` of the key at `index` (from `keyIndex(_:)`).
    func candidates(atKey index: Int) -> [Int] {
        let (first, count) = postingRange(index)
        return (first..<(first + count)).map { Int(Self.u32(postings, 4 * $0) & Layout.postingPlaceMask) }
    }

    /// Whether `key` names any place (`candidates(forKey:)` is not empty), without building the list.
    public func hasCandidates(forKey key: String) -> Bool {
        guard let index = keyIndex(key) else { return false }
        return postingRange(index).count > 0
    }

    /// Like `candidates(forKey:)`, with whether each place has the name as a main or a
    /// secondary spelling.
    public func candidateDetails(forKey key: String) -> [GazetteerCandidate] {
        guard let index = keyIndex(key) else { return [] }
        return candidateDetails(keyIndex: index)
    }

    /// The country whose people `key` names (ليبي، ليبية، الليبيون، Libyan → Libya), or nil.
    public func demonym(forKey key: String) -> Int? {
        guard let index = keyIndex(key) else { return nil }
        return demonym(keyIndex: index)
    }

    /// Whether `key` is also an ordinary word or given name, so that the resolver should take it
    /// as a place only with evidence (Nice, Mobile, Of, الباب). False for unknown keys.
    public func nameIsCommonWord(key: String) -> Bool {
        guard let index = keyIndex(key) else { return false }
        return flags(index) & Layout.keyCommonWord != 0
    }

    /// Everything stored under `key`, or nil if the key is unknown.
    public func entry(forKey key: String) -> GazetteerEntry? {
        guard let index = keyIndex(key) else { return nil }
        return GazetteerEntry(
            candidates: candidateDetails(keyIndex: index),
            isCommonWord: flags(index) & Layout.keyCommonWord != 0,
            demonym: demonym(keyIndex: index))
    }

    /// Whether some longer name starts with the words of `key` ("abu" → "abu dhabi"): a matcher
    /// can stop extending a phrase when this is false. Binary search over the sorted keys.
    public func hasLongerKey(startingWith key: String) -> Bool {
        var key = key
        // The usual answer, "no", from the prefix hashes, without building key + " ".
        let space: UInt8 = 0x20
        let hash = key.withUTF8 { bytes in
            withUnsafeBytes(of: space) { Layout.continueHash(Layout.continueHash(Layout.startHash, UnsafeRawBufferPointer(bytes)), $0) }
        }
        guard mayBePrefix(hash: Layout.finishHash(hash)) else { return false }
        var prefix = key + " "
        return prefix.withUTF8 { prefix in
            let prefix = UnsafeRawBufferPointer(prefix)
            var low = 0, high = keyCount
            while low < high {
                let middle = (low + high) / 2
                if Self.compare(keyBytes(middle), prefix) < 0 { low = middle + 1 } else { high = middle }
            }
            guard low < keyCount else { return false }
            let candidate = keyBytes(low)
            return candidate.count > prefix.count && memcmp(candidate.baseAddress!, prefix.baseAddress!, prefix.count) == 0
        }
    }

    /// False when no multi-word key starts with the prefix (words and their trailing space)
    /// whose `Layout.hash` this is; true when one may (a hash can collide: `hasLongerKey` then
    /// searches).
    private func mayBePrefix(hash: UInt64) -> Bool {
        let hash = hash | 1
        let mask = prefixHashes.count - 1
        var slot = Int(truncatingIfNeeded: hash >> 1) & mask
        while true {
            let stored = prefixHashes[slot]
            if stored == hash { return true }
            if stored == 0 { return false }
            slot = (slot + 1) & mask
        }
    }

    /// The key at `index` (0 ..< keyCount), in byte order: for tools that list every name.
    public func key(_ index: Int) -> String {
        precondition(index >= 0 && index < keyCount, "gazetteer key \(index) out of range 0..<\(keyCount)")
        return String(decoding: keyBytes(index), as: UTF8.self)
    }

    // MARK: Reading the tables

    /// The position of `key` among the keys, or nil: for a caller that asks several questions
    /// of one key (`candidates(atKey:)`, `demonym(keyIndex:)`) and hashes it once.
    func keyIndex(_ key: String) -> Int? {
        var key = key
        return key.withUTF8 { keyIndex(utf8: UnsafeRawBufferPointer($0)) }
    }

    private func keyIndex(utf8 key: UnsafeRawBufferPointer) -> Int? {
        guard key.count > 0, key.count <= Layout.maximumKeyBytes else { return nil }
        let hash = Layout.hash(key)
        let fingerprint = Layout.fingerprint(hash)
        var slot = Layout.homeSlot(hash, slotCount: slotCount)
        while true {
            let value = Self.u32(slots, 4 * slot)
            if value == 0 { return nil }
            if value >> 24 == fingerprint {
                let index = Int(value & Layout.slotKeyMask) - 1
                let stored = keyBytes(index)
                if stored.count == key.count, memcmp(stored.baseAddress!, key.baseAddress!, key.count) == 0 {
                    return index
                }
            }
            slot += 1
            if slot == slotCount { slot = 0 }
        }
    }

    private func keyBytes(_ index: Int) -> UnsafeRawBufferPointer {
        let record = keys + index * Layout.keySize
        let length = Int(record.load(fromByteOffset: 10, as: UInt8.self))
        return UnsafeRawBufferPointer(start: strings + Int(Self.u32(record, 0)), count: length)
    }

    private func postingRange(_ index: Int) -> (first: Int, count: Int) {
        let record = keys + index * Layout.keySize
        return (Int(Self.u32(record, 4)), Int(Self.u16(record, 8)))
    }

    private func flags(_ index: Int) -> UInt8 {
        keys.load(fromByteOffset: index * Layout.keySize + 11, as: UInt8.self)
    }

    private func candidateDetails(keyIndex index: Int) -> [GazetteerCandidate] {
        let (first, count) = postingRange(index)
        return (first..<(first + count)).map {
            let value = Self.u32(postings, 4 * $0)
            return GazetteerCandidate(place: Int(value & Layout.postingPlaceMask),
                                      isAlternateName: value & Layout.postingAlternate != 0)
        }
    }

    func demonym(keyIndex index: Int) -> Int? {
        guard flags(index) & Layout.keyDemonym != 0 else { return nil }
        var low = 0, high = demonymCount
        while low < high {
            let middle = (low + high) / 2
            let key = Int(Self.u32(demonyms, 8 * middle))
            if key == index { return Int(Self.u32(demonyms, 8 * middle + 4)) }
            if key < index { low = middle + 1 } else { high = middle }
        }
        return nil
    }

    private func string(at offset: Int, length: Int) -> String {
        String(decoding: UnsafeRawBufferPointer(start: strings + offset, count: length), as: UTF8.self)
    }

    @inline(__always)
    private static func u32(_ base: UnsafeRawPointer, _ offset: Int) -> UInt32 {
        UInt32(littleEndian: base.loadUnaligned(fromByteOffset: offset, as: UInt32.self))
    }

    @inline(__always)
    private static func u16(_ base: UnsafeRawPointer, _ offset: Int) -> UInt16 {
        UInt16(littleEndian: base.loadUnaligned(fromByteOffset: offset, as: UInt16.self))
    }

    /// Byte-wise comparison, shorter first on a common prefix (the order the file is sorted in).
    private static func compare(_ a: UnsafeRawBufferPointer, _ b: UnsafeRawBufferPointer) -> Int {
        let common = min(a.count, b.count)
        if common > 0 {
            let result = memcmp(a.baseAddress!, b.baseAddress!, common)
            if result != 0 { return Int(result) }
        }
        return a.count - b.count
    }
}
