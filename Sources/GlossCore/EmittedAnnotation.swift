/// An annotation as a plugin emitted it, before the host checked it: offsets are UTF-8
/// bytes and nothing is trusted yet.
public struct EmittedAnnotation: Sendable {
    public var type: String
    public var startByte: UInt64
    public var endByte: UInt64
    public var confidence: Double
    public var attributes: [(key: String, value: AttributeValue)]

    public init(type: String, startByte: UInt64, endByte: UInt64, confidence: Double,
                attributes: [(key: String, value: AttributeValue)]) {
        self.type = type
        self.startByte = startByte
        self.endByte = endByte
        self.confidence = confidence
        self.attributes = attributes
    }
}

/// Checks emitted annotations against the document and the plugin's declared types, and
/// turns the valid ones into result annotations with code point offsets.
public struct AnnotationValidator: Sendable {
    public let analyzer: String
    public let declaredTypes: Set<String>
    private let offsets: UTF8OffsetMap

    public init(analyzer: String, declaredTypes: Set<String>, offsets: UTF8OffsetMap) {
        self.analyzer = analyzer
        self.declaredTypes = declaredTypes
        self.offsets = offsets
    }

    /// The checked annotation, or a sentence saying why it was refused.
    public func validate(_ emitted: EmittedAnnotation) -> Result<Annotation, AnnotationProblem> {
        let length = UInt64(offsets.byteCount)
        var span: String { "[\(emitted.startByte), \(emitted.endByte))" }  // only for problems
        guard declaredTypes.contains(emitted.type) else {
            return .failure(AnnotationProblem("type \"\(emitted.type)\" at bytes \(span) is not one of the types the plugin declares (\(declaredTypes.sorted().joined(separator: ", ")))"))
        }
        guard emitted.startByte < emitted.endByte else {
            return .failure(AnnotationProblem("\(emitted.type) at bytes \(span) is empty or reversed (start must be less than end)"))
        }
        guard emitted.endByte <= length else {
            return .failure(AnnotationProblem("\(emitted.type) at bytes \(span) ends past the end of the text (\(length) bytes)"))
        }
        let start = Int(emitted.startByte), end = Int(emitted.endByte)
        guard offsets.isCharacterBoundary(start), offsets.isCharacterBoundary(end) else {
            return .failure(AnnotationProblem("\(emitted.type) at bytes \(span) does not start and end on UTF-8 character boundaries"))
        }
        guard emitted.confidence.isFinite, (0...1).contains(emitted.confidence) else {
            return .failure(AnnotationProblem("\(emitted.type) at bytes \(span) has confidence \(emitted.confidence); it must be between 0 and 1"))
        }
        // Duplicate names: a few attributes are compared pairwise, many go through a set.
        let fewAttributes = emitted.attributes.count <= 16
        var seen = Set<String>()
        for (index, (key, value)) in emitted.attributes.enumerated() {
            guard Identifiers.isValidName(key) else {
                return .failure(AnnotationProblem("\(emitted.type) at bytes \(span) has an attribute named \"\(key)\"; names must match ^[a-z][a-z0-9_]*$"))
            }
            let repeated = fewAttributes ? emitted.attributes[..<index].contains { $0.key == key } : !seen.insert(key).inserted
            guard !repeated else {
                return .failure(AnnotationProblem("\(emitted.type) at bytes \(span) has the attribute \"\(key)\" twice"))
            }
            if case .number(let number) = value, !number.isFinite {
                return .failure(AnnotationProblem("\(emitted.type) at bytes \(span) has attribute \"\(key)\" = \(number); numbers must be finite"))
            }
        }
        return .success(Annotation(
            analyzer: analyzer, type: emitted.type,
            start: offsets.scalarOffset(ofByte: start), end: offsets.scalarOffset(ofByte: end),
            text: offsets.text(fromByte: start, toByte: end),
            confidence: emitted.confidence, attributes: emitted.attributes))
    }
}

/// Why an emitted annotation was dropped.
public struct AnnotationProblem: Error, Sendable, Equatable, CustomStringConvertible {
    public var description: String
    public init(_ description: String) { self.description = description }
}
