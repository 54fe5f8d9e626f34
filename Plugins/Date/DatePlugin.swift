// gloss.date -- dates, times, durations and sets in Arabic and English, as TIMEX3 values.
//
// SPDX-License-Identifier: Apache-2.0

import Foundation
import GlossPluginABI
import GlossPluginKit

/// Built once, on the first call to the entry function, and never freed, as the ABI requires.
/// `nonisolated(unsafe)` is sound because the memory is written only during that initialization.
nonisolated(unsafe) private let descriptor = PluginKit.makeDescriptor(
    id: "gloss.date", version: "0.2.0",
    description: "Dates, times and durations in Arabic and English, as TIMEX3 values",
    languages: ["*"], annotationTypes: ["date", "time", "duration", "set"],
    concurrent: true,  // the instance is read-only after create()
    create: { host, instance in
        guard let host, let instance else { return gloss_status_t(GLOSS_STATUS_INVALID_ARGUMENT) }
        let text = PluginKit.configuration(host, "numeric_order") ?? "unambiguous"
        guard let order = DateTagger.NumericOrder(rawValue: text) else {
            PluginKit.log(host, GLOSS_LOG_ERROR, "analyzers.gloss.date.numeric_order is \"\(text)\"; use day-first (11/04/2024 is 11 April), month-first (November 4), or unambiguous (the default: only dates like 25/12/2019 whose order is certain).")
            return gloss_status_t(GLOSS_STATUS_BAD_CONFIGURATION)
        }
        instance.pointee = OpaquePointer(Unmanaged.passRetained(DateOptions(numericOrder: order)).toOpaque())
        return gloss_status_t(GLOSS_STATUS_OK)
    },
    destroy: { instance in
        if let instance { Unmanaged<DateOptions>.fromOpaque(UnsafeRawPointer(instance)).release() }
    }
) { instance, document, sink in
    guard let instance, let document, let sink, let text = PluginKit.text(of: document) else {
        return gloss_status_t(GLOSS_STATUS_INVALID_ARGUMENT)
    }
    let options = Unmanaged<DateOptions>.fromOpaque(UnsafeRawPointer(instance)).takeUnretainedValue()
    let reference = Date(timeIntervalSince1970: Double(document.pointee.reference_time_unix_ms) / 1000)
    for mention in DateTagger(reference: reference, numericOrder: options.numericOrder).tag(text) {
        var attributes: [(String, String)] = []
        if let value = mention.value { attributes.append(("value", value)) }
        if let mod = mention.mod { attributes.append(("mod", mod)) }
        if let begin = mention.begin { attributes.append(("begin", begin)) }
        if let finish = mention.finish { attributes.append(("end", finish)) }
        if let hijri = mention.hijri { attributes.append(("calendar", "islamic-umalqura")); attributes.append(("hijri", hijri)) }
        let status = PluginKit.emit(sink, type: mention.kind.rawValue, start: mention.start, end: mention.end,
                                    confidence: 0.9, attributes: attributes)
        if status == GLOSS_STATUS_STOP { break }
    }
    return gloss_status_t(GLOSS_STATUS_OK)
}

/// What create() read from the configuration; immutable, shared by concurrent analyses.
private final class DateOptions: Sendable {
    let numericOrder: DateTagger.NumericOrder
    init(numericOrder: DateTagger.NumericOrder) { self.numericOrder = numericOrder }
}

/// The plugin's one exported symbol: `const gloss_plugin_descriptor_t *gloss_plugin_entry(void)`.
@_cdecl("gloss_plugin_entry")
public func glossPluginEntry() -> UnsafeRawPointer {
    UnsafeRawPointer(descriptor)
}
