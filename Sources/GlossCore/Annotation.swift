/// The value of one annotation attribute, as it appears in the result file.
public enum AttributeValue: Sendable, Equatable {
    case string(String)
    case integer(Int64)
    case number(Double)
    case boolean(Bool)
    case stringList([String])

    var jsonValue: JSONValue {
        switch self {
        case .string(let value): return .string(value)
        case .integer(let value): return .integer(value)
        case .number(let value): return .number(value)
        case .boolean(let value): return .bool(value)
        case .stringList(let values): return .array(values.map(JSONValue.string))
        }
    }
}

/// One finding of an analyzer over a span of the decoded text.
///
/// `start` and `end` count Unicode scalars (code points) of the decoded text, end
/// exclusive, so `text` equals the scalars `start..<end` of the document.
public struct Annotation: Sendable, Equatable {
    public var analyzer: String
    public var type: String
    public var start: Int
    public var end: Int
    public var text: String
    public var confidence: Double
    /// Attributes in the order the analyzer emitted them; keys are unique.
    public var attributes: [(key: String, value: AttributeValue)]

    public init(
        analyzer: String, type: String, start: Int, end: Int, text: String,
        confidence: Double, attributes: [(key: String, value: AttributeValue)] = []
    ) {
        self.analyzer = analyzer
        self.type = type
        self.start = start
        self.end = end
        self.text = text
        self.confidence = confidence
        self.attributes = attributes
    }

    public static func == (lhs: Annotation, rhs: Annotation) -> Bool {
        lhs.analyzer == rhs.analyzer && lhs.type == rhs.type && lhs.start == rhs.start
            && lhs.end == rhs.end && lhs.text == rhs.text && lhs.confidence == rhs.confidence
            && lhs.attributes.count == rhs.attributes.count
            && zip(lhs.attributes, rhs.attributes).allSatisfy { $0.key == $1.key && $0.value == $1.value }
    }

    /// The value of the attribute named `key`, if present.
    public func attribute(_ key: String) -> AttributeValue? {
        attributes.first { $0.key == key }?.value
    }

    var jsonValue: JSONValue {
        .object([
            ("analyzer", .string(analyzer)),
            ("type", .string(type)),
            ("start", .integer(Int64(start))),
            ("end", .integer(Int64(end))),
            ("text", .string(text)),
            ("confidence", .number(confidence)),
            ("attributes", .object(attributes.map { ($0.key, $0.value.jsonValue) })),
        ])
    }
}
