// The byte layout of gazetteer.bin (Plugins/Geo/Data/FORMAT.md), shared by the reader and the
// in-memory writer. scripts/geo/gazetteer_format.py is the Python side of the same layout.
//
// SPDX-License-Identifier: Apache-2.0

enum GazetteerLayout {
    static let magic: [UInt8] = Array("GLSGEO01".utf8)
    static let version: UInt32 = 1
    static let headerSize = 128
    static let sectionTableOffset = 48
    static let alignment = 16

    /// The sections, in the order of the header's table.
    enum Section: Int, CaseIterable {
        case places, keys, postings, slots, demonyms, features, countries, admin1, strings, metadata
    }

    static let placeSize = 24
    static let keySize = 12
    static let demonymSize = 8
    static let featureSize = 8
    static let countrySize = 2
    static let admin1Size = 8

    static let placeCapital: UInt8 = 0x80        // in the feature byte
    static let placeFeatureMask: UInt8 = 0x7F
    static let keyCommonWord: UInt8 = 0x01
    static let keyDemonym: UInt8 = 0x02
    static let postingAlternate: UInt32 = 0x0100_0000
    static let postingPlaceMask: UInt32 = 0x00FF_FFFF
    static let slotKeyMask: UInt32 = 0x00FF_FFFF
    static let maximumKeyBytes = 255

    /// 64-bit FNV-1a of the key's UTF-8 bytes, then MurmurHash3's fmix64 to spread the low bits.
    @inline(__always)
    static func hash(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
        finishHash(continueHash(startHash, bytes))
    }

    /// The parts of `hash`, for hashing bytes that are not in one buffer:
    /// `finishHash(continueHash(continueHash(startHash, a), b))` is the hash of a + b.
    static let startHash: UInt64 = 0xCBF2_9CE4_8422_2325

    @inline(__always)
    static func continueHash(_ state: UInt64, _ bytes: UnsafeRawBufferPointer) -> UInt64 {
        var h = state
        for byte in bytes {
            h ^= UInt64(byte)
            h &*= 0x0000_0100_0000_01B3
        }
        return h
    }

    @inline(__always)
    static func finishHash(_ state: UInt64) -> UInt64 {
        var h = state
        h ^= h >> 33
        h &*= 0xFF51_AFD7_ED55_8CCD
        h ^= h >> 33
        h &*= 0xC4CE_B9FE_1A85_EC53
        h ^= h >> 33
        return h
    }

    /// The first slot to probe: the hash's low 32 bits scaled to the table (no modulo).
    @inline(__always)
    static func homeSlot(_ hash: UInt64, slotCount: Int) -> Int {
        Int(((hash & 0xFFFF_FFFF) &* UInt64(slotCount)) >> 32)
    }

    /// The hash's top 8 bits, stored in the slot beside the key number.
    @inline(__always)
    static func fingerprint(_ hash: UInt64) -> UInt32 {
        UInt32(truncatingIfNeeded: hash >> 56)
    }

    /// Slots for `keyCount` keys: at most 70 % full, at least 16 (always one more than keys, so
    /// that a probe for a missing key ends).
    static func slotCount(forKeys keyCount: Int) -> Int {
        max(16, (keyCount * 10 + 6) / 7)
    }

    /// Degrees as the stored Int32 of 1e-5 degrees, rounded half away from zero.
    static func storedCoordinate(_ degrees: Double) -> Int32 {
        let scaled = (abs(degrees) * 100_000 + 0.5).rounded(.down)
        return Int32(degrees < 0 ? -scaled : scaled)
    }

    /// GeoNames feature codes in the order candidates are ranked after population.
    static func featureRank(_ code: String) -> Int {
        switch code {
        case "CONT": 0
        case "PCLI", "PCLD": 1
        case "RGN": 2
        case "ADM1", "ADM2": 3
        case "PPLC": 4
        case "PPLG", "PPLA": 5
        default: code.hasPrefix("PPLA") ? 6 : code.hasPrefix("PPL") ? 7 : 8
        }
    }
}

/// CRC-32 (IEEE 802.3, zlib's `crc32`), slicing by 8: the load-time check that the file is whole.
enum CRC32 {
    /// Eight 256-entry tables, one after the other: table k advances a byte k positions further.
    private static let table: [UInt32] = {
        var table = [UInt32](repeating: 0, count: 8 * 256)
        for n in 0..<256 {
            var c = UInt32(n)
            for _ in 0..<8 { c = c & 1 != 0 ? 0xEDB8_8320 ^ (c >> 1) : c >> 1 }
            table[n] = c
        }
        for k in 1..<8 {
            for n in 0..<256 {
                let previous = table[(k - 1) * 256 + n]
                table[k * 256 + n] = table[Int(previous & 0xFF)] ^ (previous >> 8)
            }
        }
        return table
    }()

    static func checksum(_ bytes: UnsafeRawBufferPointer) -> UInt32 {
        guard let base = bytes.baseAddress else { return 0 }
        return table.withUnsafeBufferPointer { table in
            @inline(__always) func t(_ k: Int, _ byte: UInt32) -> UInt32 { table[k << 8 | Int(byte & 0xFF)] }
            var crc: UInt32 = 0xFFFF_FFFF
            var offset = 0
            let count = bytes.count
            while offset + 8 <= count {
                let low = base.loadUnaligned(fromByteOffset: offset, as: UInt32.self).littleEndian ^ crc
                let high = base.loadUnaligned(fromByteOffset: offset + 4, as: UInt32.self).littleEndian
                crc = t(7, low) ^ t(6, low >> 8) ^ t(5, low >> 16) ^ t(4, low >> 24)
                    ^ t(3, high) ^ t(2, high >> 8) ^ t(1, high >> 16) ^ t(0, high >> 24)
                offset += 8
            }
            while offset < count {
                crc = t(0, crc ^ UInt32(base.load(fromByteOffset: offset, as: UInt8.self))) ^ (crc >> 8)
                offset += 1
            }
            return crc ^ 0xFFFF_FFFF
        }
    }
}
