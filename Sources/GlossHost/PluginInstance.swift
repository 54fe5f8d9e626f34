internal import Foundation
internal import GlossCore
internal import GlossPluginABI
internal import Logging

/// A checked annotation together with the UTF-8 offsets later plugins receive.
struct PlacedAnnotation {
    var annotation: Annotation
    var startByte: UInt64
    var endByte: UInt64
}

/// What one `analyze` call produced, before the host validates the annotations.
struct PluginRun {
    var status: gloss_status_t
    var errorMessage: String?
    var emitted: [EmittedAnnotation]
    /// Annotations the host could not even read (NULL type, bad UTF-8, unknown value kind).
    var problems: [String]
    var droppedUnreadable: Int
    var durationMilliseconds: Double
}

/// One instance of a plugin, created with its host-services table.
///
/// Not `Sendable`: a non-concurrent plugin's instance must be used by one thread at a time,
/// which the type system enforces by keeping it where it was made.
final class PluginInstance {
    let library: PluginLibrary
    private let services: HostServices
    private let instance: OpaquePointer?

    /// The most annotations one analyzer may emit for one document; past it the host
    /// answers `GLOSS_STATUS_STOP` and reports the excess, so a runaway plugin cannot
    /// exhaust memory.
    static let maximumAnnotationsPerDocument = 200_000

    init(library: PluginLibrary, settings: [String: String], dataDirectory: String?, logger: Logger) throws(PluginLoadError) {
        self.library = library
        services = HostServices(pluginID: library.descriptor.id, settings: settings, dataDirectory: dataDirectory, logger: logger)
        var created: OpaquePointer? = nil
        let status = library.raw.pointee.create(UnsafePointer(services.table), &created)
        guard status == GLOSS_STATUS_OK else {
            throw PluginLoadError(code: .createFailed, path: library.path, pluginID: library.descriptor.id,
                                  reason: "its create() returned \(StatusName.describe(status)). Check the plugin's settings under analyzers.\(library.descriptor.id) in gloss.yaml and its log messages.")
        }
        instance = created
    }

    deinit {
        library.raw.pointee.destroy?(instance)
    }

    /// Runs the plugin on `document` and collects what it emits. Blocks the calling thread.
    func analyze(_ document: UnsafePointer<gloss_document_t>) -> PluginRun {
        let sink = SinkContext()
        var table = gloss_sink_t()
        table.struct_size = UInt32(MemoryLayout<gloss_sink_t>.size)
        table.host_data = Unmanaged.passUnretained(sink).toOpaque()
        table.emit = { sinkPointer, annotation in
            guard let sinkPointer else { return gloss_status_t(GLOSS_STATUS_INVALID_ARGUMENT) }
            let context = Unmanaged<SinkContext>.fromOpaque(sinkPointer.pointee.host_data).takeUnretainedValue()
            return context.receive(annotation)
        }
        table.set_error = { sinkPointer, message in
            guard let sinkPointer, let message else { return }
            let context = Unmanaged<SinkContext>.fromOpaque(sinkPointer.pointee.host_data).takeUnretainedValue()
            context.errorMessage = String(decoding: UnsafeRawBufferPointer(start: message, count: strlen(message)), as: UTF8.self)
        }
        let clock = ContinuousClock()
        let started = clock.now
        let status = withUnsafePointer(to: &table) { library.raw.pointee.analyze(instance, document, $0) }
        let elapsed = started.duration(to: clock.now)
        let milliseconds = Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15
        return withExtendedLifetime(sink) {
            PluginRun(status: status, errorMessage: sink.errorMessage, emitted: sink.emitted,
                      problems: sink.problems, droppedUnreadable: sink.droppedUnreadable,
                      durationMilliseconds: milliseconds)
        }
    }
}

/// Collects one `analyze` call's output. Lives on the calling thread for that call only.
private final class SinkContext {
    var emitted: [EmittedAnnotation] = []
    var problems: [String] = []
    var droppedUnreadable = 0
    var errorMessage: String?
    private var reachedLimit = false

    func receive(_ pointer: UnsafePointer<gloss_annotation_t>?) -> gloss_status_t {
        guard emitted.count < PluginInstance.maximumAnnotationsPerDocument else {
            if !reachedLimit {
                reachedLimit = true
                problems.append("more than \(PluginInstance.maximumAnnotationsPerDocument) annotations for one document; the rest were dropped")
            }
            droppedUnreadable += 1
            return gloss_status_t(GLOSS_STATUS_STOP)
        }
        switch Self.read(pointer) {
        case .success(let annotation): emitted.append(annotation)
        case .failure(let problem):
            droppedUnreadable += 1
            problems.append(problem.description)
        }
        return gloss_status_t(GLOSS_STATUS_OK)
    }

