// gloss.example.sentences -- an example Gloss plugin in Swift.
//
// SPDX-License-Identifier: Apache-2.0
//
// Splits a document into sentences and emits one `sentence` annotation for each,
// with its 1-based `index`. A sentence ends at . ! ? ؟ … or a blank line; a period
// between digits (3.5) or after a single capital letter or a common abbreviation
// (Mr. Dr. U.S.) does not end one.

import GlossPluginABI

/// The descriptor and its strings live for the life of the process, as the ABI requires:
/// they are allocated once and never freed. `nonisolated(unsafe)` is sound because the
/// memory is written only during this one-time initialization and read-only afterwards.
nonisolated(unsafe) private let descriptor: UnsafeMutablePointer<gloss_plugin_descriptor_t> = {
    func cString(_ string: String) -> UnsafePointer<CChar> {
        let bytes = Array(string.utf8CString)
        let memory = UnsafeMutablePointer<CChar>.allocate(capacity: bytes.count)
        memory.initialize(from: bytes, count: bytes.count)
        return UnsafePointer(memory)
    }
    func cList(_ strings: [String]) -> UnsafePointer<UnsafePointer<CChar>?> {
        let memory = UnsafeMutablePointer<UnsafePointer<CChar>?>.allocate(capacity: strings.count + 1)
        for (index, string) in strings.enumerated() { memory[index] = cString(string) }
        memory[strings.count] = nil
        return UnsafePointer(memory)
    }
    let pointer = UnsafeMutablePointer<gloss_plugin_descriptor_t>.allocate(capacity: 1)
    pointer.initialize(to: gloss_plugin_descriptor_t())
    pointer.pointee.struct_size = UInt32(MemoryLayout<gloss_plugin_descriptor_t>.size)
    pointer.pointee.abi_major = UInt16(GLOSS_ABI_VERSION_MAJOR)
    pointer.pointee.abi_minor = UInt16(GLOSS_ABI_VERSION_MINOR)
    pointer.pointee.flags = UInt64(GLOSS_PLUGIN_FLAG_CONCURRENT)  // no mutable state
    pointer.pointee.id = cString("gloss.example.sentences")
    pointer.pointee.version = cString("1.0.0")
    pointer.pointee.description = cString("Sentence boundaries in Arabic and English, in Swift")
    pointer.pointee.languages = cList(["ar", "en"])
    pointer.pointee.annotation_types = cList(["sentence"])
    pointer.pointee.required_plugins = nil
    pointer.pointee.create = { _, instance in
        instance?.pointee = nil  // stateless: no instance needed
        return gloss_status_t(GLOSS_STATUS_OK)
    }
    pointer.pointee.destroy = { _ in }
    pointer.pointee.analyze = { _, document, sink in
        guard let document, let sink, let text = document.pointee.text else {
            return gloss_status_t(GLOSS_STATUS_INVALID_ARGUMENT)
        }
        let bytes = UnsafeBufferPointer(start: UnsafeRawPointer(text).assumingMemoryBound(to: UInt8.self),
                                        count: Int(document.pointee.text_length))
        for (index, span) in SentenceSplitter.sentences(in: bytes).enumerated() {
            if emitSentence(span, index: index + 1, sink: sink) == GLOSS_STATUS_STOP { break }
        }
        return gloss_status_t(GLOSS_STATUS_OK)
    }
    return pointer
}()

private func emitSentence(_ span: Range<Int>, index: Int, sink: UnsafePointer<gloss_sink_t>) -> gloss_status_t {
    "index".withCString { key in
        var attribute = gloss_attribute_t()
        attribute.key = key
        attribute.kind = gloss_value_kind_t(GLOSS_VALUE_INTEGER)
        attribute.integer_value = Int64(index)
        return "sentence".withCString { type in
            withUnsafePointer(to: &attribute) { attributes in
                var annotation = gloss_annotation_t()
                annotation.struct_size = UInt32(MemoryLayout<gloss_annotation_t>.size)
                annotation.type = type
                annotation.start = UInt64(span.lowerBound)
                annotation.end = UInt64(span.upperBound)
                annotation.confidence = 0.8
                annotation.attributes = attributes
                annotation.attribute_count = 1
                return sink.pointee.emit(sink, &annotation)
            }
        }
    }
}

/// The plugin's one exported symbol: `const gloss_plugin_descriptor_t *gloss_plugin_entry(void)`.
/// It returns a raw pointer because C sees only the address; the descriptor type stays
/// an implementation detail of this module.
@_cdecl("gloss_plugin_entry")
public func glossPluginEntry() -> UnsafeRawPointer {
    UnsafeRawPointer(descriptor)
}
