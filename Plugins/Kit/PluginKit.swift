// Helpers for analyzers written in Swift against gloss_plugin.h: building the static
// descriptor and emitting annotations. The shipped analyzers use them; the example in
// Plugins/Examples/Sentences spells the same steps out by hand for plugin authors to read.
//
// SPDX-License-Identifier: Apache-2.0

public import GlossPluginABI
internal import Foundation

public enum PluginKit {
    /// The C signature of `analyze` in the descriptor.
    public typealias AnalyzeFunction = @convention(c) (
        OpaquePointer?, UnsafePointer<gloss_document_t>?, UnsafePointer<gloss_sink_t>?
    ) -> gloss_status_t

    /// The C signatures of `create` and `destroy` in the descriptor.
    public typealias CreateFunction = @convention(c) (
        UnsafePointer<gloss_host_t>?, UnsafeMutablePointer<OpaquePointer?>?
    ) -> gloss_status_t
    public typealias DestroyFunction = @convention(c) (OpaquePointer?) -> Void

    /// Allocates a descriptor. Without `create`, the plugin is stateless (no instance;
    /// `create` and `destroy` do nothing). The descriptor and its strings are never freed:
    /// the ABI requires them to live as long as the process. Call it once, from the
    /// initializer of a global.
    public static func makeDescriptor(
        id: String, version: String, description: String, languages: [String], annotationTypes: [String],
        requires: [String] = [], optionallyReads: [String] = [], concurrent: Bool, create: CreateFunction? = nil,
        destroy: DestroyFunction? = nil,
        analyze: AnalyzeFunction
    ) -> UnsafeMutablePointer<gloss_plugin_descriptor_t> {
        let pointer = UnsafeMutablePointer<gloss_plugin_descriptor_t>.allocate(capacity: 1)
        pointer.initialize(to: gloss_plugin_descriptor_t())
        pointer.pointee.struct_size = UInt32(MemoryLayout<gloss_plugin_descriptor_t>.size)
        pointer.pointee.abi_major = UInt16(GLOSS_ABI_VERSION_MAJOR)
        pointer.pointee.abi_minor = UInt16(GLOSS_ABI_VERSION_MINOR)
        pointer.pointee.flags = concurrent ? UInt64(GLOSS_PLUGIN_FLAG_CONCURRENT) : 0
        pointer.pointee.id = cString(id)
        pointer.pointee.version = cString(version)
        pointer.pointee.description = cString(description)
        pointer.pointee.languages = cList(languages)
        pointer.pointee.annotation_types = cList(annotationTypes)
        pointer.pointee.required_plugins = requires.isEmpty ? nil : cList(requires)
        pointer.pointee.optional_plugins = optionallyReads.isEmpty ? nil : cList(optionallyReads)
        pointer.pointee.create = create ?? { _, instance in
            instance?.pointee = nil
            return gloss_status_t(GLOSS_STATUS_OK)
        }
        pointer.pointee.destroy = destroy ?? { _ in }
        pointer.pointee.analyze = analyze
        return pointer
    }

    /// A value from the plugin's section of the configuration, or `nil` if it is absent.
    public static func configuration(_ host: UnsafePointer<gloss_host_t>, _ key: String) -> String? {
        guard let get = host.pointee.config_get, let value = get(host, key) else { return nil }
        return String(cString: value)
    }

    /// Logs through the host (to the journal under the daemon), tagged with the plugin's id.
    public static func log(_ host: UnsafePointer<gloss_host_t>, _ level: Int32, _ message: String) {
        host.pointee.log?(host, gloss_log_level_t(level), message)
    }

