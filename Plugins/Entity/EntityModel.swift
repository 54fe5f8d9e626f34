// The trained model: feature weights, label transitions and the lexicon, read in place from a
// compact binary file (embedded in the library, or any file given to the tools).
//
// Layout (little-endian, every section 16-byte aligned):
//   0   "GLSENT01"                       magic
//   8   UInt32 format version (1), UInt32 label count, UInt32 language count, UInt32 section count
//   24  Float64 scale: a weight is its Int16 times the scale
//   32  sections × (UInt64 offset, UInt64 length):
//       0 features  hash table: feature hash → row number
//       1 weights   Int16 rows of `label count` weights
//       2 transitions  Int32, per language (label count + 1) × label count, row 0 for the start
//       3 words     hash table: word key hash → WordInfo
//       4 phrases   hash table: phrase hash → PhraseInfo
//       5 metadata  UTF-8 text: sources, training settings, development scores
//
// SPDX-License-Identifier: Apache-2.0

import GlossEntityModel
import Foundation

/// Why a model could not be used.
public struct EntityModelError: Error, CustomStringConvertible, Sendable {
    public enum Code: String, Sendable { case unreadable, notAModel, unsupportedVersion, damaged }
    public var code: Code
    public var message: String
    public var description: String { message }
}

/// A loaded model. Immutable, so one instance serves every thread.
public final class EntityModel: EntityLexicon, @unchecked Sendable {
    // @unchecked: every stored property is immutable after init and the bytes it points into
    // are never written (.rodata, or `storage`, which only this object holds).
    static let magic: [UInt8] = Array("GLSENT01".utf8)
    static let formatVersion: UInt32 = 1
    static let sectionCount = 6

    let features: HashTableView
    let weights: UnsafePointer<Int16>
    let rowCount: Int
    let transitions: UnsafePointer<Int32>
    let words: HashTableView
    let phrases: HashTableView
    /// A weight is its stored Int16 times this.
    public let scale: Double
    /// What the model file says about itself (sources, settings, scores).
    public let metadata: String
    /// Size of the model in bytes.
    public let byteCount: Int
    private let storage: UnsafeMutableRawBufferPointer?

    /// The model embedded in this library by the GlossEntityModel target.
    /// Loaded on first use, in place (no copy); nothing is ever freed.
    public static let embedded: Result<EntityModel, EntityModelError> = {
        guard let bytes = embeddedBytes, bytes.count > 0 else {
            return .failure(EntityModelError(code: .notAModel, message: "no model is embedded in the library (train one with gloss-train entity)"))
        }
        return Result { try EntityModel(borrowing: bytes, owned: false) }
            .mapError { $0 as? EntityModelError ?? EntityModelError(code: .damaged, message: "\($0)") }
    }()

    /// The bytes of the embedded model, in .rodata.
    static var embeddedBytes: UnsafeRawBufferPointer? {
        var length = 0
        guard let bytes = gloss_entity_model_bytes(&length) else { return nil }
        return UnsafeRawBufferPointer(start: bytes, count: length)
    }

