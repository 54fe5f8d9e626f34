/// Why a document is not JSON, and where: `offset` is the byte offset into the input at
/// which the problem was found (the input's length for a document that ends too early).
public struct JSONParseError: Error, Sendable, Equatable, CustomStringConvertible {
    public var offset: Int
    public var reason: String

    public init(offset: Int, reason: String) {
        self.offset = offset
        self.reason = reason
    }

    public var description: String { "invalid JSON at byte \(offset): \(reason)" }
}

extension JSONValue {
    /// The deepest nesting of arrays and objects the parser accepts; deeper documents are
    /// refused with an error rather than risking the stack.
    public static let maximumParsingDepth = 256

    /// Parses a UTF-8 JSON document strictly by RFC 8259.
    ///
    /// - Objects keep their members in the order they were written; a key that occurs twice
    ///   in one object is an error.
    /// - A number without a fraction or an exponent that fits `Int64` becomes `.integer`
    ///   (so `-0` is `.integer(0)`); any other number becomes `.number`. A number too large
    ///   for a finite `Double` is an error.
    /// - Refused: `NaN` and `Infinity`, leading zeros, trailing commas, comments, a byte
    ///   order mark, unescaped control characters in strings, unknown escapes, unpaired
    ///   surrogates in `\u` escapes, invalid UTF-8, nesting deeper than
    ///   ``maximumParsingDepth``, and anything but whitespace after the value.
    ///
    /// Round trip: `try JSONValue(parsing: value.serialized()) == value` holds for values
    /// whose numbers are `.integer` or non-integral `.number`s. `serialized()` writes an
    /// integral `Double` below 10^15 without a fraction, so `.number(2.0)` comes back as
    /// `.integer(2)`.
    public init(parsing bytes: some Collection<UInt8>) throws(JSONParseError) {
        let result = bytes.withContiguousStorageIfAvailable { JSONParser.parse($0) }
            ?? Array(bytes).withUnsafeBufferPointer { JSONParser.parse($0) }
        self = try result.get()
    }

    /// Parses a JSON document given as text, by the same rules as parsing its UTF-8 bytes.
    public init(parsing text: String) throws(JSONParseError) {
        var text = text
        let result = text.withUTF8 { JSONParser.parse($0) }
        self = try result.get()
    }
}

// MARK: - Accessors for decoders

extension JSONValue {
    /// The string, or `nil` for other values.
    public var stringValue: String? {
        if case .string(let value) = self { return value }
        return nil
    }

    /// The integer, also from a `.number` that is integral and fits `Int64`; `nil` otherwise.
    public var integerValue: Int64? {
        switch self {
        case .integer(let value): return value
        case .number(let value): return Int64(exactly: value)
        default: return nil
        }
    }

    /// The number, also from an `.integer` (rounded to the nearest `Double`); `nil` otherwise.
    public var doubleValue: Double? {
        switch self {
        case .integer(let value): return Double(value)
        case .number(let value): return value
        default: return nil
        }
    }

    /// The Boolean, or `nil` for other values.
    public var boolValue: Bool? {
        if case .bool(let value) = self { return value }
        return nil
    }

    /// The elements of an array, or `nil` for other values.
    public var arrayValue: [JSONValue]? {
        if case .array(let elements) = self { return elements }
        return nil
    }

    /// The members of an object in document order, or `nil` for other values.
    public var objectValue: [(String, JSONValue)]? {
        if case .object(let members) = self { return members }
        return nil
    }
}

// MARK: - The parser

/// A parser over a contiguous UTF-8 buffer; it only lives for the duration of one `parse`
/// call, inside which the buffer stays valid.
///
/// Arrays and objects are parsed with an explicit stack rather than by recursion, so the
/// machine stack stays flat however deep the document (debug builds use kilobytes of stack
/// per recursive call, and secondary threads may have only 512 KiB).
private struct JSONParser {
    /// An array or object that has been opened but not yet closed.
    private struct Container {
        let isObject: Bool
        var elements: [JSONValue] = []
        var members: [(String, JSONValue)] = []
        /// The key of the member whose value is being parsed.
        var key = ""
        /// The keys so far, once the object is too large for a linear duplicate check.
        var keys: Set<String>? = nil
    }

    private let bytes: UnsafeBufferPointer<UInt8>
    private var index = 0
    /// Reused for strings that contain escapes.
    private var scratch: [UInt8] = []
    /// The opening quote of the string being parsed, for "unterminated string".
    private var stringStart = 0

