import Foundation
import GlossCore
import Testing

struct LanguageTagTests {
    @Test(arguments: [
        ("كشف نائب الناطق باسم الخارجية الأمريكية، مارك تونر", LanguageTag.arabic),
        ("The State Department said on Monday", .english),
        ("قال Mark Toner إن المحادثات بدأت في الجزائر", .arabic),
        ("2016 05 17 — 130 ٢٠١٥", .undetermined),
        ("", .undetermined),
        ("Привет мир", .undetermined),
    ])
    func tagsTextByTheScriptsOfItsLetters(text: String, expected: LanguageTag) {
        #expect(LanguageTag.detect(in: text) == expected)
    }
}

struct UTF8OffsetMapTests {
    @Test func convertsByteOffsetsToScalarOffsetsAcrossCheckpoints() {
        let text = String(repeating: "aب👍", count: 100)  // 1 + 2 + 4 bytes per repetition
        let map = UTF8OffsetMap(text: text)
        #expect(map.byteCount == 700)
        for repetition in 0..<100 {
            #expect(map.scalarOffset(ofByte: repetition * 7) == repetition * 3)
            #expect(map.scalarOffset(ofByte: repetition * 7 + 1) == repetition * 3 + 1)
            #expect(map.scalarOffset(ofByte: repetition * 7 + 3) == repetition * 3 + 2)
        }
        #expect(map.scalarOffset(ofByte: 700) == 300)
    }

    @Test func knowsCharacterBoundaries() {
        let map = UTF8OffsetMap(text: "aب")
        #expect(map.isCharacterBoundary(0))
        #expect(map.isCharacterBoundary(1))
        #expect(!map.isCharacterBoundary(2))
        #expect(map.isCharacterBoundary(3))
        #expect(!map.isCharacterBoundary(4))
        #expect(!map.isCharacterBoundary(-1))
    }
}

struct DependencyOrderTests {
    @Test func ordersRequirementsFirstAndBreaksTiesByID() {
        let outcome = DependencyOrder.resolve(["gloss.geo": ["gloss.entity"], "gloss.entity": [], "gloss.date": []])
        #expect(outcome.order == ["gloss.date", "gloss.entity", "gloss.geo"])
        #expect(outcome.refused.isEmpty)
    }

    @Test func refusesACycleAndWhatDependsOnIt() {
        let outcome = DependencyOrder.resolve(["a.x": ["a.y"], "a.y": ["a.x"], "a.z": ["a.x"], "a.free": []])
        #expect(outcome.order == ["a.free"])
        #expect(outcome.refused["a.x"]?.reason.contains("a.x → a.y → a.x") == true)
        #expect(outcome.refused["a.x"]?.kind == .cycle)
        #expect(outcome.refused["a.z"]?.kind == .cycle)
    }

    @Test func refusesAMissingRequirementTransitively() {
        let outcome = DependencyOrder.resolve(["a.one": ["a.missing"], "a.two": ["a.one"]])
        #expect(outcome.order.isEmpty)
        #expect(outcome.refused["a.one"]?.reason.contains("a.missing") == true)
        #expect(outcome.refused["a.two"]?.reason.contains("a.one") == true)
    }
}

