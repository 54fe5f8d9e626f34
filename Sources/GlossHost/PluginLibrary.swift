internal import Foundation
internal import GlossCore
internal import GlossPluginABI

/// A plugin shared library, opened and checked.
///
/// `@unchecked Sendable`: the descriptor points into the library's static, constant data,
/// which stays mapped for the life of the process because Gloss never calls `dlclose`
/// (Swift code cannot be unloaded safely); nothing here is mutated after `init`.
public final class PluginLibrary: @unchecked Sendable {
    /// Absolute path of the file that was opened.
    public let path: String
    public let descriptor: PluginDescriptor
    let raw: UnsafePointer<gloss_plugin_descriptor_t>

    /// The size of the descriptor in ABI 1.0; a plugin built for a later minor may be larger.
    /// The size of an ABI 1.0 descriptor: what every plugin of this major has. Fields after
    /// it (ABI 1.1: `optional_plugins`) are read only when the plugin's struct_size covers them.
    static let minimumDescriptorSize = MemoryLayout<gloss_plugin_descriptor_t>.offset(of: \gloss_plugin_descriptor_t.optional_plugins)!

    /// Opens `path` with `dlopen(RTLD_NOW | RTLD_LOCAL)` and checks its descriptor.
    ///
    /// Throws ``PluginLoadError`` for anything a plugin can get wrong. The library is never
    /// closed, even when refused: its constructors may already have run.
    public init(path: String) throws(PluginLoadError) {
        self.path = path
        guard let handle = dlopen(path, RTLD_NOW | RTLD_LOCAL) else {
            let detail = dlerror().map { String(cString: $0) } ?? "unknown error"
            throw PluginLoadError(code: .cannotOpen, path: path, reason: "dlopen failed: \(detail). Check that the file is a shared library built for this machine and that the libraries it needs are installed (ldd \(path)).")
        }
        guard let symbol = dlsym(handle, GLOSS_PLUGIN_ENTRY_SYMBOL) else {
            throw PluginLoadError(code: .missingEntry, path: path, reason: "it does not export the function gloss_plugin_entry, so it is not a Gloss plugin. Define `GLOSS_PLUGIN_EXPORT const gloss_plugin_descriptor_t *gloss_plugin_entry(void)` (see docs/PLUGINS.md), or move the file out of the plugin directory.")
        }
        let entry = unsafeBitCast(symbol, to: gloss_plugin_entry_fn.self)
        guard let raw = entry() else {
            throw PluginLoadError(code: .nullDescriptor, path: path, reason: "gloss_plugin_entry() returned NULL; it must return a pointer to a static descriptor.")
        }
        self.raw = raw
        self.descriptor = try Self.check(raw, path: path)
    }