    private init(bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
    }

    static func parse(_ bytes: UnsafeBufferPointer<UInt8>) -> Result<JSONValue, JSONParseError> {
        var parser = JSONParser(bytes: bytes)
        do throws(JSONParseError) {
            parser.skipWhitespace()
            let value = try parser.parseDocumentValue()
            parser.skipWhitespace()
            if parser.index < bytes.count {
                throw parser.error("unexpected data after the JSON value")
            }
            return .success(value)
        } catch {
            return .failure(error)
        }
    }

    // MARK: Helpers

    private func error(_ reason: String, at offset: Int? = nil) -> JSONParseError {
        JSONParseError(offset: offset ?? index, reason: reason)
    }

    private func endOfInput() -> JSONParseError {
        JSONParseError(offset: bytes.count, reason: "unexpected end of input")
    }

    private func unterminatedString() -> JSONParseError {
        JSONParseError(offset: stringStart, reason: "unterminated string")
    }

    @inline(__always)
    private var current: UInt8? { index < bytes.count ? bytes[index] : nil }

    @inline(__always)
    private mutating func skipWhitespace() {
        while index < bytes.count {
            switch bytes[index] {
            case 0x20, 0x0A, 0x0D, 0x09: index += 1
            default: return
            }
        }
    }

    // MARK: Values

