// 64-bit hashes of keys and features. The model stores features by hash, never by string:
// smaller, and a lookup costs no allocation. Collisions among 64-bit hashes of a few million
// features are negligible; the model tables keep 32 bits of each hash beside its slot.
//
// SPDX-License-Identifier: Apache-2.0

enum FeatureHash {
    static let empty: UInt64 = 0xCBF2_9CE4_8422_2325  // FNV-1a offset basis

    /// FNV-1a over bytes, continuing from `seed`.
    @inline(__always)
    static func bytes(_ bytes: UnsafeBufferPointer<UInt8>, from lower: Int, to upper: Int, seed: UInt64 = empty) -> UInt64 {
        var hash = seed
        var index = lower
        while index < upper {
            hash = (hash ^ UInt64(bytes[index])) &* 0x0000_0100_0000_01B3
            index += 1
        }
        return hash
    }

    static func bytes(_ array: [UInt8], seed: UInt64 = empty) -> UInt64 {
        array.withUnsafeBufferPointer { bytes($0, from: 0, to: $0.count, seed: seed) }
    }

    static func string(_ string: String) -> UInt64 { bytes(Array(string.utf8)) }

    /// SplitMix64's finalizer: every input bit reaches every output bit.
    @inline(__always)
    static func finalize(_ value: UInt64) -> UInt64 {
        var z = value
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// Combines an ordered pair (a template and its value, or two values).
    @inline(__always)
    static func combine(_ first: UInt64, _ second: UInt64) -> UInt64 {
        finalize(first &* 0x9E37_79B9_7F4A_7C15 ^ second)
    }
}
