// The model's lookup tables: open addressing with linear probing over 64-bit hashes, laid out
// so that they are read in place from the model's bytes (no parsing, no copy at load).
// Each slot holds 32 bits of the hash (never 0; 0 marks an empty slot) and a 32-bit value.
// The other 32 bits choose the slot, so a false hit needs two 32-bit coincidences at once.
//
// SPDX-License-Identifier: Apache-2.0

/// A read-only view of a table inside the model's bytes.
struct HashTableView: @unchecked Sendable {
    // @unchecked: the slots are immutable memory (the embedded model in .rodata, or a buffer the
    // model owns and never writes after loading), so sharing the view across threads is safe.
    private let slots: UnsafePointer<UInt32>
    private let mask: Int

    /// `memory` points to a table written by `HashTableBuilder.serialized()`; nil if it does not fit.
    init?(memory: UnsafeRawBufferPointer) {
        guard memory.count >= 8, let base = memory.baseAddress else { return nil }
        let count = Int(base.loadUnaligned(as: UInt64.self))
        guard count > 0, count & (count - 1) == 0, memory.count >= 8 + count * 8,
              Int(bitPattern: base) % 4 == 0 else { return nil }
        slots = (base + 8).assumingMemoryBound(to: UInt32.self)
        mask = count - 1
    }

    /// The value stored for `hash`, or nil.
    @inline(__always)
    func value(_ hash: UInt64) -> UInt32? {
        let mixed = FeatureHash.finalize(hash)
        let fingerprint = Self.fingerprint(mixed)
        var slot = Int(truncatingIfNeeded: mixed) & mask
        while true {
            let stored = slots[2 * slot]
            if stored == fingerprint { return slots[2 * slot + 1] }
            if stored == 0 { return nil }
            slot = (slot + 1) & mask
        }
    }

    @inline(__always)
    static func fingerprint(_ mixed: UInt64) -> UInt32 {
        let high = UInt32(truncatingIfNeeded: mixed >> 32)
        return high == 0 ? 1 : high
    }
}

/// Builds a table for the model file (training side).
struct HashTableBuilder {
    private var entries: [(hash: UInt64, value: UInt32)] = []

    mutating func insert(_ hash: UInt64, value: UInt32) { entries.append((hash, value)) }

    var count: Int { entries.count }

    /// The table as bytes: slot count (UInt64), then slots of (fingerprint, value) UInt32 pairs,
    /// at most half full so that a miss ends after about two probes. Entries are placed in the
    /// order they were inserted; a later duplicate of a hash is ignored.
    func serialized() -> [UInt8] {
        var slotCount = 16
        while slotCount < entries.count * 2 { slotCount *= 2 }
        var slots = [UInt32](repeating: 0, count: slotCount * 2)
        let mask = slotCount - 1
        for entry in entries {
            let mixed = FeatureHash.finalize(entry.hash)
            let fingerprint = HashTableView.fingerprint(mixed)
            var slot = Int(truncatingIfNeeded: mixed) & mask
            var duplicate = false
            while slots[2 * slot] != 0 {
                if slots[2 * slot] == fingerprint { duplicate = true; break }
                slot = (slot + 1) & mask
            }
            if duplicate { continue }
            slots[2 * slot] = fingerprint
            slots[2 * slot + 1] = entry.value
        }
        var bytes = ModelBytes.littleEndian(UInt64(slotCount))
        slots.withUnsafeBytes { bytes.append(contentsOf: $0) }
        return bytes
    }
}

enum ModelBytes {
    static func littleEndian<T: FixedWidthInteger>(_ value: T) -> [UInt8] {
        withUnsafeBytes(of: value.littleEndian) { Array($0) }
    }
}
