internal import Foundation
internal import GlossPluginABI
internal import Logging
internal import Synchronization

/// The host-services table one plugin instance receives, and the state behind it.
///
/// `@unchecked Sendable`: `table` is written once in `init` and only read afterwards;
/// the C strings handed out by `config_get` live in `issued`, guarded by a mutex, and are
/// freed only in `deinit`, after the instance using them was destroyed.
final class HostServices: @unchecked Sendable {
    let pluginID: String
    let logger: Logger
    let settings: [String: String]
    let table: UnsafeMutablePointer<gloss_host_t>
    private let dataDirectory: UnsafeMutablePointer<CChar>?
    private let issued = Mutex<[String: UnsafeMutablePointer<CChar>]>([:])

    init(pluginID: String, settings: [String: String], dataDirectory: String?, logger: Logger) {
        self.pluginID = pluginID
        self.settings = settings
        var logger = logger
        logger[metadataKey: "analyzer"] = .string(pluginID)
        self.logger = logger
        self.dataDirectory = dataDirectory.flatMap { strdup($0) }
        table = .allocate(capacity: 1)
        table.initialize(to: gloss_host_t())
        table.pointee.struct_size = UInt32(MemoryLayout<gloss_host_t>.size)
        table.pointee.abi_major = UInt16(GLOSS_ABI_VERSION_MAJOR)
        table.pointee.abi_minor = UInt16(GLOSS_ABI_VERSION_MINOR)
        table.pointee.data_directory = UnsafePointer(self.dataDirectory)
        table.pointee.log = { host, level, message in
            guard let host, let message else { return }
            let services = HostServices.from(host)
            let text = String(decoding: UnsafeRawBufferPointer(start: message, count: strlen(message)), as: UTF8.self)
            let swiftLevel: Logger.Level = switch level {
            case GLOSS_LOG_DEBUG: .debug
            case GLOSS_LOG_INFO: .info
            case GLOSS_LOG_WARNING: .warning
            default: .error
            }
            services.logger.log(level: swiftLevel, "\(text)")
        }
        table.pointee.config_get = { host, key in
            guard let host, let key, let name = String(validatingCString: key) else { return nil }
            return UnsafePointer(HostServices.from(host).configurationValue(name))
        }
        table.pointee.host_data = Unmanaged.passUnretained(self).toOpaque()
    }

    deinit {
        issued.withLock { strings in strings.values.forEach { free($0) } }
        free(dataDirectory)
        table.deinitialize(count: 1)
        table.deallocate()
    }

    private static func from(_ host: UnsafePointer<gloss_host_t>) -> HostServices {
        Unmanaged<HostServices>.fromOpaque(host.pointee.host_data).takeUnretainedValue()
    }

    /// The value for `key` as a C string that stays valid until this object is freed; the
    /// same pointer for the same key, so repeated lookups do not grow memory.
    private func configurationValue(_ key: String) -> UnsafeMutablePointer<CChar>? {
        guard let value = settings[key] else { return nil }
        return issued.withLock { strings in
            if let existing = strings[key] { return existing }
            let copy = strdup(value)
            strings[key] = copy
            return copy
        }
    }
}
