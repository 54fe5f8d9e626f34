internal import CLinuxSupport
internal import Foundation
internal import GlossCore
internal import Synchronization

/// Watches spool directories recursively with inotify and reports what may need work.
///
/// Events are hints, not facts: the scheduler re-examines every path it is told about,
/// and rescans everything after an `overflow`. Directories created later are watched as
/// soon as their creation is seen; files already in them are reported by a scan of that
/// directory (`directoryAdded`). A blocking reader runs on a thread of its own.
///
/// `@unchecked Sendable`: the watch table is only touched by the reader thread (and by
/// `init` before that thread starts); `stopped` is a mutex-guarded flag.
final class SpoolWatcher: @unchecked Sendable {
    enum Event: Sendable, Equatable {
        /// A file was closed after writing (`renamed` false) or moved into a spool, or a
        /// symbolic link was created (`renamed` true: complete at once).
        case fileChanged(path: String, renamed: Bool)
        /// A directory appeared (created or moved in); scan it.
        case directoryAdded(path: String)
        /// The kernel dropped events; rescan everything.
        case overflow
    }

    struct Unavailable: Error, CustomStringConvertible {
        var description: String
    }

    let events: AsyncStream<Event>
    private let continuation: AsyncStream<Event>.Continuation
    private let descriptor: Int32
    private let rules: SpoolRules
    private var directories: [Int32: String] = [:]
    private let stopped = Mutex(false)

    private static let directoryMask: UInt32 = UInt32(IN_CLOSE_WRITE) | UInt32(IN_MOVED_TO) | UInt32(IN_CREATE)
        | UInt32(IN_DELETE_SELF) | UInt32(IN_ONLYDIR)

    /// Starts watching `roots` and every directory below them. Throws `Unavailable` when
    /// inotify cannot be used (no instance left, or a network filesystem, where changes
    /// made on other machines never produce events).
    init(roots: [String], rules: SpoolRules) throws {
        self.rules = rules
        (events, continuation) = AsyncStream.makeStream(of: Event.self)
        for root in roots {
            if let filesystem = Self.networkFilesystem(at: root) {
                throw Unavailable(description: "\(root) is on a network filesystem (\(filesystem)), where inotify misses changes made by other machines")
            }
        }
        descriptor = inotify_init1(Int32(IN_CLOEXEC | IN_NONBLOCK))
        guard descriptor >= 0 else {
            throw Unavailable(description: "inotify_init1 failed: \(String(cString: strerror(errno))) (see fs.inotify.max_user_instances)")
        }
        for root in roots { try addTree(root) }
        let thread = Thread { [self] in readLoop() }
        thread.name = "gloss-inotify"
        thread.start()
    }

    func stop() {
        stopped.withLock { $0 = true }
    }

    private func addTree(_ directory: String) throws {
        let watch = inotify_add_watch(descriptor, directory, Self.directoryMask)
        guard watch >= 0 else {
            let reason = String(cString: strerror(errno))
            throw Unavailable(description: "cannot watch \(directory): \(reason)\(errno == ENOSPC ? " (raise fs.inotify.max_user_watches)" : "")")
        }
        directories[watch] = directory
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        for name in names where rules.isWatchedDirectory(name: name) {
            let path = directory + "/" + name
            if let stamp = FileStamp(path: path), !stamp.isRegularFile, !stamp.isSymbolicLink, Self.isDirectory(path) {
                try addTree(path)
            }
        }
    }

    private static func isDirectory(_ path: String) -> Bool {
        var status = stat()
        return lstat(path, &status) == 0 && status.st_mode & S_IFMT == S_IFDIR
    }

    private func readLoop() {
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        var poller = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
        while !stopped.withLock({ $0 }) {
            let ready = poll(&poller, 1, 200)
            if ready <= 0 { continue }
            let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count <= 0 { continue }
            var offset = 0
            while offset + MemoryLayout<inotify_event>.size <= count {
                let (event, name) = buffer.withUnsafeBytes { raw -> (inotify_event, String) in
                    let event = raw.loadUnaligned(fromByteOffset: offset, as: inotify_event.self)
                    let nameStart = offset + MemoryLayout<inotify_event>.size
                    let nameBytes = raw[nameStart..<(nameStart + Int(event.len))].prefix { $0 != 0 }
                    return (event, String(decoding: nameBytes, as: UTF8.self))
                }
                offset += MemoryLayout<inotify_event>.size + Int(event.len)
                handle(event, name: name)
            }
        }
        close(descriptor)
        continuation.finish()
    }

    private func handle(_ event: inotify_event, name: String) {
        let mask = event.mask
        if mask & UInt32(IN_Q_OVERFLOW) != 0 {
            continuation.yield(.overflow)
            return
        }
        if mask & UInt32(IN_IGNORED) != 0 {
            directories[event.wd] = nil
            return
        }
        guard let directory = directories[event.wd], !name.isEmpty else { return }
        let path = directory + "/" + name
        if mask & UInt32(IN_ISDIR) != 0 {
            if mask & (UInt32(IN_CREATE) | UInt32(IN_MOVED_TO)) != 0, rules.isWatchedDirectory(name: name) {
                try? addTree(path)
                continuation.yield(.directoryAdded(path: path))
            }
            return
        }
        if mask & UInt32(IN_CLOSE_WRITE) != 0 {
            continuation.yield(.fileChanged(path: path, renamed: false))
        } else if mask & UInt32(IN_MOVED_TO) != 0 {
            continuation.yield(.fileChanged(path: path, renamed: true))
        } else if mask & UInt32(IN_CREATE) != 0, FileStamp(path: path)?.isSymbolicLink == true {
            continuation.yield(.fileChanged(path: path, renamed: true))
        }
    }

    /// The name of the network filesystem `path` is on, if it is on one.
    static func networkFilesystem(at path: String) -> String? {
        var info = statfs()
        guard statfs(path, &info) == 0 else { return nil }
        let known: [Int: String] = [
            0x6969: "NFS", 0x517B: "SMB", 0xFF53_4D42: "CIFS", 0xFE53_4D42: "SMB2",
            0x5346_414F: "AFS", 0x0BD0_0BD0: "Lustre", 0x0102_1997: "9P", 0x6573_5546: "FUSE",
        ]
        return known[Int(info.f_type) & 0xFFFF_FFFF]
    }
}