    /// Reads a model file into memory it owns.
    public convenience init(contentsOfFile path: String) throws {
        guard let file = fopen(path, "rb") else {
            throw EntityModelError(code: .unreadable, message: "cannot open \(path)")
        }
        defer { fclose(file) }
        var chunks: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let read = buffer.withUnsafeMutableBytes { fread($0.baseAddress, 1, $0.count, file) }
            if read == 0 { break }
            chunks.append(contentsOf: buffer[0..<read])
        }
        try self.init(copying: chunks)
    }

    /// Copies model bytes (as written by the trainer) into memory the model owns.
    public convenience init(copying bytes: [UInt8]) throws {
        let memory = UnsafeMutableRawBufferPointer.allocate(byteCount: max(bytes.count, 1), alignment: 16)
        bytes.withUnsafeBytes { memory.copyMemory(from: $0) }
        do {
            try self.init(borrowing: UnsafeRawBufferPointer(start: memory.baseAddress, count: bytes.count), owned: true)
        } catch {
            memory.deallocate()
            throw error
        }
    }

    private init(borrowing bytes: UnsafeRawBufferPointer, owned: Bool) throws {
        func fail(_ code: EntityModelError.Code, _ message: String) -> EntityModelError {
            EntityModelError(code: code, message: "entity model: \(message)")
        }
        guard let base = bytes.baseAddress, bytes.count >= 32 + 16 * Self.sectionCount,
              Array(UnsafeRawBufferPointer(start: base, count: 8)) == Self.magic else {
            throw fail(.notAModel, "not an entity model (bad magic)")
        }
        guard Int(bitPattern: base) % 16 == 0 else { throw fail(.damaged, "model bytes are not 16-byte aligned") }
        let version = base.load(fromByteOffset: 8, as: UInt32.self)
        guard version == Self.formatVersion else { throw fail(.unsupportedVersion, "format version \(version), expected \(Self.formatVersion)") }
        guard base.load(fromByteOffset: 12, as: UInt32.self) == UInt32(EntityLabel.count),
              base.load(fromByteOffset: 16, as: UInt32.self) == UInt32(EntityLanguage.allCases.count),
              base.load(fromByteOffset: 20, as: UInt32.self) == UInt32(Self.sectionCount) else {
            throw fail(.damaged, "labels, languages or sections do not match this code")
        }
        scale = base.load(fromByteOffset: 24, as: Double.self)
        var sections: [UnsafeRawBufferPointer] = []
        for index in 0..<Self.sectionCount {
            let offset = Int(base.load(fromByteOffset: 32 + 16 * index, as: UInt64.self))
            let length = Int(base.load(fromByteOffset: 40 + 16 * index, as: UInt64.self))
            guard offset % 16 == 0, offset >= 32 + 16 * Self.sectionCount, length >= 0, offset + length <= bytes.count else {
                throw fail(.damaged, "section \(index) lies outside the file")
            }
            sections.append(UnsafeRawBufferPointer(start: base + offset, count: length))
        }
        guard let features = HashTableView(memory: sections[0]), let words = HashTableView(memory: sections[3]),
              let phrases = HashTableView(memory: sections[4]) else {
            throw fail(.damaged, "a lookup table is damaged")
        }
        let labels = EntityLabel.count
        let transitionCount = EntityLanguage.allCases.count * (labels + 1) * labels
        guard sections[1].count % (2 * labels) == 0, sections[2].count == 4 * transitionCount else {
            throw fail(.damaged, "weights or transitions have the wrong size")
        }
        self.features = features
        self.words = words
        self.phrases = phrases
        weights = sections[1].baseAddress!.assumingMemoryBound(to: Int16.self)
        rowCount = sections[1].count / (2 * labels)
        transitions = sections[2].baseAddress!.assumingMemoryBound(to: Int32.self)
        metadata = String(decoding: sections[5], as: UTF8.self)
        byteCount = bytes.count
        storage = owned ? UnsafeMutableRawBufferPointer(mutating: bytes) : nil
    }

    deinit { storage?.deallocate() }

    func word(_ hash: UInt64) -> WordInfo { WordInfo(rawValue: words.value(hash) ?? 0) }
    func phrase(_ hash: UInt64) -> PhraseInfo { PhraseInfo(rawValue: phrases.value(hash) ?? 0) }

    /// Transition scores of one language, laid out for `ViterbiDecoder`.
    func transitions(_ language: EntityLanguage) -> UnsafeBufferPointer<Int32> {
        let size = (EntityLabel.count + 1) * EntityLabel.count
        return UnsafeBufferPointer(start: transitions + language.rawValue * size, count: size)
    }

    /// Adds the weights of `features` to `emissions` (one row of `EntityLabel.count` scores).
    @inline(__always)
    func addWeights(of features: ArraySlice<UInt64>, to emissions: UnsafeMutablePointer<Int32>) {
        let labels = EntityLabel.count
        for feature in features {
            guard let row = self.features.value(feature), Int(row) < rowCount else { continue }
            let weights = self.weights + Int(row) * labels
            for label in 0..<labels { emissions[label] &+= Int32(weights[label]) }
        }
    }
}
