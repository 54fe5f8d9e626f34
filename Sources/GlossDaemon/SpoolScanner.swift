internal import Foundation
internal import GlossCore
internal import GlossHost

/// Walks spool directories and lists their inputs, oldest first. Blocking: run it on a
/// thread of its own. Also removes result temporaries that a killed daemon left behind.
struct SpoolScanner: Sendable {
    struct Entry: Sendable {
        var path: String
        var stamp: FileStamp
    }

    var roots: [String]
    var rules: SpoolRules

    /// Every input under `directory` (a spool root or a directory inside one).
    func scan(_ directory: String) -> [Entry] {
        guard let root = roots.first(where: { directory == $0 || directory.hasPrefix($0 + "/") }) else { return [] }
        var entries: [Entry] = []
        var pending = [directory]
        while let current = pending.popLast() {
            guard let names = try? FileManager.default.contentsOfDirectory(atPath: current) else { continue }
            for name in names {
                let path = current + "/" + name
                guard let stamp = FileStamp(path: path) else { continue }
                if !stamp.isRegularFile && !stamp.isSymbolicLink {
                    var status = stat()
                    if lstat(path, &status) == 0, status.st_mode & S_IFMT == S_IFDIR, rules.isWatchedDirectory(name: name) {
                        pending.append(path)
                    }
                    continue
                }
                if Self.isLeftoverTemporary(name) {
                    _ = unlink(path)
                    continue
                }
                let relative = String(path.dropFirst(root.count + 1))
                if rules.isInput(relativePath: relative) { entries.append(Entry(path: path, stamp: stamp)) }
            }
        }
        return entries.sorted { ($0.stamp.modifiedNanoseconds, $0.path) < ($1.stamp.modifiedNanoseconds, $1.path) }
    }

    /// Every input in every spool, oldest first.
    func scanAll() -> [Entry] {
        roots.flatMap(scan).sorted { ($0.stamp.modifiedNanoseconds, $0.path) < ($1.stamp.modifiedNanoseconds, $1.path) }
    }

    /// A result temporary (`.<name>.gloss.json.<pid>.<n>.tmp`) whose writer is gone: a
    /// process that no longer exists, or one that is not gloss. This process's own are
    /// skipped: they may be in the middle of being written.
    static func isLeftoverTemporary(_ name: String) -> Bool {
        guard name.hasPrefix("."), name.hasSuffix(".tmp"), name.contains(ResultWriter.resultSuffix + ".") else { return false }
        let parts = name.split(separator: ".")
        guard parts.count >= 3, let pid = Int32(parts[parts.count - 3]) else { return false }
        if pid == getpid() { return false }
        if kill(pid, 0) != 0, errno == ESRCH { return true }
        let command = (try? String(contentsOfFile: "/proc/\(pid)/comm", encoding: .utf8)) ?? ""
        return !command.hasPrefix("gloss")
    }
}
