internal import Foundation
internal import GlossCore
internal import GlossHost

/// The daemon's shared, mutable state: the configuration generation, the live workers,
/// and what `gloss status` shows.
actor DaemonState {
    private(set) var settings: Settings
    /// Bumped by every accepted reload; workers of an older generation are replaced
    /// before they take their next file.
    private(set) var generation = 0
    /// The validated copy of the configuration file that workers of this generation read.
    private(set) var configurationSnapshot: String?
    private var state = "starting"
    private let started = Timestamp.format(Date())
    private var spools: [String] = []
    private var watch = ""
    private var analyzers: [String] = []
    private var workers: [ObjectIdentifier: (process: WorkerProcess, file: String?)] = [:]
    private var recentErrors: [String] = []
    private var refusalsLoggedForGeneration = -1

    init(settings: Settings) {
        self.settings = settings
    }

    func started(spools: [String], watch: String, analyzers: [String]) {
        self.spools = spools
        self.watch = watch
        self.analyzers = analyzers
        state = "running"
    }

    func setState(_ state: String) { self.state = state }

    func reload(settings: Settings, configurationSnapshot: String?, generation: Int) -> Int {
        self.settings = settings
        self.configurationSnapshot = configurationSnapshot
        self.generation = generation
        return generation
    }

    /// Whether plugin refusals of the current generation still need logging (once each).
    func shouldLogRefusals() -> Bool {
        guard refusalsLoggedForGeneration != generation else { return false }
        refusalsLoggedForGeneration = generation
        return true
    }

    func register(_ slot: ObjectIdentifier, process: WorkerProcess) { workers[slot] = (process, nil) }
    func unregister(_ slot: ObjectIdentifier) { workers[slot] = nil }
    func assign(_ slot: ObjectIdentifier, file: String?) { workers[slot]?.file = file }

    func recordError(_ message: String) {
        recentErrors.append("\(Timestamp.format(Date())) \(message)")
        if recentErrors.count > 10 { recentErrors.removeFirst(recentErrors.count - 10) }
    }

    /// Kills every worker (shutdown deadline passed); their files are abandoned.
    func killAllWorkers() {
        for (_, worker) in workers { worker.process.kill(.retired) }
    }

    func snapshot(counts: SpoolScheduler.Counts) -> DaemonStatus {
        DaemonStatus(
            pid: getpid(), state: state, started: started, updated: Timestamp.format(Date()), spools: spools,
            watch: watch, analyzers: analyzers,
            workers: workers.values.map { DaemonStatus.Worker(pid: $0.process.processIdentifier, file: $0.file) }
                .sorted { $0.pid < $1.pid },
            settling: counts.settling, queued: counts.queued, running: counts.running, analyzed: counts.analyzed,
            partial: counts.partial, failed: counts.failed, upToDate: counts.upToDate, recentErrors: recentErrors)
    }
}
