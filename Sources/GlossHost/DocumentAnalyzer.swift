public import Foundation
public import GlossCore
internal import GlossPluginABI
public import Logging

/// Runs a catalog's plugins on documents, in dependency order, and builds their results.
///
/// Not `Sendable`: it owns plugin instances, which must stay on the thread that uses them.
/// Plugin calls block; run this on a thread you own, never on Swift's cooperative pool.
public final class DocumentAnalyzer {
    private let instances: [PluginInstance]
    /// For each plugin id, every plugin whose annotations it receives (its requirements,
    /// direct and indirect); computed once, not per document.
    private let inputsByID: [String: [String]]
    /// Plugins whose `create()` failed; reported by the caller, never run.
    public let refused: [PluginLoadError]

    /// Creates one instance of each plugin in `catalog`, giving each its section of
    /// `settings.analyzerSettings` and its data directory.
    public init(catalog: PluginCatalog, settings: Settings, logger: Logger) {
        let dataRoot = settings.plugins.dataDirectory ?? PluginSearchPath.defaultDataRoot()
        var instances: [PluginInstance] = []
        var refused: [PluginLoadError] = []
        var failedIDs = Set<String>()
        for library in catalog.plugins {
            let id = library.descriptor.id
            if let blocker = library.descriptor.requires.first(where: failedIDs.contains) {
                failedIDs.insert(id)
                refused.append(PluginLoadError(code: .missingRequirement, path: library.path, pluginID: id, reason: "it requires \(blocker), which could not be created."))
                continue
            }
            var dataDirectory: String? = nil
            if let dataRoot {
                let candidate = dataRoot + "/" + id
                if FileManager.default.fileExists(atPath: candidate) { dataDirectory = candidate }
            }
            do {
                instances.append(try PluginInstance(library: library, settings: settings.analyzerSettings[id] ?? [:],
                                                    dataDirectory: dataDirectory, logger: logger))
            } catch {
                failedIDs.insert(id)
                refused.append(error)
            }
        }
        self.instances = instances
        self.refused = refused
        let descriptors = instances.map(\.library.descriptor)
        inputsByID = Dictionary(uniqueKeysWithValues: descriptors.map { ($0.id, Self.transitiveRequirements(of: $0, among: descriptors)) })
    }

    /// The descriptors of the plugins that will run, in run order.
    public var analyzers: [PluginDescriptor] { instances.map(\.library.descriptor) }

    /// An analyzer that must not run on this document because it already failed on it in
    /// another process (it crashed, hung or ran out of memory there); it is reported with
    /// `status` and `error` instead, and what requires it is skipped.
    public struct Exclusion: Sendable, Equatable {
        public var analyzer: String
        public var status: AnalyzerReport.Status
        public var error: ResultError
        public init(analyzer: String, status: AnalyzerReport.Status, error: ResultError) {
            self.analyzer = analyzer
            self.status = status
            self.error = error
        }
    }

    /// Analyzes `document` with every plugin and returns its complete result.
    ///
    /// `willRun` is called with an analyzer's id just before its plugin is called, so a
    /// supervisor in another process can tell which analyzer was running if this one dies.
    public func analyze(_ document: InputDocument, referenceTime: Date, referenceSource: ReferenceSource,
                        excluding exclusions: [Exclusion] = [], willRun: (String) -> Void = { _ in }) -> AnalysisResult {
        let offsets = UTF8OffsetMap(text: document.decoded.text)
        var placed: [String: [PlacedAnnotation]] = [:]
        var reports: [AnalyzerReport] = []
        var statusByID: [String: AnalyzerReport.Status] = [:]
        var partial = false
        let referenceText = Timestamp.format(referenceTime)
        let language = document.language.rawValue

        let text = document.decoded.text
        for instance in instances {
            let descriptor = instance.library.descriptor
            func report(_ status: AnalyzerReport.Status, _ code: String? = nil, _ message: String? = nil, duration: Double = 0) {
                statusByID[descriptor.id] = status
                reports.append(AnalyzerReport(id: descriptor.id, version: descriptor.version, status: status,
                                              durationMilliseconds: duration,
                                              error: code.map { ResultError(code: $0, message: message ?? "") }))
            }
            if let exclusion = exclusions.first(where: { $0.analyzer == descriptor.id }) {
                partial = true
                report(exclusion.status, exclusion.error.code, exclusion.error.message)
                continue
            }
            guard descriptor.reads(language: language) else {
                report(.skipped, "language_not_supported", "\(descriptor.id) reads \(descriptor.languages.joined(separator: ", ")); this document's language is \(language).")
                continue
            }
            if let blocker = descriptor.requires.first(where: { statusByID[$0] != .ok }) {
                let failed = [.failed, .crashed, .timedOut, .outOfMemory].contains(statusByID[blocker])
                    || (statusByID[blocker] == .skipped && reports.first { $0.id == blocker }?.error?.code == "requirement_failed")
                if failed { partial = true }
                report(.skipped, failed ? "requirement_failed" : "requirement_skipped",
                       "\(descriptor.id) needs the annotations of \(blocker), which did not run successfully on this document.")
                continue
            }
            let prior = (inputsByID[descriptor.id] ?? []).flatMap { placed[$0] ?? [] }
                .sorted { ($0.startByte, $0.endByte) < ($1.startByte, $1.endByte) }
            willRun(descriptor.id)
            let run = text.withCString { textPointer in
                Self.withDocument(textPointer: textPointer, length: offsets.byteCount, language: language,
                                  name: document.name, referenceText: referenceText, referenceTime: referenceTime,
                                  prior: prior) { instance.analyze($0) }
            }
            guard run.status == GLOSS_STATUS_OK || run.status == GLOSS_STATUS_STOP else {
                partial = true
                let message = run.errorMessage ?? "\(descriptor.id) returned \(StatusName.describe(run.status)) without an error message."
                report(.failed, StatusName.errorCode(run.status), message, duration: run.durationMilliseconds)
                continue
            }
            let validator = AnnotationValidator(analyzer: descriptor.id, declaredTypes: Set(descriptor.annotationTypes), offsets: offsets)
            var accepted: [PlacedAnnotation] = []
            var problems = run.problems
            var dropped = run.droppedUnreadable
            for emitted in run.emitted {
                switch validator.validate(emitted) {
                case .success(let annotation):
                    accepted.append(PlacedAnnotation(annotation: annotation, startByte: emitted.startByte, endByte: emitted.endByte))
                case .failure(let problem):
                    dropped += 1
                    problems.append(problem.description)
                }
            }
            placed[descriptor.id] = accepted
            statusByID[descriptor.id] = .ok
            reports.append(AnalyzerReport(id: descriptor.id, version: descriptor.version, status: .ok,
                                          durationMilliseconds: run.durationMilliseconds,
                                          droppedAnnotations: dropped,
                                          problems: Array(problems.prefix(AnalyzerReport.maximumProblems))))
        }

        let order = Dictionary(uniqueKeysWithValues: instances.enumerated().map { ($1.library.descriptor.id, $0) })
        let annotations = placed.values.joined().map(\.annotation).sorted { a, b in
            (a.start, a.end, order[a.analyzer] ?? 0, a.type) < (b.start, b.end, order[b.analyzer] ?? 0, b.type)
        }
        return AnalysisResult(status: partial ? .partial : .ok, input: document.description,
                              referenceTime: referenceText, referenceSource: referenceSource,
                              analyzers: reports, annotations: annotations)
    }