    /// The document's text as a Swift string (the host guarantees valid UTF-8 without NUL).
    public static func text(of document: UnsafePointer<gloss_document_t>) -> String? {
        guard let text = document.pointee.text else { return nil }
        let bytes = UnsafeBufferPointer(start: UnsafeRawPointer(text).assumingMemoryBound(to: UInt8.self),
                                        count: Int(document.pointee.text_length))
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Emits one annotation with string attributes; every C string lives until emit returns.
    /// Returns the host's answer (`GLOSS_STATUS_STOP` asks the plugin to stop emitting).
    public static func emit(
        _ sink: UnsafePointer<gloss_sink_t>, type: String, start: Int, end: Int, confidence: Double,
        attributes: [(String, String)]
    ) -> gloss_status_t {
        emit(sink, type: type, start: start, end: end, confidence: confidence, values: attributes.map { ($0.0, .string($0.1)) })
    }

    /// A typed attribute value.
    public enum Value: Sendable {
        case string(String)
        case integer(Int64)
        case number(Double)
        case boolean(Bool)
        case strings([String])
    }

    /// Emits one annotation with typed attributes; every C string lives until emit returns.
    /// The strings go into one buffer (one allocation, not one per string): first their
    /// offsets are collected, then, with the buffer's address fixed, the pointers.
    public static func emit(
        _ sink: UnsafePointer<gloss_sink_t>, type: String, start: Int, end: Int, confidence: Double,
        values: [(String, Value)]
    ) -> gloss_status_t {
        var text: [CChar] = []
        text.reserveCapacity(256)
        func keep(_ string: String) -> Int {
            let offset = text.count
            text.append(contentsOf: string.utf8.lazy.map { CChar(bitPattern: $0) })
            text.append(0)
            return offset
        }
        /// One attribute, its strings as offsets into `text` (lists: a range of `listed`).
        struct Pending {
            var attribute = gloss_attribute_t()
            var key = 0
            var string = -1
            var list: Range<Int>? = nil
        }
        let typeOffset = keep(type)
        var pending: [Pending] = []
        var listed: [Int] = []
        pending.reserveCapacity(values.count)
        for (key, value) in values {
            var item = Pending()
            item.key = keep(key)
            switch value {
            case .string(let string):
                item.attribute.kind = gloss_value_kind_t(GLOSS_VALUE_STRING)
                item.string = keep(string)
            case .integer(let number):
                item.attribute.kind = gloss_value_kind_t(GLOSS_VALUE_INTEGER)
                item.attribute.integer_value = number
            case .number(let number):
                guard number.isFinite else { continue }
                item.attribute.kind = gloss_value_kind_t(GLOSS_VALUE_NUMBER)
                item.attribute.number_value = number
            case .boolean(let flag):
                item.attribute.kind = gloss_value_kind_t(GLOSS_VALUE_BOOLEAN)
                item.attribute.integer_value = flag ? 1 : 0
            case .strings(let strings):
                let first = listed.count
                for string in strings { listed.append(keep(string)) }
                item.attribute.kind = gloss_value_kind_t(GLOSS_VALUE_STRING_LIST)
                item.list = first..<listed.count
            }
            pending.append(item)
        }
        return text.withUnsafeBufferPointer { text in
            let base = text.baseAddress!
            // A final NULL: the buffer is never empty, so an empty list also gets a pointer.
            var lists = listed.map { Optional(base + $0) } + [nil]
            return lists.withUnsafeMutableBufferPointer { lists in
                var attributes = pending.map { item -> gloss_attribute_t in
                    var attribute = item.attribute
                    attribute.key = base + item.key
                    if item.string >= 0 { attribute.string_value = base + item.string }
                    if let range = item.list {
                        attribute.string_list = UnsafePointer(lists.baseAddress! + range.lowerBound)
                        attribute.string_count = UInt64(range.count)
                    }
                    return attribute
                }
                return attributes.withUnsafeMutableBufferPointer { buffer in
                    var annotation = gloss_annotation_t()
                    annotation.struct_size = UInt32(MemoryLayout<gloss_annotation_t>.size)
                    annotation.type = base + typeOffset
                    annotation.start = UInt64(start)
                    annotation.end = UInt64(end)
                    annotation.confidence = confidence
                    annotation.attributes = buffer.isEmpty ? nil : UnsafePointer(buffer.baseAddress)
                    annotation.attribute_count = UInt64(buffer.count)
                    return sink.pointee.emit(sink, &annotation)
                }
            }
        }
    }

    /// The annotations of earlier analyzers the document carries (required or optional ones):
    /// (analyzer, type, UTF-8 start, UTF-8 end).
    public static func earlierAnnotations(of document: UnsafePointer<gloss_document_t>) -> [(analyzer: String, type: String, start: Int, end: Int)] {
        guard let annotations = document.pointee.annotations else { return [] }
        return (0..<Int(document.pointee.annotation_count)).map { index in
            let annotation = annotations[index]
            return (annotation.analyzer.map { String(cString: $0) } ?? "", annotation.type.map { String(cString: $0) } ?? "",
                    Int(annotation.start), Int(annotation.end))
        }
    }

    private static func cString(_ string: String) -> UnsafePointer<CChar> {
        UnsafePointer(strdup(string)!)
    }

    private static func cList(_ strings: [String]) -> UnsafePointer<UnsafePointer<CChar>?> {
        let memory = UnsafeMutablePointer<UnsafePointer<CChar>?>.allocate(capacity: strings.count + 1)
        for (index, string) in strings.enumerated() { memory[index] = cString(string) }
        memory[strings.count] = nil
        return UnsafePointer(memory)
    }
}
