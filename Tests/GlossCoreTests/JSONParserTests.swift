import GlossCore
import Testing

struct JSONParserTests {
    /// Documents that parse, with the exact value they must produce.
    static let accepted: [(String, JSONValue)] = [
        ("null", .null),
        ("true", .bool(true)),
        ("false", .bool(false)),
        ("0", .integer(0)),
        ("-0", .integer(0)),
        ("42", .integer(42)),
        ("-17", .integer(-17)),
        ("9223372036854775807", .integer(.max)),
        ("-9223372036854775808", .integer(.min)),
        ("9223372036854775808", .number(9_223_372_036_854_775_808.0)),
        ("-9223372036854775809", .number(-9_223_372_036_854_775_809.0)),
        ("12345678901234567890123", .number(1.2345678901234568e22)),
        ("1.5", .number(1.5)),
        ("-0.25", .number(-0.25)),
        ("3.0", .number(3.0)),
        ("-2.5e3", .number(-2500)),
        ("1E2", .number(100)),
        ("1e+2", .number(100)),
        ("125e-3", .number(0.125)),
        ("0.1", .number(0.1)),
        ("1.7976931348623157e308", .number(.greatestFiniteMagnitude)),
        ("1e-400", .number(0)),
        (#""""#, .string("")),
        (#""plain""#, .string("plain")),
        (#""a\"b\\c\/d\be\ff\ng\rh\ti""#, .string("a\"b\\c/d\u{8}e\u{C}f\ng\rh\ti")),
        (#""ab\u0041cd\u00e9\u0645""#, .string("abAcdéم")),
        (#""\u0000\u001F\u007f""#, .string("\u{0}\u{1F}\u{7F}")),
        (#""\ud83d\ude00 \uD83D\uDC4D""#, .string("😀 👍")),
        (#""\uffff\uFFFD""#, .string("\u{FFFF}\u{FFFD}")),
        (#""مرحبا بالعالم 👋🏽""#, .string("مرحبا بالعالم 👋🏽")),
        ("\"\u{7F}\u{10FFFF}\"", .string("\u{7F}\u{10FFFF}")),
        ("[]", .array([])),
        ("{}", .object([])),
        (" \t\r\n[ 1 , \"two\" , [ ] ]\n\n", .array([.integer(1), .string("two"), .array([])])),
        (#"{"a":{"b":[{},null,[false]]}}"#,
         .object([("a", .object([("b", .array([.object([]), .null, .array([.bool(false)])]))]))])),
        (#"{"":0,"a":-1.5e-1}"#, .object([("", .integer(0)), ("a", .number(-0.15))])),
    ]

    @Test(arguments: accepted)
    func parsesEachValidDocumentToItsExactValue(text: String, expected: JSONValue) throws {
        #expect(try JSONValue(parsing: text) == expected)
        #expect(try JSONValue(parsing: Array(text.utf8)) == expected)
    }

    /// Documents that are not strict JSON, with the byte offset and reason of the error.
    static let rejected: [(String, Int, String)] = [
        ("", 0, "unexpected end of input"),
        ("  \n ", 4, "unexpected end of input"),
        ("NaN", 0, "expected a value"),
        ("Infinity", 0, "expected a value"),
        ("-Infinity", 1, "expected a digit"),
        ("+1", 0, "expected a value"),
        (".5", 0, "expected a value"),
        ("'a'", 0, "expected a value"),
        ("\u{FEFF}1", 0, "expected a value"),
        ("01", 0, "leading zeros are not allowed"),
        ("-012", 1, "leading zeros are not allowed"),
        ("[00]", 1, "leading zeros are not allowed"),
        ("1.", 2, "unexpected end of input"),
        ("1.e5", 2, "expected a digit after '.'"),
        ("1e", 2, "unexpected end of input"),
        ("1e+]", 3, "expected a digit after exponent"),
        ("-", 1, "unexpected end of input"),
        ("1e400", 0, "number out of range"),
        ("[-1e309]", 1, "number out of range"),
        ("[1,]", 3, "trailing comma before ']'"),
        (#"{"a":1,}"#, 7, "trailing comma before '}'"),
        ("[1 2]", 3, "expected ',' or ']'"),
        ("[1", 2, "unexpected end of input"),
        ("[", 1, "unexpected end of input"),
        ("{", 1, "unexpected end of input"),
        (#"{"a""#, 4, "unexpected end of input"),
        (#"{"a":"#, 5, "unexpected end of input"),
        (#"{"a" 1}"#, 5, "expected ':'"),
        (#"{"a":1 "b":2}"#, 7, "expected ',' or '}'"),
        ("{a:1}", 1, "expected a string key"),
        ("{1:1}", 1, "expected a string key"),
        (#"{"a":1,"b":2,"a":3}"#, 13, #"duplicate key "a""#),
        (#"[{"k":[]},{"x":1,"x":1}]"#, 17, #"duplicate key "x""#),
        ("[1] // comment", 4, "unexpected data after the JSON value"),
        ("/* comment */ 1", 0, "comments are not allowed"),
        ("[1, // comment\n2]", 4, "comments are not allowed"),
        ("[1]x", 3, "unexpected data after the JSON value"),
        ("1 2", 2, "unexpected data after the JSON value"),
        ("{} {}", 3, "unexpected data after the JSON value"),
        ("tru", 3, "unexpected end of input"),
        ("trUe", 0, "invalid literal, expected 'true'"),
        ("[nul]", 1, "invalid literal, expected 'null'"),
        ("False", 0, "expected a value"),
        ("\"a\tb\"", 2, "control character in string"),
        ("\"line\nbreak\"", 5, "control character in string"),
        ("\"\u{0}\"", 1, "control character in string"),
        ("\"ok\u{1F}\"", 3, "control character in string"),
        (#""\x""#, 1, "invalid escape sequence"),
        (#""ok\'""#, 3, "invalid escape sequence"),
        (#""\U0041""#, 1, "invalid escape sequence"),
        (#""\u12""#, 5, #"invalid \u escape, expected a hex digit"#),
        (#""\u00G0""#, 5, #"invalid \u escape, expected a hex digit"#),
        (#""\ud800""#, 1, #"lone surrogate in \u escape"#),
        (#""\udc00""#, 1, #"lone surrogate in \u escape"#),
        (#""ab\uDBFFx""#, 3, #"lone surrogate in \u escape"#),
        (#""\ud800\u0041""#, 1, #"lone surrogate in \u escape"#),
        (#""\ud800\ud800""#, 1, #"lone surrogate in \u escape"#),
        (#""\ud800\n""#, 1, #"lone surrogate in \u escape"#),
        (#""abc"#, 0, "unterminated string"),
        (#"["a", "b"#, 6, "unterminated string"),
        (#""ab\"#, 0, "unterminated string"),
        (#""\u00"#, 0, "unterminated string"),
    ]

    @Test(arguments: rejected)
    func refusesInvalidDocumentsAtTheRightByte(text: String, offset: Int, reason: String) {
        #expect(throws: JSONParseError(offset: offset, reason: reason)) {
            try JSONValue(parsing: text)
        }
    }

    /// Byte sequences that are not UTF-8, inside and outside strings.
    static let invalidUTF8: [([UInt8], Int, String)] = [
        ([0x22, 0xFF, 0x22], 1, "invalid UTF-8"),
        ([0x22, 0x80, 0x22], 1, "invalid UTF-8"),  // a continuation byte on its own
        ([0x22, 0xC0, 0xAF, 0x22], 1, "invalid UTF-8"),  // overlong "/"
        ([0x22, 0xE0, 0x80, 0xAF, 0x22], 2, "invalid UTF-8"),  // overlong, three bytes
        ([0x22, 0xF0, 0x80, 0x80, 0xAF, 0x22], 2, "invalid UTF-8"),  // overlong, four bytes
        ([0x22, 0xED, 0xA0, 0x80, 0x22], 2, "invalid UTF-8"),  // an encoded surrogate
        ([0x22, 0xF4, 0x90, 0x80, 0x80, 0x22], 2, "invalid UTF-8"),  // above U+10FFFF
        ([0x22, 0xF5, 0x80, 0x80, 0x80, 0x22], 1, "invalid UTF-8"),
        ([0x22, 0x61, 0xE2, 0x82, 0x22], 4, "invalid UTF-8"),  // cut short by the quote
        ([0x22, 0xD9, 0x85, 0xD9, 0x22], 4, "invalid UTF-8"),
        ([0x22, 0xE2, 0x82], 0, "unterminated string"),
        ([0xFF], 0, "expected a value"),
        ([0x5B, 0x31, 0x5D, 0xC2, 0xA0], 3, "unexpected data after the JSON value"),  // no-break space
    ]

    @Test(arguments: invalidUTF8)
    func refusesInvalidUTF8AtTheRightByte(bytes: [UInt8], offset: Int, reason: String) {
        #expect(throws: JSONParseError(offset: offset, reason: reason)) {
            try JSONValue(parsing: bytes)
        }
    }

    private func annotation(_ index: Int) -> JSONValue {
        let start = Int64(index * 7)
        let members: [(String, JSONValue)] = [
            ("start", .integer(start)),
            ("end", .integer(start + 5)),
            ("label", .string("وحدة \(index)")),
            ("score", .number(Double(index) + 0.5)),
        ]
        return .object(members)
    }

    @Test func roundTripsANestedValueWithEveryKindOfValue() throws {
        let value: JSONValue = .object([
            ("title", .string("قال وزير الخارجية الجزائري إن الاجتماع في العاصمة")),
            ("emoji", .string("👍🏽 👨‍👩‍👧 🇩🇿")),
            ("escapes", .string("quote \" backslash \\ slash / newline \n return \r tab \t nul \u{0} del \u{7F} bell \u{7}")),
            ("empty", .string("")),
            ("null", .null),
            ("yes", .bool(true)),
            ("no", .bool(false)),
            ("integers", .array([.integer(0), .integer(-1), .integer(.max), .integer(.min), .integer(1_000_000_007)])),
            ("numbers", .array([.number(0.5), .number(-1.25e-7), .number(3.141592653589793), .number(6.02214076e23),
                                .number(1e300), .number(-2.5e-300)])),
            ("nested", .array([
                .object([("z", .integer(1)), ("a", .integer(2)), ("m", .array([]))]),
                .object([]),
                .array([.array([.array([.string("deep ب")])])]),
            ])),
            ("annotations", .array((0..<20).map(annotation))),
        ])
        let bytes = value.serialized()
        let parsed = try JSONValue(parsing: bytes)
        #expect(parsed == value)
        #expect(parsed.serialized() == bytes)
        #expect(parsed["emoji"]?.stringValue == "👍🏽 👨‍👩‍👧 🇩🇿")
        #expect(parsed["integers"]?.arrayValue?[3] == .integer(.min))
    }

    @Test func readsIntegralDoublesBackAsIntegers() throws {
        // `serialized()` writes 2.0 as "2", which the parser reads as an integer.
        let value: JSONValue = .array([.number(2.0), .number(-0.0), .number(1e15)])
        #expect(try JSONValue(parsing: value.serialized()) == .array([.integer(2), .integer(0), .number(1e15)]))
    }

    @Test func keepsObjectKeysInTheOrderTheyWereWritten() throws {
        let parsed = try JSONValue(parsing: #"{"zeta": 1, "alpha": 2, "mu": {"b": true, "a": false}, "beta": null}"#)
        #expect(parsed.objectValue?.map(\.0) == ["zeta", "alpha", "mu", "beta"])
        #expect(parsed["mu"]?.objectValue?.map(\.0) == ["b", "a"])
        #expect(parsed["alpha"] == .integer(2))

        // A large object goes through the set-based duplicate check and keeps its order too.
        let keys = (0..<500).reversed().map { "key\($0)" }
        let text = "{" + keys.enumerated().map { "\"\($1)\": \($0)" }.joined(separator: ", ") + "}"
        let members = try #require(try JSONValue(parsing: text).objectValue)
        #expect(members.map(\.0) == keys)
        #expect(members.map(\.1) == (0..<500).map { JSONValue.integer(Int64($0)) })
    }

    @Test func refusesADuplicateKeyInALargeObject() {
        let text = "{" + (0..<100).map { "\"k\($0)\": 0" }.joined(separator: ", ") + ", \"k42\": 1}"
        let offset = text.utf8.count - #""k42": 1}"#.utf8.count
        #expect(throws: JSONParseError(offset: offset, reason: #"duplicate key "k42""#)) {
            try JSONValue(parsing: text)
        }
    }

    @Test func acceptsNestingUpToTheDepthLimit() throws {
        let limit = JSONValue.maximumParsingDepth
        #expect(limit == 256)
        var value = try JSONValue(parsing: String(repeating: "[", count: limit) + "7" + String(repeating: "]", count: limit))
        var levels = 0
        while case .array(let elements) = value {
            #expect(elements.count == 1)
            value = elements[0]
            levels += 1
        }
        #expect(levels == limit)
        #expect(value == .integer(7))

        // Depth is the nesting of one path, not the number of containers.
        let branch = String(repeating: "[", count: limit - 1) + String(repeating: "]", count: limit - 1)
        let siblings = try JSONValue(parsing: "[" + Array(repeating: branch, count: 3).joined(separator: ",") + "]")
        #expect(siblings.arrayValue?.count == 3)
    }

    @Test func refusesNestingBeyondTheDepthLimit() {
        let arrays = String(repeating: "[", count: 257) + String(repeating: "]", count: 257)
        #expect(throws: JSONParseError(offset: 256, reason: "nesting deeper than 256 levels")) {
            try JSONValue(parsing: arrays)
        }
        let objects = String(repeating: #"{"a":"#, count: 257) + "1" + String(repeating: "}", count: 257)
        #expect(throws: JSONParseError(offset: 256 * 5, reason: "nesting deeper than 256 levels")) {
            try JSONValue(parsing: objects)
        }
        // Far deeper input still fails cleanly instead of exhausting the stack.
        #expect(throws: JSONParseError(offset: 256, reason: "nesting deeper than 256 levels")) {
            try JSONValue(parsing: String(repeating: "[", count: 100_000))
        }
    }

    @Test func reportsErrorOffsetsInBytesNotCharacters() {
        // Five Arabic letters take ten bytes; the stray "x" is at byte 15, character 10.
        #expect(throws: JSONParseError(offset: 15, reason: "expected a value")) {
            try JSONValue(parsing: #"["مرحبا", x]"#)
        }
        let document = """
            {
              "name": "Gloss 👍",
              "tags": ["a" "b"]
            }
            """
        let offset = document.utf8.count - #""b"]\#n}"#.utf8.count
        #expect(throws: JSONParseError(offset: offset, reason: "expected ',' or ']'")) {
            try JSONValue(parsing: document)
        }
    }

    @Test func describesErrorsWithTheirByteOffset() {
        do {
            _ = try JSONValue(parsing: #"{"settings": {"a": 1 "b": 2}}"#)
            Issue.record("parsed")
        } catch {
            #expect(error == JSONParseError(offset: 21, reason: "expected ',' or '}'"))
            #expect(error.description == "invalid JSON at byte 21: expected ',' or '}'")
            #expect("\(error)" == "invalid JSON at byte 21: expected ',' or '}'")
        }
    }

    @Test func parsesAnyCollectionOfBytes() throws {
        let text = #"{"list": [1, 2.5, "ب"]}"#
        let expected: JSONValue = .object([("list", .array([.integer(1), .number(2.5), .string("ب")]))])
        #expect(try JSONValue(parsing: text.utf8) == expected)
        #expect(try JSONValue(parsing: Array(("  " + text).utf8).dropFirst(2)) == expected)
        #expect(try JSONValue(parsing: text.utf8.lazy.map { $0 }) == expected)  // not contiguous
        #expect(try JSONValue(parsing: text[...].utf8) == expected)
    }

    @Test func offersTypedAccessors() throws {
        let value = try JSONValue(parsing: #"[ "s", 12, 12.0, 12.5, true, null, [1], {"k": "v"}, 1e300 ]"#)
        let items = try #require(value.arrayValue)
        #expect(items.count == 9)

        #expect(items[0].stringValue == "s")
        #expect(items[1].stringValue == nil)

        #expect(items[1].integerValue == 12)
        #expect(items[2] == .number(12.0))
        #expect(items[2].integerValue == 12)
        #expect(items[3].integerValue == nil)
        #expect(items[8].integerValue == nil)
        #expect(items[0].integerValue == nil)

        #expect(items[1].doubleValue == 12.0)
        #expect(items[3].doubleValue == 12.5)
        #expect(items[4].doubleValue == nil)

        #expect(items[4].boolValue == true)
        #expect(items[5].boolValue == nil)
        #expect(items[1].boolValue == nil)

        #expect(items[6].arrayValue == [.integer(1)])
        #expect(items[7].arrayValue == nil)

        let members = try #require(items[7].objectValue)
        #expect(members.count == 1)
        #expect(members.first?.0 == "k")
        #expect(members.first?.1 == .string("v"))
        #expect(items[6].objectValue == nil)
        #expect(items[7]["k"]?.stringValue == "v")
    }
}