    private static func transitiveRequirements(of descriptor: PluginDescriptor, among all: [PluginDescriptor]) -> [String] {
        let byID = Dictionary(uniqueKeysWithValues: all.map { ($0.id, $0) })
        var result: [String] = [], pending = descriptor.requires + descriptor.optionallyReads.filter { byID[$0] != nil }
        while let id = pending.popLast() {
            guard !result.contains(id), let required = byID[id] else { continue }
            result.append(id)
            pending.append(contentsOf: required.requires + required.optionallyReads.filter { byID[$0] != nil })
        }
        return result
    }

    /// Builds the C document (and the earlier annotations it carries) for one call.
    private static func withDocument<R>(
        textPointer: UnsafePointer<CChar>, length: Int, language: String, name: String,
        referenceText: String, referenceTime: Date, prior: [PlacedAnnotation],
        _ body: (UnsafePointer<gloss_document_t>) -> R
    ) -> R {
        let arena = CArena()
        var document = gloss_document_t()
        document.struct_size = UInt32(MemoryLayout<gloss_document_t>.size)
        document.text = textPointer
        document.text_length = UInt64(length)
        document.language = arena.string(language)
        document.name = arena.string(name)
        document.reference_time = arena.string(referenceText)
        document.reference_time_unix_ms = Int64((referenceTime.timeIntervalSince1970 * 1000).rounded(.down))
        if !prior.isEmpty {
            let annotations = arena.buffer(of: gloss_annotation_t.self, count: prior.count)
            for (index, item) in prior.enumerated() {
                let attributes = arena.buffer(of: gloss_attribute_t.self, count: item.annotation.attributes.count)
                for (attributeIndex, attribute) in item.annotation.attributes.enumerated() {
                    attributes[attributeIndex] = Self.cAttribute(key: attribute.key, value: attribute.value, arena: arena)
                }
                var annotation = gloss_annotation_t()
                annotation.struct_size = UInt32(MemoryLayout<gloss_annotation_t>.size)
                annotation.analyzer = arena.string(item.annotation.analyzer)
                annotation.type = arena.string(item.annotation.type)
                annotation.start = item.startByte
                annotation.end = item.endByte
                annotation.confidence = item.annotation.confidence
                annotation.attributes = item.annotation.attributes.isEmpty ? nil : UnsafePointer(attributes)
                annotation.attribute_count = UInt64(item.annotation.attributes.count)
                annotations[index] = annotation
            }
            document.annotations = UnsafePointer(annotations)
            document.annotation_count = UInt64(prior.count)
        }
        return withExtendedLifetime(arena) { withUnsafePointer(to: &document) { body($0) } }
    }

    private static func cAttribute(key: String, value: AttributeValue, arena: CArena) -> gloss_attribute_t {
        var attribute = gloss_attribute_t()
        attribute.key = arena.string(key)
        switch value {
        case .string(let text):
            attribute.kind = gloss_value_kind_t(GLOSS_VALUE_STRING)
            attribute.string_value = arena.string(text)
        case .integer(let number):
            attribute.kind = gloss_value_kind_t(GLOSS_VALUE_INTEGER)
            attribute.integer_value = number
        case .number(let number):
            attribute.kind = gloss_value_kind_t(GLOSS_VALUE_NUMBER)
            attribute.number_value = number
        case .boolean(let flag):
            attribute.kind = gloss_value_kind_t(GLOSS_VALUE_BOOLEAN)
            attribute.integer_value = flag ? 1 : 0
        case .stringList(let strings):
            attribute.kind = gloss_value_kind_t(GLOSS_VALUE_STRING_LIST)
            let list = arena.buffer(of: UnsafePointer<CChar>?.self, count: strings.count)
            for (index, string) in strings.enumerated() { list[index] = arena.string(string) }
            attribute.string_list = UnsafePointer(list)
            attribute.string_count = UInt64(strings.count)
        }
        return attribute
    }
}
