internal import CLinuxSupport
internal import DequeModule
internal import Foundation
internal import GlossCore

/// Decides when a file in the spool is ready, and hands ready files to workers, oldest
/// first, each at most once at a time.
///
/// A path noted by an event or a scan first *settles*: it is taken only once its size,
/// modification time and inode stayed the same for the settle time and no process has it
/// open for writing. A file moved into the spool settles at once. Everything held here is
/// paths and stamps, never contents, so a burst of 100,000 files costs a few megabytes.
actor SpoolScheduler {
    struct Counts: Sendable, Equatable {
        var settling = 0
        var queued = 0
        var running = 0
        var analyzed = 0
        var partial = 0
        var failed = 0
        var upToDate = 0
    }

    private struct Pending {
        var stamp: FileStamp
        var due: ContinuousClock.Instant
    }

    private let roots: [String]
    private let rules: SpoolRules
    private let settleTime: Duration
    private let clock = ContinuousClock()

    private var settling: [String: Pending] = [:]
    private var settleOrder = Deque<String>()
    private var immediateOrder = Deque<String>()
    private var queue = Deque<String>()
    private var queued = Set<String>()
    private var dispatchedStamps: [String: FileStamp] = [:]
    private var running = Set<String>()
    private var changedWhileRunning = Set<String>()
    /// The stamp each file had when it was last handed out and finished: a rescan skips
    /// files whose stamp is unchanged and whose result still exists.
    private var processed: [String: FileStamp] = [:]
    private var waiters: [CheckedContinuation<String?, Never>] = []
    private(set) var isAccepting = true
    private(set) var counts = Counts()

    init(roots: [String], rules: SpoolRules, settleTime: Duration) {
        self.roots = roots
        self.rules = rules
        self.settleTime = settleTime
    }

    /// The spool root `path` lies in, if any.
    func root(of path: String) -> String? {
        roots.first { path.hasPrefix($0 + "/") }
    }

    private func isInput(_ path: String) -> Bool {
        guard let root = root(of: path) else { return false }
        return rules.isInput(relativePath: String(path.dropFirst(root.count + 1)))
    }

    /// An event says `path` may have changed; `immediate` for renames and new links.
    func noteChange(_ path: String, immediate: Bool) {
        guard isAccepting, isInput(path) else { return }
        if running.contains(path) {
            changedWhileRunning.insert(path)
            return
        }
        guard !queued.contains(path), let stamp = FileStamp(path: path) else { return }
        settle(path, stamp: stamp, immediate: immediate)
        // A renamed file is complete now: queue it now, not at the next tick.
        if immediate { tick() }
    }

    /// A scan found these inputs (oldest first); queue the ones not known to be done.
    func noteScan(_ entries: [SpoolScanner.Entry], complete: Bool) {
        guard isAccepting else { return }
        if complete {
            // Forget files that are gone, so the cache stays as large as the spool.
            let present = Set(entries.map(\.path))
            processed = processed.filter { present.contains($0.key) }
        }
        for entry in entries where !running.contains(entry.path) && !queued.contains(entry.path) && settling[entry.path] == nil {
            if processed[entry.path] == entry.stamp, FileStamp(path: entry.path + ".gloss.json") != nil { continue }
            settle(entry.path, stamp: entry.stamp, immediate: false)
        }
        updateCounts()
    }

    private func settle(_ path: String, stamp: FileStamp, immediate: Bool) {
        let isNew = settling[path] == nil
        settling[path] = Pending(stamp: stamp, due: immediate ? clock.now : clock.now.advanced(by: settleTime))
        if immediate {
            immediateOrder.append(path)
        } else if isNew {
            settleOrder.append(path)
        }
        updateCounts()
    }

    /// Moves settled files to the queue. Called often (every 100 ms) by the daemon's loop.
    func tick() {
        let now = clock.now
        for immediate in [true, false] {
            var deferred: [(String, FileStamp)] = []
            while let path = immediate ? immediateOrder.first : settleOrder.first {
                guard let pending = settling[path] else {
                    _ = immediate ? immediateOrder.removeFirst() : settleOrder.removeFirst()
                    continue
                }
                if pending.due > now { break }
                _ = immediate ? immediateOrder.removeFirst() : settleOrder.removeFirst()
                guard let current = FileStamp(path: path) else {
                    settling[path] = nil
                    continue
                }
                if current != pending.stamp || (current.isRegularFile && Self.isOpenForWriting(path)) {
                    settling[path] = nil
                    deferred.append((path, current))
                    continue
                }
                settling[path] = nil
                enqueue(path, stamp: current)
            }
            for (path, stamp) in deferred { settle(path, stamp: stamp, immediate: false) }
        }
        updateCounts()
    }

    private func enqueue(_ path: String, stamp: FileStamp) {
        dispatchedStamps[path] = stamp
        if !waiters.isEmpty {
            running.insert(path)
            waiters.removeFirst().resume(returning: path)
        } else {
            queue.append(path)
            queued.insert(path)
        }
        updateCounts()
    }

    /// The next file to analyze, waiting until there is one; `nil` once shutting down.
    func nextJob() async -> String? {
        guard isAccepting else { return nil }
        if let path = queue.popFirst() {
            queued.remove(path)
            running.insert(path)
            updateCounts()
            return path
        }
        return await withCheckedContinuation { waiters.append($0) }
    }

    enum Outcome: Sendable { case ok, partial, failed, upToDate, abandoned }

    /// A worker is done with `path`.
    func finish(_ path: String, outcome: Outcome) {
        running.remove(path)
        switch outcome {
        case .ok: counts.analyzed += 1
        case .partial: counts.analyzed += 1; counts.partial += 1
        case .failed: counts.analyzed += 1; counts.failed += 1
        case .upToDate: counts.upToDate += 1
        case .abandoned: break
        }
        if outcome != .abandoned, let stamp = dispatchedStamps[path] { processed[path] = stamp }
        dispatchedStamps[path] = nil
        if changedWhileRunning.remove(path) != nil { noteChange(path, immediate: false) }
        updateCounts()
    }

    /// Stops handing out work: waiting workers get `nil`; running ones finish.
    func stopAccepting() {
        isAccepting = false
        waiters.forEach { $0.resume(returning: nil) }
        waiters.removeAll()
    }

    var runningPaths: [String] { running.sorted() }

    private func updateCounts() {
        counts.settling = settling.count
        counts.queued = queue.count
        counts.running = running.count
    }

    /// Whether some process has `path` open for writing: a read lease cannot be taken then.
    /// Needs ownership of the file or CAP_LEASE; without them the check is skipped.
    private static func isOpenForWriting(_ path: String) -> Bool {
        let descriptor = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOFOLLOW)
        guard descriptor >= 0 else { return false }
        defer { close(descriptor) }
        if gloss_set_lease(descriptor, Int32(F_RDLCK)) == 0 {
            _ = gloss_set_lease(descriptor, Int32(F_UNLCK))
            return false
        }
        return errno == EAGAIN
    }
}