    /// Parses one value, with everything nested in it, starting at `index` (after whitespace).
    private mutating func parseDocumentValue() throws(JSONParseError) -> JSONValue {
        var stack: [Container] = []
        nextValue: while true {
            // Parse the start of a value: a scalar, an empty container, or the opening of a
            // container whose first element is parsed next.
            guard let byte = current else { throw endOfInput() }
            var value: JSONValue
            switch byte {
            case UInt8(ascii: "["), UInt8(ascii: "{"):
                if stack.count == JSONValue.maximumParsingDepth {
                    throw error("nesting deeper than \(JSONValue.maximumParsingDepth) levels")
                }
                let isObject = byte == UInt8(ascii: "{")
                index += 1
                skipWhitespace()
                if current == (isObject ? UInt8(ascii: "}") : UInt8(ascii: "]")) {
                    index += 1
                    value = isObject ? .object([]) : .array([])
                } else {
                    var container = Container(isObject: isObject)
                    if isObject { try parseKey(into: &container) }
                    stack.append(container)
                    continue nextValue
                }
            case UInt8(ascii: "\""): value = .string(try parseString())
            case UInt8(ascii: "t"): try expectLiteral("true"); value = .bool(true)
            case UInt8(ascii: "f"): try expectLiteral("false"); value = .bool(false)
            case UInt8(ascii: "n"): try expectLiteral("null"); value = .null
            case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): value = try parseNumber()
            case UInt8(ascii: "/"): throw error("comments are not allowed")
            default: throw error("expected a value")
            }

            // Store the finished value in its container, closing containers that end here,
            // until one continues with another element (or the document's value is done).
            while true {
                guard !stack.isEmpty else { return value }
                let top = stack.count - 1
                skipWhitespace()
                guard let separator = current else { throw endOfInput() }
                if stack[top].isObject {
                    let key = stack[top].key
                    stack[top].members.append((key, value))
                    if separator == UInt8(ascii: ",") {
                        index += 1
                        skipWhitespace()
                        try parseKey(into: &stack[top])
                        continue nextValue
                    }
                    guard separator == UInt8(ascii: "}") else { throw error("expected ',' or '}'") }
                    index += 1
                    value = .object(stack.removeLast().members)
                } else {
                    stack[top].elements.append(value)
                    if separator == UInt8(ascii: ",") {
                        index += 1
                        skipWhitespace()
                        if current == UInt8(ascii: "]") { throw error("trailing comma before ']'") }
                        continue nextValue
                    }
                    guard separator == UInt8(ascii: "]") else { throw error("expected ',' or ']'") }
                    index += 1
                    value = .array(stack.removeLast().elements)
                }
            }
        }
    }

    /// Parses an object member's key and the colon after it, refusing a key the object
    /// already has, and leaves `index` at the member's value.
    private mutating func parseKey(into container: inout Container) throws(JSONParseError) {
        guard let byte = current else { throw endOfInput() }
        guard byte == UInt8(ascii: "\"") else {
            throw error(byte == UInt8(ascii: "}") ? "trailing comma before '}'" : "expected a string key")
        }
        let keyOffset = index
        let key = try parseString()
        // Duplicates are found by a linear scan in small objects and a set in large ones.
        let isDuplicate: Bool
        if container.keys != nil {
            isDuplicate = !container.keys!.insert(key).inserted
        } else if container.members.count < 16 {
            isDuplicate = container.members.contains { $0.0 == key }
        } else {
            var keys = Set(container.members.lazy.map(\.0))
            isDuplicate = !keys.insert(key).inserted
            container.keys = keys
        }
        if isDuplicate { throw error("duplicate key \"\(key)\"", at: keyOffset) }
        skipWhitespace()
        guard let colon = current else { throw endOfInput() }
        guard colon == UInt8(ascii: ":") else { throw error("expected ':'") }
        index += 1
        skipWhitespace()
        container.key = key
    }

    private mutating func expectLiteral(_ literal: StaticString) throws(JSONParseError) {
        let start = index
        let count = literal.utf8CodeUnitCount
        let pointer = literal.utf8Start
        for offset in 0..<count {
            guard start + offset < bytes.count else { throw endOfInput() }
            guard bytes[start + offset] == pointer[offset] else {
                throw error("invalid literal, expected '\(literal)'", at: start)
            }
        }
        index = start + count
    }

    // MARK: Numbers

    private mutating func parseNumber() throws(JSONParseError) -> JSONValue {
        let start = index
        var negative = false
        if bytes[index] == UInt8(ascii: "-") {
            negative = true
            index += 1
        }
        guard let first = current else { throw endOfInput() }
        guard isDigit(first) else { throw error("expected a digit") }

        // Integer part, accumulated towards the sign so that Int64.min fits.
        var integer: Int64 = 0
        var fitsInteger = true
        if first == UInt8(ascii: "0") {
            index += 1
            if let next = current, isDigit(next) { throw error("leading zeros are not allowed", at: index - 1) }
        } else {
            while let byte = current, isDigit(byte) {
                if fitsInteger {
                    let digit = Int64(byte &- UInt8(ascii: "0"))
                    let (scaled, overflow1) = integer.multipliedReportingOverflow(by: 10)
                    let (next, overflow2) = negative
                        ? scaled.subtractingReportingOverflow(digit) : scaled.addingReportingOverflow(digit)
                    if overflow1 || overflow2 { fitsInteger = false } else { integer = next }
                }
                index += 1
            }
        }

        var isIntegral = true
        if current == UInt8(ascii: ".") {
            isIntegral = false
            index += 1
            try digits(after: "'.'")
        }
        if current == UInt8(ascii: "e") || current == UInt8(ascii: "E") {
            isIntegral = false
            index += 1
            if current == UInt8(ascii: "+") || current == UInt8(ascii: "-") { index += 1 }
            try digits(after: "exponent")
        }

        if isIntegral && fitsInteger { return .integer(integer) }
        // The text is plain ASCII in JSON's number grammar, which `Double` also reads;
        // up to 15 bytes it is a small string without an allocation.
        let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
        guard let value = Double(text), value.isFinite else {
            throw error("number out of range", at: start)
        }
        return .number(value)
    }

    @inline(__always)
    private func isDigit(_ byte: UInt8) -> Bool { byte &- UInt8(ascii: "0") < 10 }

    private mutating func digits(after what: String) throws(JSONParseError) {
        guard let first = current else { throw endOfInput() }
        guard isDigit(first) else { throw error("expected a digit after \(what)") }
        index += 1
        while let byte = current, isDigit(byte) { index += 1 }
    }

    // MARK: Strings

    /// Parses a string starting at its opening quote. Runs of plain bytes are validated as
    /// UTF-8 in place and turned into a `String` in one step; only strings with escapes go
    /// through the scratch buffer.
    private mutating func parseString() throws(JSONParseError) -> String {
        stringStart = index
        index += 1  // "
        let start = index
        var runStart = index
        var escaped = false
        while true {
            guard index < bytes.count else { throw unterminatedString() }
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                let result: String
                if escaped {
                    scratch.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
                    result = String(decoding: scratch, as: UTF8.self)
                    scratch.removeAll(keepingCapacity: true)
                } else {
                    result = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
                }
                index += 1
                return result
            } else if byte == UInt8(ascii: "\\") {
                if !escaped {
                    escaped = true
                    scratch.removeAll(keepingCapacity: true)
                }
                scratch.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
                try parseEscape()
                runStart = index
            } else if byte < 0x20 {
                throw error("control character in string")
            } else if byte < 0x80 {
                index += 1
            } else {
                try skipUTF8Sequence()
            }
        }
    }

    /// Checks one multi-byte UTF-8 sequence starting at `index` (RFC 3629: no overlong
    /// forms, no surrogates, nothing above U+10FFFF) and moves past it.
    @inline(__always)
    private mutating func skipUTF8Sequence() throws(JSONParseError) {
        let lead = bytes[index]
        let length: Int
        var lower: UInt8 = 0x80
        var upper: UInt8 = 0xBF
        switch lead {
        case 0xC2...0xDF: length = 2
        case 0xE0: length = 3; lower = 0xA0
        case 0xE1...0xEC, 0xEE...0xEF: length = 3
        case 0xED: length = 3; upper = 0x9F
        case 0xF0: length = 4; lower = 0x90
        case 0xF1...0xF3: length = 4
        case 0xF4: length = 4; upper = 0x8F
        default: throw error("invalid UTF-8")
        }
        for offset in 1..<length {
            guard index + offset < bytes.count else { throw unterminatedString() }
            let byte = bytes[index + offset]
            let valid = offset == 1 ? byte >= lower && byte <= upper : byte & 0xC0 == 0x80
            guard valid else { throw error("invalid UTF-8", at: index + offset) }
        }
        index += length
    }

    /// Decodes the escape at `index` (a backslash) into `scratch` and moves past it.
    private mutating func parseEscape() throws(JSONParseError) {
        let escapeStart = index
        guard index + 1 < bytes.count else { throw unterminatedString() }
        let byte = bytes[index + 1]
        index += 2
        switch byte {
        case UInt8(ascii: "\""): scratch.append(0x22)
        case UInt8(ascii: "\\"): scratch.append(0x5C)
        case UInt8(ascii: "/"): scratch.append(0x2F)
        case UInt8(ascii: "b"): scratch.append(0x08)
        case UInt8(ascii: "f"): scratch.append(0x0C)
        case UInt8(ascii: "n"): scratch.append(0x0A)
        case UInt8(ascii: "r"): scratch.append(0x0D)
        case UInt8(ascii: "t"): scratch.append(0x09)
        case UInt8(ascii: "u"):
            var scalar = UInt32(try hexQuad())
            switch scalar {
            case 0xD800...0xDBFF:
                // A high surrogate must be followed by an escaped low surrogate.
                guard index + 1 < bytes.count, bytes[index] == UInt8(ascii: "\\"), bytes[index + 1] == UInt8(ascii: "u")
                else { throw error("lone surrogate in \\u escape", at: escapeStart) }
                index += 2
                let low = UInt32(try hexQuad())
                guard (0xDC00...0xDFFF).contains(low) else {
                    throw error("lone surrogate in \\u escape", at: escapeStart)
                }
                scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
            case 0xDC00...0xDFFF:
                throw error("lone surrogate in \\u escape", at: escapeStart)
            default:
                break
            }
            appendUTF8(scalar)
        default:
            throw error("invalid escape sequence", at: escapeStart)
        }
    }

    /// Reads the four hex digits of a `\u` escape at `index`.
    private mutating func hexQuad() throws(JSONParseError) -> UInt16 {
        var value: UInt16 = 0
        for _ in 0..<4 {
            guard index < bytes.count else { throw unterminatedString() }
            let byte = bytes[index]
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default: throw error("invalid \\u escape, expected a hex digit")
            }
            value = value << 4 | UInt16(digit)
            index += 1
        }
        return value
    }

    private mutating func appendUTF8(_ scalar: UInt32) {
        switch scalar {
        case 0..<0x80:
            scratch.append(UInt8(scalar))
        case 0x80..<0x800:
            scratch.append(UInt8(0xC0 | scalar >> 6))
            scratch.append(UInt8(0x80 | scalar & 0x3F))
        case 0x800..<0x10000:
            scratch.append(UInt8(0xE0 | scalar >> 12))
            scratch.append(UInt8(0x80 | scalar >> 6 & 0x3F))
            scratch.append(UInt8(0x80 | scalar & 0x3F))
        default:
            scratch.append(UInt8(0xF0 | scalar >> 18))
            scratch.append(UInt8(0x80 | scalar >> 12 & 0x3F))
            scratch.append(UInt8(0x80 | scalar >> 6 & 0x3F))
            scratch.append(UInt8(0x80 | scalar & 0x3F))
        }
    }
}
