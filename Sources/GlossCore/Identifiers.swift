/// Rules for the names that cross the plugin ABI.
public enum Identifiers {
    /// A plugin id is `vendor.name`: lower-case ASCII letters and digits, then one or
    /// more dot-separated parts that may also hold `_` and `-`.
    public static func isValidPluginID(_ id: String) -> Bool {
        let parts = id.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count >= 2, let vendor = parts.first, !vendor.isEmpty,
              vendor.utf8.allSatisfy({ isLowerAlphanumeric($0) }) else { return false }
        return parts.dropFirst().allSatisfy { part in
            !part.isEmpty && part.utf8.allSatisfy { isLowerAlphanumeric($0) || $0 == UInt8(ascii: "_") || $0 == UInt8(ascii: "-") }
        }
    }

    /// Annotation types and attribute keys: `^[a-z][a-z0-9_]*$`.
    public static func isValidName(_ name: String) -> Bool {
        guard let first = name.utf8.first, (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(first) else { return false }
        return name.utf8.allSatisfy { isLowerAlphanumeric($0) || $0 == UInt8(ascii: "_") }
    }

    private static func isLowerAlphanumeric(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
    }
}
