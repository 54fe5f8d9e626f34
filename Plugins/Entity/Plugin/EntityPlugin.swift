// gloss.entity -- people, organizations and places in Arabic and English text, found by a
// statistical sequence labeller (averaged perceptron, Viterbi over BIO labels) whose model is
// embedded in this library.
//
// SPDX-License-Identifier: Apache-2.0

import GlossPluginABI
import GlossPluginKit
import GlossEntity

/// Built once, on the first call to the entry function, and never freed, as the ABI requires.
/// `nonisolated(unsafe)` is sound because the memory is written only during that initialization.
nonisolated(unsafe) private let descriptor = PluginKit.makeDescriptor(
    id: "gloss.entity", version: "0.1.0",
    description: "People, organizations and places in Arabic and English (averaged perceptron)",
    languages: ["ar", "en"], annotationTypes: ["person", "organization", "location"],
    concurrent: true  // the model is immutable; each call has its own tagger
) { _, document, sink in
    guard let document, let sink, let text = document.pointee.text else {
        return gloss_status_t(GLOSS_STATUS_INVALID_ARGUMENT)
    }
    let model: EntityModel
    switch EntityModel.embedded {
    case .success(let loaded): model = loaded
    case .failure(let error):
        sink.pointee.set_error(sink, error.message)
        return gloss_status_t(GLOSS_STATUS_ERROR)
    }
    let tag = document.pointee.language.map { String(cString: $0) } ?? "ar"
    let language = EntityLanguage(tag: tag) ?? .arabic
    let bytes = UnsafeBufferPointer(start: UnsafeRawPointer(text).assumingMemoryBound(to: UInt8.self),
                                    count: Int(document.pointee.text_length))
    var tagger = EntityTagger(model: model)
    for mention in tagger.mentions(in: bytes, language: language) {
        guard let type = mention.entityClass.annotationType else { continue }
        let status = PluginKit.emit(sink, type: type, start: mention.start, end: mention.end, confidence: 0.8, attributes: [])
        if status == GLOSS_STATUS_STOP { break }
    }
    return gloss_status_t(GLOSS_STATUS_OK)
}

/// The plugin's one exported symbol: `const gloss_plugin_descriptor_t *gloss_plugin_entry(void)`.
@_cdecl("gloss_plugin_entry")
public func glossPluginEntry() -> UnsafeRawPointer {
    UnsafeRawPointer(descriptor)
}
