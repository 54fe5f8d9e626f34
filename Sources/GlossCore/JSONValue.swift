/// A JSON value whose objects keep their keys in the order they were written.
///
/// Gloss writes its result files with this type rather than `JSONEncoder` so that the
/// output is byte-for-byte deterministic (same input and configuration → same file) and
/// its key order matches the documented format.
public enum JSONValue: Sendable, Equatable {
    case null
    case bool(Bool)
    case integer(Int64)
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object([(String, JSONValue)])

    public static func == (lhs: JSONValue, rhs: JSONValue) -> Bool {
        switch (lhs, rhs) {
        case (.null, .null): return true
        case (.bool(let a), .bool(let b)): return a == b
        case (.integer(let a), .integer(let b)): return a == b
        case (.number(let a), .number(let b)): return a == b
        case (.string(let a), .string(let b)): return a == b
        case (.array(let a), .array(let b)): return a == b
        case (.object(let a), .object(let b)):
            return a.count == b.count && zip(a, b).allSatisfy { $0.0 == $1.0 && $0.1 == $1.1 }
        default: return false
        }
    }

    /// Looks up a key of an object; `nil` for other values or a missing key.
    public subscript(key: String) -> JSONValue? {
        guard case .object(let members) = self else { return nil }
        return members.first { $0.0 == key }?.1
    }
}

extension JSONValue {
    /// Serializes the value as UTF-8 JSON, indented by two spaces, with a final newline.
    ///
    /// Non-finite numbers cannot be represented in JSON; they are written as `null`
    /// (callers validate numbers before they get here).
    public func serialized() -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(4096)
        write(to: &out, indent: 0)
        out.append(0x0A)
        return out
    }

    private func write(to out: inout [UInt8], indent: Int) {
        switch self {
        case .null: out.append(contentsOf: Array("null".utf8))
        case .bool(let value): out.append(contentsOf: Array((value ? "true" : "false").utf8))
        case .integer(let value): out.append(contentsOf: Array(String(value).utf8))
        case .number(let value): out.append(contentsOf: Array(Self.format(value).utf8))
        case .string(let value): Self.writeString(value, to: &out)
        case .array(let elements):
            if elements.isEmpty { out.append(contentsOf: Array("[]".utf8)); return }
            let scalarsOnly = elements.allSatisfy(\.isScalar)
            out.append(UInt8(ascii: "["))
            for (index, element) in elements.enumerated() {
                if index > 0 { out.append(UInt8(ascii: ",")) }
                if scalarsOnly {
                    if index > 0 { out.append(UInt8(ascii: " ")) }
                } else {
                    Self.newline(&out, indent: indent + 1)
                }
                element.write(to: &out, indent: indent + 1)
            }
            if !scalarsOnly { Self.newline(&out, indent: indent) }
            out.append(UInt8(ascii: "]"))
        case .object(let members):
            if members.isEmpty { out.append(contentsOf: Array("{}".utf8)); return }
            // Small objects of scalars (an input description, attributes) stay on one line,
            // which keeps a result with thousands of annotations readable.
            let compact = members.count <= 8 && members.allSatisfy { $0.1.isScalar || $0.1.isShortScalarArray }
            out.append(UInt8(ascii: "{"))
            for (index, (key, value)) in members.enumerated() {
                if index > 0 { out.append(UInt8(ascii: ",")) }
                if compact {
                    if index > 0 { out.append(UInt8(ascii: " ")) }
                } else {
                    Self.newline(&out, indent: indent + 1)
                }
                Self.writeString(key, to: &out)
                out.append(contentsOf: [UInt8(ascii: ":"), UInt8(ascii: " ")])
                value.write(to: &out, indent: indent + 1)
            }
            if !compact { Self.newline(&out, indent: indent) }
            out.append(UInt8(ascii: "}"))
        }
    }

    private var isScalar: Bool {
        switch self {
        case .array, .object: return false
        default: return true
        }
    }

    private var isShortScalarArray: Bool {
        guard case .array(let elements) = self else { return false }
        return elements.count <= 8 && elements.allSatisfy(\.isScalar)
    }

    private static func newline(_ out: inout [UInt8], indent: Int) {
        out.append(0x0A)
        out.append(contentsOf: repeatElement(UInt8(ascii: " "), count: indent * 2))
    }

    /// Shortest round-tripping decimal form; integral values keep a `.0`-free form.
    static func format(_ value: Double) -> String {
        guard value.isFinite else { return "null" }
        if value == value.rounded(), abs(value) < 1e15 {
            return String(Int64(value))
        }
        return "\(value)"
    }

    private static func writeString(_ string: String, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        for byte in string.utf8 {
            switch byte {
            case UInt8(ascii: "\""): out.append(contentsOf: [0x5C, 0x22])
            case UInt8(ascii: "\\"): out.append(contentsOf: [0x5C, 0x5C])
            case 0x0A: out.append(contentsOf: [0x5C, UInt8(ascii: "n")])
            case 0x0D: out.append(contentsOf: [0x5C, UInt8(ascii: "r")])
            case 0x09: out.append(contentsOf: [0x5C, UInt8(ascii: "t")])
            case 0x00..<0x20, 0x7F:
                let hex = Array("0123456789abcdef".utf8)
                out.append(contentsOf: [0x5C, UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0"),
                                        hex[Int(byte >> 4)], hex[Int(byte & 0xF)]])
            default: out.append(byte)
            }
        }
        out.append(UInt8(ascii: "\""))
    }
}
