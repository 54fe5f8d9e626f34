// Why a gazetteer could not be used.
//
// SPDX-License-Identifier: Apache-2.0

/// A gazetteer file that cannot be read: not one, another format version, or damaged.
public struct GazetteerError: Error, CustomStringConvertible, Sendable, Hashable {
    /// What went wrong; new codes may be added.
    public struct Code: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
        public var rawValue: String
        public init(rawValue: String) { self.rawValue = rawValue }
        public var description: String { rawValue }

        /// No gazetteer is embedded in the library (an empty data file).
        public static let missing = Code(rawValue: "missing")
        /// The bytes do not start with the gazetteer's magic.
        public static let notAGazetteer = Code(rawValue: "not_a_gazetteer")
        /// A format version this reader does not know.
        public static let unsupportedVersion = Code(rawValue: "unsupported_version")
        /// Truncated, checksum mismatch, or a table that points outside the file.
        public static let damaged = Code(rawValue: "damaged")
    }

    public var code: Code
    /// A sentence for people: what is wrong with the file.
    public var message: String
    public var description: String { message }

    public init(code: Code, message: String) {
        self.code = code
        self.message = message
    }
}
