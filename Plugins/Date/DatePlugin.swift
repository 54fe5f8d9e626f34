// gloss.date -- dates, times, durations and sets in Arabic and English, as TIMEX3 values.
//
// SPDX-License-Identifier: Apache-2.0

import Foundation
import GlossPluginABI
import GlossPluginKit

/// Built once, on the first call to the entry function, and never freed, as the ABI requires.
/// `nonisolated(unsafe)` is sound because the memory is written only during that initialization.
nonisolated(unsafe) private let descriptor = PluginKit.makeDescriptor(
    id: "gloss.date", version: "0.1.0",
    description: "Dates, times and durations in Arabic and English, as TIMEX3 values",
    languages: ["*"], annotationTypes: ["date", "time", "duration", "set"],
    concurrent: true  // no mutable state
) { _, document, sink in
    guard let document, let sink, let text = PluginKit.text(of: document) else {
        return gloss_status_t(GLOSS_STATUS_INVALID_ARGUMENT)
    }
    let reference = Date(timeIntervalSince1970: Double(document.pointee.reference_time_unix_ms) / 1000)
    for mention in DateTagger(reference: reference).tag(text) {
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

/// The plugin's one exported symbol: `const gloss_plugin_descriptor_t *gloss_plugin_entry(void)`.
@_cdecl("gloss_plugin_entry")
public func glossPluginEntry() -> UnsafeRawPointer {
    UnsafeRawPointer(descriptor)
}
