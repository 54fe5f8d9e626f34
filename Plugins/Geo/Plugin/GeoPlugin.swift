// gloss.geo -- place names in Arabic and English, resolved against an embedded GeoNames
// gazetteer by stacking evidence, with the clues that decided each one.
//
// SPDX-License-Identifier: Apache-2.0

import GlossGeo
import GlossPluginABI
import GlossPluginKit

/// Built once, on the first call to the entry function, and never freed, as the ABI requires.
/// `nonisolated(unsafe)` is sound because the memory is written only during that initialization.
nonisolated(unsafe) private let descriptor = PluginKit.makeDescriptor(
    id: "gloss.geo", version: "0.1.0",
    description: "Places in Arabic and English, resolved to GeoNames with the evidence that decided",
    languages: ["ar", "en"], annotationTypes: ["place", "focus"],
    optionallyReads: ["gloss.entity"],  // no place inside a person or an organization it found
    concurrent: true,  // the gazetteer is immutable
    create: { host, instance in
        guard let host, let instance else { return gloss_status_t(GLOSS_STATUS_INVALID_ARGUMENT) }
        do {
            _ = try Gazetteer.embedded()
        } catch {
            PluginKit.log(host, GLOSS_LOG_ERROR, "gloss.geo cannot read its embedded gazetteer: \(error). Reinstall the plugin.")
            return gloss_status_t(GLOSS_STATUS_ERROR)
        }
        instance.pointee = nil
        return gloss_status_t(GLOSS_STATUS_OK)
    }
) { _, document, sink in
    guard let document, let sink, let text = PluginKit.text(of: document) else {
        return gloss_status_t(GLOSS_STATUS_INVALID_ARGUMENT)
    }
    guard let gazetteer = try? Gazetteer.embedded() else {
        sink.pointee.set_error(sink, "gloss.geo cannot read its embedded gazetteer; reinstall the plugin.")
        return gloss_status_t(GLOSS_STATUS_ERROR)
    }
    let blocked = PluginKit.earlierAnnotations(of: document)
        .filter { $0.analyzer == "gloss.entity" && ($0.type == "person" || $0.type == "organization") }
        .map { GeoBlockedSpan(start: $0.start, end: $0.end) }
    let result = GeoAnalysis.run(text, gazetteer: gazetteer, blocked: blocked)
    for place in result.places {
        let status = PluginKit.emit(sink, type: "place", start: place.start, end: place.end, confidence: place.confidence,
                                    values: place.attributes)
        if status == GLOSS_STATUS_STOP { return gloss_status_t(GLOSS_STATUS_OK) }
    }
    if let focus = result.focus {
        _ = PluginKit.emit(sink, type: "focus", start: 0, end: text.utf8.count, confidence: 1, values: focus)
    }
    return gloss_status_t(GLOSS_STATUS_OK)
}

/// The plugin's one exported symbol: `const gloss_plugin_descriptor_t *gloss_plugin_entry(void)`.
@_cdecl("gloss_plugin_entry")
public func glossPluginEntry() -> UnsafeRawPointer {
    UnsafeRawPointer(descriptor)
}