    private static func read(_ pointer: UnsafePointer<gloss_annotation_t>?) -> Result<EmittedAnnotation, AnnotationProblem> {
        guard let pointer else { return .failure(AnnotationProblem("emit was called with a NULL annotation")) }
        let raw = pointer.pointee
        guard Int(raw.struct_size) >= MemoryLayout<gloss_annotation_t>.size else {
            return .failure(AnnotationProblem("an annotation has struct_size \(raw.struct_size); set it to sizeof(gloss_annotation_t)"))
        }
        guard raw.reserved0 == 0, raw.reserved.0 == 0, raw.reserved.1 == 0 else {
            return .failure(AnnotationProblem("an annotation has non-zero reserved fields"))
        }
        guard let typePointer = raw.type, let type = String(validatingCString: typePointer) else {
            return .failure(AnnotationProblem("an annotation has a NULL or non-UTF-8 type"))
        }
        var attributes: [(key: String, value: AttributeValue)] = []
        if raw.attribute_count > 0 {
            guard let list = raw.attributes, raw.attribute_count <= 1024 else {
                return .failure(AnnotationProblem("\(type) has attribute_count \(raw.attribute_count) but \(raw.attributes == nil ? "attributes is NULL" : "more than 1024 attributes")"))
            }
            for index in 0..<Int(raw.attribute_count) {
                switch readAttribute(list[index]) {
                case .success(let attribute): attributes.append(attribute)
                case .failure(let problem): return .failure(AnnotationProblem("\(type): \(problem.description)"))
                }
            }
        }
        return .success(EmittedAnnotation(type: type, startByte: raw.start, endByte: raw.end,
                                          confidence: raw.confidence, attributes: attributes))
    }

    private static func readAttribute(_ raw: gloss_attribute_t) -> Result<(key: String, value: AttributeValue), AnnotationProblem> {
        guard let keyPointer = raw.key, let key = String(validatingCString: keyPointer) else {
            return .failure(AnnotationProblem("an attribute has a NULL or non-UTF-8 key"))
        }
        guard raw.reserved == 0 else { return .failure(AnnotationProblem("attribute \"\(key)\" has a non-zero reserved field")) }
        switch raw.kind {
        case gloss_value_kind_t(GLOSS_VALUE_STRING):
            guard let pointer = raw.string_value, let value = String(validatingCString: pointer) else {
                return .failure(AnnotationProblem("attribute \"\(key)\" is a string but its value is NULL or not UTF-8"))
            }
            return .success((key, .string(value)))
        case gloss_value_kind_t(GLOSS_VALUE_INTEGER):
            return .success((key, .integer(raw.integer_value)))
        case gloss_value_kind_t(GLOSS_VALUE_NUMBER):
            return .success((key, .number(raw.number_value)))
        case gloss_value_kind_t(GLOSS_VALUE_BOOLEAN):
            guard raw.integer_value == 0 || raw.integer_value == 1 else {
                return .failure(AnnotationProblem("attribute \"\(key)\" is a boolean with value \(raw.integer_value); use 0 or 1"))
            }
            return .success((key, .boolean(raw.integer_value == 1)))
        case gloss_value_kind_t(GLOSS_VALUE_STRING_LIST):
            guard raw.string_count <= 4096, raw.string_count == 0 || raw.string_list != nil else {
                return .failure(AnnotationProblem("attribute \"\(key)\" is a string list with a NULL list or more than 4096 strings"))
            }
            var values: [String] = []
            for index in 0..<Int(raw.string_count) {
                guard let pointer = raw.string_list[index], let value = String(validatingCString: pointer) else {
                    return .failure(AnnotationProblem("attribute \"\(key)\" holds a NULL or non-UTF-8 string at index \(index)"))
                }
                values.append(value)
            }
            return .success((key, .stringList(values)))
        default:
            return .failure(AnnotationProblem("attribute \"\(key)\" has unknown value kind \(raw.kind)"))
        }
    }
}

/// Names of the ABI's status codes, for messages.
enum StatusName {
    static func describe(_ status: gloss_status_t) -> String {
        let name: String = switch status {
        case GLOSS_STATUS_OK: "GLOSS_STATUS_OK"
        case GLOSS_STATUS_ERROR: "GLOSS_STATUS_ERROR"
        case GLOSS_STATUS_INVALID_ARGUMENT: "GLOSS_STATUS_INVALID_ARGUMENT"
        case GLOSS_STATUS_OUT_OF_MEMORY: "GLOSS_STATUS_OUT_OF_MEMORY"
        case GLOSS_STATUS_BAD_CONFIGURATION: "GLOSS_STATUS_BAD_CONFIGURATION"
        case GLOSS_STATUS_UNSUPPORTED: "GLOSS_STATUS_UNSUPPORTED"
        case GLOSS_STATUS_STOP: "GLOSS_STATUS_STOP"
        default: "unknown status"
        }
        return "\(status) (\(name))"
    }

    /// The result-file error code for a failed analyze() status.
    static func errorCode(_ status: gloss_status_t) -> String {
        switch status {
        case GLOSS_STATUS_INVALID_ARGUMENT: "plugin_invalid_argument"
        case GLOSS_STATUS_OUT_OF_MEMORY: "plugin_out_of_memory"
        case GLOSS_STATUS_BAD_CONFIGURATION: "plugin_bad_configuration"
        case GLOSS_STATUS_UNSUPPORTED: "plugin_unsupported"
        default: "plugin_error"
        }
    }
}