    private static func check(_ raw: UnsafePointer<gloss_plugin_descriptor_t>, path: String) throws(PluginLoadError) -> PluginDescriptor {
        // struct_size and the version sit at the same offsets in every version of the ABI;
        // read them before trusting the rest of the layout.
        let bytes = UnsafeRawPointer(raw)
        let structSize = bytes.load(as: UInt32.self)
        let major = bytes.load(fromByteOffset: 4, as: UInt16.self)
        let minor = bytes.load(fromByteOffset: 6, as: UInt16.self)
        guard major == GLOSS_ABI_VERSION_MAJOR else {
            throw PluginLoadError(code: .abiMajorMismatch, path: path, reason: "it was built for Gloss plugin ABI \(major).\(minor), but this gloss speaks ABI \(hostABIVersion); major versions must match. Rebuild the plugin against the gloss_plugin.h that comes with this gloss, or use a gloss that speaks ABI \(major).x.")
        }
        guard Int(structSize) >= minimumDescriptorSize else {
            throw PluginLoadError(code: .descriptorTooSmall, path: path, reason: "its descriptor says struct_size = \(structSize), but ABI \(hostABIVersion) descriptors are at least \(minimumDescriptorSize) bytes. Set struct_size = sizeof(gloss_plugin_descriptor_t).")
        }
        // Copy only what the plugin declared: a 1.0 descriptor ends before the 1.1 fields,
        // which then stay zero here instead of being read past its end.
        var d = gloss_plugin_descriptor_t()
        withUnsafeMutableBytes(of: &d) { copy in
            copy.copyMemory(from: UnsafeRawBufferPointer(start: bytes, count: min(Int(structSize), copy.count)))
        }
        let id = Self.string(d.id)
        let unknownFlags = d.flags & ~UInt64(GLOSS_PLUGIN_KNOWN_FLAGS_1_0)
        guard unknownFlags == 0 else {
            throw PluginLoadError(code: .unknownFlags, path: path, pluginID: id, reason: "its descriptor sets flag bits 0x\(String(unknownFlags, radix: 16)) that ABI \(hostABIVersion) does not define. Clear them (only GLOSS_PLUGIN_FLAG_* constants from gloss_plugin.h are allowed).")
        }
        let reserved = withUnsafeBytes(of: d.reserved) { Array($0.bindMemory(to: UInt64.self)) }
        if let index = reserved.firstIndex(where: { $0 != 0 }) {
            throw PluginLoadError(code: .reservedNotZero, path: path, pluginID: id, reason: "its descriptor has reserved[\(index)] = \(reserved[index]); reserved words must be zero. Initialize the descriptor with designated initializers so unused fields are zero.")
        }
        func invalid(_ what: String) -> PluginLoadError {
            PluginLoadError(code: .invalidDescriptor, path: path, pluginID: id, reason: "its descriptor is invalid: \(what)")
        }
        guard let id else { throw invalid("id is NULL or not UTF-8; set it to \"vendor.name\"") }
        guard Identifiers.isValidPluginID(id) else {
            throw invalid("id \"\(id)\" is not of the form vendor.name (lower-case letters, digits, '_' and '-', at least one dot)")
        }
        guard let version = Self.string(d.version), !version.isEmpty else { throw invalid("version is NULL or empty") }
        guard d.create != nil, d.analyze != nil else { throw invalid("create and analyze must both be set") }
        guard let languages = Self.list(d.languages), !languages.isEmpty else {
            throw invalid("languages must list at least one language tag (\"ar\", \"en\") or \"*\"")
        }
        guard let types = Self.list(d.annotation_types), !types.isEmpty else {
            throw invalid("annotation_types must list at least one annotation type")
        }
        if let bad = types.first(where: { !Identifiers.isValidName($0) }) {
            throw invalid("annotation type \"\(bad)\" must match ^[a-z][a-z0-9_]*$")
        }
        // The field is not called `requires`: that is a keyword in C++20.
        let requires = d.required_plugins == nil ? [] : Self.list(d.required_plugins)
        guard let requires else { throw invalid("required_plugins holds a string that is not UTF-8") }
        if let bad = requires.first(where: { !Identifiers.isValidPluginID($0) }) {
            throw invalid("required_plugins names \"\(bad)\", which is not a plugin id")
        }
        let optional = d.optional_plugins == nil ? [] : Self.list(d.optional_plugins)
        guard let optional else { throw invalid("optional_plugins holds a string that is not UTF-8") }
        if let bad = optional.first(where: { !Identifiers.isValidPluginID($0) }) {
            throw invalid("optional_plugins names \"\(bad)\", which is not a plugin id")
        }
        return PluginDescriptor(
            id: id, version: version, description: Self.string(d.description) ?? "",
            abiMajor: Int(major), abiMinor: Int(minor), languages: languages,
            annotationTypes: types, requires: requires, optionallyReads: optional.filter { !requires.contains($0) && $0 != id },
            isConcurrent: d.flags & UInt64(GLOSS_PLUGIN_FLAG_CONCURRENT) != 0)
    }

    static func string(_ pointer: UnsafePointer<CChar>?) -> String? {
        guard let pointer else { return nil }
        return String(validatingCString: pointer)
    }

    /// A NULL-terminated array of strings; `nil` if the array is NULL or holds non-UTF-8.
    /// Stops after 1,024 entries: a descriptor list that long is a missing terminator.
    static func list(_ pointer: UnsafePointer<UnsafePointer<CChar>?>?) -> [String]? {
        guard let pointer else { return nil }
        var result: [String] = []
        var index = 0
        while let element = pointer[index] {
            guard let string = String(validatingCString: element), index < 1024 else { return nil }
            result.append(string)
            index += 1
        }
        return result
    }
}