struct IdentifiersTests {
    @Test(arguments: ["gloss.date", "acme.geo-names", "x1.y_z.w"])
    func acceptsPluginIDs(id: String) { #expect(Identifiers.isValidPluginID(id)) }

    @Test(arguments: ["gloss", "Gloss.date", ".date", "gloss.", "gloss..date", "gloss.da te", "ب.ت"])
    func refusesMalformedPluginIDs(id: String) { #expect(!Identifiers.isValidPluginID(id)) }

    @Test func namesAreLowerSnakeCase() {
        #expect(Identifiers.isValidName("geonames_id"))
        #expect(!Identifiers.isValidName("GeoNames"))
        #expect(!Identifiers.isValidName("1st"))
        #expect(!Identifiers.isValidName(""))
    }
}

struct ByteSizeTests {
    @Test(arguments: [("16777216", 16_777_216), ("16MiB", 16_777_216), ("512 KiB", 524_288), ("1GiB", 1_073_741_824), ("10MB", 10_000_000), ("5k", 5000)])
    func parsesSizes(text: String, bytes: Int) { #expect(ByteSize.parse(text) == bytes) }

    @Test(arguments: ["", "lots", "-5", "12 parsecs", "99999999999999999999GiB"])
    func refusesNonSizes(text: String) { #expect(ByteSize.parse(text) == nil) }
}

struct AnalysisResultTests {
    @Test func serializesInTheDocumentedKeyOrderWithEscapes() {
        let result = AnalysisResult(
            status: .ok,
            input: InputDescription(name: "a \"b\".txt", bytes: 10, sha256: String(repeating: "0", count: 64),
                                    encoding: .utf8, language: .arabic, modified: "2016-05-17T08:00:00Z"),
            referenceTime: "2016-05-17T08:00:00Z", referenceSource: .mtime,
            analyzers: [AnalyzerReport(id: "gloss.date", version: "1.0.0", status: .ok, durationMilliseconds: 0.4123)],
            annotations: [Annotation(analyzer: "gloss.date", type: "date", start: 0, end: 4, text: "أمس\n",
                                     confidence: 0.95, attributes: [("value", .string("2016-05-16")), ("n", .integer(3))])])
        let text = String(decoding: result.serialized(), as: UTF8.self)
        let keys = ["\"schema\"", "\"status\"", "\"input\"", "\"reference_time\"", "\"reference_source\"", "\"analyzers\"", "\"annotations\""]
        let positions = keys.map { text.range(of: $0)!.lowerBound }
        #expect(positions == positions.sorted())
        #expect(text.contains(#""name": "a \"b\".txt""#))
        #expect(text.contains(#""text": "أمس\n""#))
        #expect(text.contains(#""duration_ms": 0.41"#))
        #expect(text.contains(#""attributes": {"value": "2016-05-16", "n": 3}"#))
        #expect(text.hasSuffix("}\n"))
    }

    @Test func aFailedResultCarriesItsErrorAndNoReferenceTime() {
        let text = String(decoding: AnalysisResult.failed(input: InputDescription(name: "x", bytes: 3),
                                                          error: ResultError(code: "not_text", message: "binary")).serialized(), as: UTF8.self)
        #expect(text.contains(#""error": {"code": "not_text", "message": "binary"}"#))
        #expect(!text.contains("reference_time"))
    }
}

struct AnnotationValidatorTests {
    private let validator = AnnotationValidator(analyzer: "t.x", declaredTypes: ["word"], offsets: UTF8OffsetMap(text: "سلام hi"))

    @Test func acceptsAValidSpanAndConvertsItsOffsets() throws {
        let annotation = try validator.validate(EmittedAnnotation(type: "word", startByte: 9, endByte: 11, confidence: 1, attributes: [])).get()
        #expect(annotation.start == 5)
        #expect(annotation.end == 7)
        #expect(annotation.text == "hi")
    }

    @Test(arguments: [
        (UInt64(0), UInt64(3), 1.0, "word"),   // ends inside a letter
        (0, 20, 1.0, "word"),                  // past the end
        (2, 2, 1.0, "word"),                   // empty
        (0, 2, -0.1, "word"),                  // confidence below 0
        (0, 2, 1.0, "sentence"),               // undeclared type
    ])
    func refusesInvalidAnnotations(start: UInt64, end: UInt64, confidence: Double, type: String) {
        #expect(throws: AnnotationProblem.self) {
            try validator.validate(EmittedAnnotation(type: type, startByte: start, endByte: end, confidence: confidence, attributes: [])).get()
        }
    }

    @Test func refusesDuplicateAndNonFiniteAttributes() {
        #expect(throws: AnnotationProblem.self) {
            try validator.validate(EmittedAnnotation(type: "word", startByte: 0, endByte: 2, confidence: 1,
                                                     attributes: [("a", .integer(1)), ("a", .integer(2))])).get()
        }
        #expect(throws: AnnotationProblem.self) {
            try validator.validate(EmittedAnnotation(type: "word", startByte: 0, endByte: 2, confidence: 1,
                                                     attributes: [("lat", .number(.nan))])).get()
        }
    }

    /// Few attributes are checked pairwise, many through a set: a repeated name is refused
    /// either way, wherever it repeats, and distinct names pass.
    @Test(arguments: [3, 16, 17, 40])
    func findsARepeatedNameAmongAnyNumberOfAttributes(count: Int) throws {
        let distinct: [(key: String, value: AttributeValue)] = (0..<count).map { ("a\($0)", .integer(Int64($0))) }
        _ = try validator.validate(EmittedAnnotation(type: "word", startByte: 0, endByte: 2, confidence: 1, attributes: distinct)).get()
        var repeated = distinct
        repeated[count - 1].key = "a0"
        let problem = #expect(throws: AnnotationProblem.self) {
            try validator.validate(EmittedAnnotation(type: "word", startByte: 0, endByte: 2, confidence: 1, attributes: repeated)).get()
        }
        #expect(problem?.description.contains("\"a0\" twice") == true)
    }
}
