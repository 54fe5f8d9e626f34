/// The identifier of the result format written by this version of Gloss.
public let resultSchemaIdentifier = "gloss.result/1"

/// A machine-readable failure: a stable `code` and a sentence for people.
public struct ResultError: Sendable, Equatable, Error {
    /// Stable, lower-case code such as `not_text`, `too_large`, `unreadable`.
    public var code: String
    /// What went wrong and what to do, for someone who has never seen the code.
    public var message: String

    public init(code: String, message: String) {
        self.code = code
        self.message = message
    }

    var jsonValue: JSONValue { .object([("code", .string(code)), ("message", .string(message))]) }
}

/// What Gloss read: the `input` object of a result.
public struct InputDescription: Sendable, Equatable {
    public var name: String
    public var bytes: Int
    /// Lower-case hex SHA-256 of the raw bytes; `nil` when the file could not be read.
    public var sha256: String?
    public var encoding: TextEncoding?
    public var language: LanguageTag?
    /// Modification time as RFC 3339 text.
    public var modified: String?

    public init(
        name: String, bytes: Int, sha256: String? = nil, encoding: TextEncoding? = nil,
        language: LanguageTag? = nil, modified: String? = nil
    ) {
        self.name = name
        self.bytes = bytes
        self.sha256 = sha256
        self.encoding = encoding
        self.language = language
        self.modified = modified
    }

    var jsonValue: JSONValue {
        var members: [(String, JSONValue)] = [("name", .string(name)), ("bytes", .integer(Int64(bytes)))]
        if let sha256 { members.append(("sha256", .string(sha256))) }
        if let encoding { members.append(("encoding", .string(encoding.rawValue))) }
        if let language { members.append(("language", .string(language.rawValue))) }
        if let modified { members.append(("modified", .string(modified))) }
        return .object(members)
    }
}

/// How one analyzer fared on one document: an entry of the result's `analyzers` list.
public struct AnalyzerReport: Sendable, Equatable {
    public enum Status: String, Sendable {
        case ok, failed, crashed, skipped
        case timedOut = "timed_out"
        case outOfMemory = "out_of_memory"
    }

    public var id: String
    public var version: String
    public var status: Status
    public var durationMilliseconds: Double
    public var error: ResultError?
    /// Annotations the host refused (out of range, not on a character boundary, …).
    public var droppedAnnotations: Int
    /// Why they were refused; at most `maximumProblems` entries.
    public var problems: [String]

    public static let maximumProblems = 20

    public init(
        id: String, version: String, status: Status, durationMilliseconds: Double,
        error: ResultError? = nil, droppedAnnotations: Int = 0, problems: [String] = []
    ) {
        self.id = id
        self.version = version
        self.status = status
        self.durationMilliseconds = durationMilliseconds
        self.error = error
        self.droppedAnnotations = droppedAnnotations
        self.problems = problems
    }

    var jsonValue: JSONValue {
        // Milliseconds to 0.01 ms: finer digits are noise and make results differ needlessly.
        let rounded = (durationMilliseconds * 100).rounded() / 100
        var members: [(String, JSONValue)] = [
            ("id", .string(id)), ("version", .string(version)),
            ("status", .string(status.rawValue)), ("duration_ms", .number(rounded)),
        ]
        if let error { members.append(("error", error.jsonValue)) }
        if droppedAnnotations > 0 {
            members.append(("dropped_annotations", .integer(Int64(droppedAnnotations))))
            members.append(("problems", .array(problems.map(JSONValue.string))))
        }
        return .object(members)
    }
}

/// Where the reference time of a document came from.
public enum ReferenceSource: String, Sendable {
    /// The input file's modification time (the default).
    case mtime
    /// Given on the command line (`--reference-time`).
    case option
    /// The time of analysis, for input that has no usable modification time.
    case now
}

/// The complete result of analyzing one input: what `<input>.gloss.json` holds.
public struct AnalysisResult: Sendable, Equatable {
    public enum Status: String, Sendable {
        case ok, partial, failed
    }

    public var status: Status
    public var input: InputDescription
    /// RFC 3339 text; absent for a failed result that never got that far.
    public var referenceTime: String?
    public var referenceSource: ReferenceSource?
    public var analyzers: [AnalyzerReport]
    /// Sorted by `start`, then `end`, then analyzer.
    public var annotations: [Annotation]
    public var error: ResultError?

    public init(
        status: Status, input: InputDescription, referenceTime: String?,
        referenceSource: ReferenceSource?, analyzers: [AnalyzerReport],
        annotations: [Annotation], error: ResultError? = nil
    ) {
        self.status = status
        self.input = input
        self.referenceTime = referenceTime
        self.referenceSource = referenceSource
        self.analyzers = analyzers
        self.annotations = annotations
        self.error = error
    }

    /// A `failed` result: nothing could be analyzed.
    public static func failed(input: InputDescription, error: ResultError) -> AnalysisResult {
        AnalysisResult(
            status: .failed, input: input, referenceTime: nil, referenceSource: nil,
            analyzers: [], annotations: [], error: error)
    }

    /// The result as the JSON document of format `gloss.result/1`.
    public var jsonValue: JSONValue {
        var members: [(String, JSONValue)] = [
            ("schema", .string(resultSchemaIdentifier)),
            ("status", .string(status.rawValue)),
            ("input", input.jsonValue),
        ]
        if let referenceTime { members.append(("reference_time", .string(referenceTime))) }
        if let referenceSource { members.append(("reference_source", .string(referenceSource.rawValue))) }
        if let error { members.append(("error", error.jsonValue)) }
        members.append(("analyzers", .array(analyzers.map(\.jsonValue))))
        members.append(("annotations", .array(annotations.map(\.jsonValue))))
        return .object(members)
    }

    /// The serialized result file contents (UTF-8, no BOM, final newline).
    public func serialized() -> [UInt8] { jsonValue.serialized() }
}
