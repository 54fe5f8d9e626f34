// gloss.date -- dates, times, durations and sets in Arabic and English, as TIMEX3 values.
//
// SPDX-License-Identifier: Apache-2.0

import Foundation
import GlossPluginABI

/// The descriptor and its strings live for the life of the process, as the ABI requires:
/// built once on the first call to the entry function and never freed. `nonisolated(unsafe)`
/// is sound because the memory is written only during that one-time initialization.
nonisolated(unsafe) private let descriptor: UnsafeMutablePointer<gloss_plugin_descriptor_t> = {
    func cString(_ string: String) -> UnsafePointer<CChar> {
        UnsafePointer(strdup(string)!)
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
    pointer.pointee.id = cString("gloss.date")
    pointer.pointee.version = cString("0.1.0")
    pointer.pointee.description = cString("Dates, times and durations in Arabic and English, as TIMEX3 values")
    pointer.pointee.languages = cList(["*"])
    pointer.pointee.annotation_types = cList(["date", "time", "duration", "set"])
    pointer.pointee.required_plugins = nil
    pointer.pointee.create = { _, instance in
        instance?.pointee = nil
        return gloss_status_t(GLOSS_STATUS_OK)
    }
    pointer.pointee.destroy = { _ in }
    pointer.pointee.analyze = { _, document, sink in
        guard let document, let sink, let text = document.pointee.text else {
            return gloss_status_t(GLOSS_STATUS_INVALID_ARGUMENT)
        }
        let bytes = UnsafeBufferPointer(start: UnsafeRawPointer(text).assumingMemoryBound(to: UInt8.self),
                                        count: Int(document.pointee.text_length))
        let string = String(decoding: bytes, as: UTF8.self)
        let reference = Date(timeIntervalSince1970: Double(document.pointee.reference_time_unix_ms) / 1000)
        for mention in DateTagger(reference: reference).tag(string) {
            if emit(mention, sink: sink) == GLOSS_STATUS_STOP { break }
        }
        return gloss_status_t(GLOSS_STATUS_OK)
    }
    return pointer
}()

/// Emits one mention with its attributes; the C strings live until emit returns.
private func emit(_ mention: DateMention, sink: UnsafePointer<gloss_sink_t>) -> gloss_status_t {
    var pairs: [(String, String)] = []
    if let value = mention.value { pairs.append(("value", value)) }
    if let mod = mention.mod { pairs.append(("mod", mod)) }
    if let begin = mention.begin { pairs.append(("begin", begin)) }
    if let finish = mention.finish { pairs.append(("end", finish)) }
    if let hijri = mention.hijri { pairs.append(("calendar", "islamic-umalqura")); pairs.append(("hijri", hijri)) }
    let strings = pairs.flatMap { [strdup($0.0)!, strdup($0.1)!] }
    let type = strdup(mention.kind.rawValue)!
    defer { strings.forEach { free($0) }; free(type) }
    var attributes = (0..<pairs.count).map { index -> gloss_attribute_t in
        var attribute = gloss_attribute_t()
        attribute.key = UnsafePointer(strings[2 * index])
        attribute.kind = gloss_value_kind_t(GLOSS_VALUE_STRING)
        attribute.string_value = UnsafePointer(strings[2 * index + 1])
        return attribute
    }
    return attributes.withUnsafeMutableBufferPointer { buffer in
        var annotation = gloss_annotation_t()
        annotation.struct_size = UInt32(MemoryLayout<gloss_annotation_t>.size)
        annotation.type = UnsafePointer(type)
        annotation.start = UInt64(mention.start)
        annotation.end = UInt64(mention.end)
        annotation.confidence = 0.9
        annotation.attributes = UnsafePointer(buffer.baseAddress)
        annotation.attribute_count = UInt64(buffer.count)
        return sink.pointee.emit(sink, &annotation)
    }
}

/// The plugin's one exported symbol: `const gloss_plugin_descriptor_t *gloss_plugin_entry(void)`.
@_cdecl("gloss_plugin_entry")
public func glossPluginEntry() -> UnsafeRawPointer {
    UnsafeRawPointer(descriptor)
}
