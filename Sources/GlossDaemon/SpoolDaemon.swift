internal import Foundation
public import GlossCore
internal import GlossHost
public import Logging
public import ServiceLifecycle
internal import UnixSignals

/// `gloss daemon`: watches the spools and gives every input exactly one result.
///
/// One `Service` whose `run` starts cooperating tasks: the event pump (inotify → scheduler),
/// the tick loop (settling, `STATUS=`, watchdog, status file), rescans (at start, after an
/// overflow, periodically, or as the poll loop), the SIGHUP handler, and one slot per
/// worker process. Graceful shutdown (SIGTERM) stops taking files and lets running ones
/// finish within `daemon.shutdown_timeout`.
public final class SpoolDaemon: Service {
    /// How to start worker processes and re-read the configuration.
    ///
    /// Workers never read the configuration file itself: the daemon copies the file it
    /// validated into its runtime directory and starts workers with that copy, so a file
    /// edited (or broken) after the last accepted reload cannot reach them.
    public struct Launch: Sendable {
        /// The `gloss` executable to re-run as `gloss worker`.
        public var executable: String
        /// The configuration file in use, if any (`--config`, `$GLOSS_CONFIG`, or the default).
        public var configurationFile: String?
        /// Options workers need besides the configuration (`--plugin …`, `--log-level …`).
        public var workerArguments: [String]
        /// Loads settings from a copy of the configuration file (with the same environment and
        /// flags); throws a message-bearing error if they are invalid.
        public var loadSettings: @Sendable (_ configurationFile: String?) async throws -> Settings

        public init(executable: String, configurationFile: String?, workerArguments: [String],
                    loadSettings: @escaping @Sendable (_ configurationFile: String?) async throws -> Settings) {
            self.executable = executable
            self.configurationFile = configurationFile
            self.workerArguments = workerArguments
            self.loadSettings = loadSettings
        }
    }

    private let initialSettings: Settings
    private let launch: Launch
    private let logger: Logger
    private let notifier = SystemdNotifier()
    private let state: DaemonState
    /// Threads for the daemon's own blocking file work: writing results, walking spools.
    private let blockingIO = BlockingExecutor(threads: 2, name: "gloss-io")

    public init(settings: Settings, launch: Launch, logger: Logger) {
        initialSettings = settings
        self.launch = launch
        self.logger = logger
        state = DaemonState(settings: settings)
    }

    public func run() async throws {
        let settings = initialSettings
        let roots = settings.daemon.spools.map { URL(fileURLWithPath: $0).resolvingSymlinksInPath().path }
        let rules = SpoolRules(excludeGlobs: settings.daemon.exclude)
        let scheduler = SpoolScheduler(roots: roots, rules: rules, settleTime: settings.daemon.settleTime)
        let scanner = SpoolScanner(roots: roots, rules: rules)
        let runtimeDirectory = settings.daemon.runtimeDirectory ?? DaemonStatus.defaultRuntimeDirectory()
        try? FileManager.default.createDirectory(atPath: runtimeDirectory, withIntermediateDirectories: true)
        let workerCount = settings.daemon.workers > 0 ? settings.daemon.workers : ProcessInfo.processInfo.activeProcessorCount
        if let snapshot = try snapshotConfiguration(into: runtimeDirectory, generation: 0) {
            _ = await state.reload(settings: settings, configurationSnapshot: snapshot, generation: 0)
        }

        // Load the plugins once up front, in a worker, to report them and refuse to start
        // without any analyzer.
        let probe = WorkerSlot(launch: launch, state: state, logger: logger, io: blockingIO)
        let analyzers = try await probe.startWorker()
        probe.retire()
        guard !analyzers.isEmpty else {
            logger.critical("No analyzer plugin could be loaded, so there is nothing to run. Run `gloss plugins list` to see where gloss looked and why plugins were refused.")
            throw DaemonError(description: "no analyzer plugin could be loaded")
        }

        var watcher: SpoolWatcher? = nil
        var watchMode = settings.daemon.watch
        if watchMode == .inotify {
            do {
                watcher = try SpoolWatcher(roots: roots, rules: rules)
            } catch {
                watchMode = .poll
                logger.warning("Watching the spool with inotify is not possible (\(error)); polling every \(settings.daemon.pollInterval) instead.",
                               metadata: MessageID.watchFallback.metadata)
            }
        }
        await state.started(spools: roots, watch: watchMode.rawValue, analyzers: analyzers)
        logger.info("gloss daemon started: watching \(roots.joined(separator: ", ")) (\(watchMode.rawValue)) with \(workerCount) worker(s) running \(analyzers.joined(separator: ", ")).",
                    metadata: MessageID.daemonStarted.metadata)

        let shutdownTimeout = settings.daemon.shutdownTimeout
        await withGracefulShutdownHandler {
            await withTaskGroup(of: Void.self) { group in
                // The first scan; READY=1 follows as soon as it is under way.
                group.addTask {
                    let entries = (try? await self.blockingIO.run { scanner.scanAll() }) ?? []
                    await scheduler.noteScan(entries, complete: true)
                }
                self.notifier.ready(status: "started; first scan under way")

                if let watcher {
                    group.addTask { await self.pumpEvents(watcher, scheduler: scheduler, scanner: scanner) }
                }
                let rescanEvery = watchMode == .poll ? settings.daemon.pollInterval : settings.daemon.rescanInterval
                group.addTask { await self.rescanPeriodically(every: rescanEvery, scheduler: scheduler, scanner: scanner) }
                group.addTask { await self.tickLoop(scheduler: scheduler, runtimeDirectory: runtimeDirectory) }
                group.addTask { await self.handleReloads() }

                // Worker slots; when they all return, the daemon is done.
                await withTaskGroup(of: Void.self) { slots in
                    for _ in 0..<workerCount {
                        slots.addTask { await self.runSlot(scheduler: scheduler) }
                    }
                    await slots.waitForAll()
                }
                watcher?.stop()
                group.cancelAll()
            }
        } onGracefulShutdown: {
            Task {
                self.notifier.stopping()
                self.logger.info("Stopping: no new files are taken; running analyses have \(shutdownTimeout) to finish.",
                                 metadata: MessageID.daemonStopping.metadata)
                await scheduler.stopAccepting()
                await self.state.setState("stopping")
                try? await Task.sleep(for: shutdownTimeout)
                // What is still running now is abandoned; the next start picks it up.
                await self.state.killAllWorkers()
            }
        }
        let status = await state.snapshot(counts: await scheduler.counts)
        try? status.write(to: runtimeDirectory)
        notifier.flush()
    }

    private func pumpEvents(_ watcher: SpoolWatcher, scheduler: SpoolScheduler, scanner: SpoolScanner) async {
        for await event in watcher.events {
            switch event {
            case .fileChanged(let path, let renamed):
                await scheduler.noteChange(path, immediate: renamed)
            case .directoryAdded(let path):
                let entries = (try? await self.blockingIO.run { scanner.scan(path) }) ?? []
                await scheduler.noteScan(entries, complete: false)
            case .overflow:
                logger.warning("The inotify event queue overflowed; rescanning every spool.", metadata: MessageID.rescanAfterOverflow.metadata)
                let entries = (try? await self.blockingIO.run { scanner.scanAll() }) ?? []
                await scheduler.noteScan(entries, complete: true)
            }
            let accepting = await scheduler.isAccepting
            if !accepting { break }
        }
    }

    private func rescanPeriodically(every interval: Duration, scheduler: SpoolScheduler, scanner: SpoolScanner) async {
        while !Task.isCancelled {
            try? await Task.sleep(for: interval)
            guard !Task.isCancelled, await scheduler.isAccepting else { return }
            let entries = (try? await self.blockingIO.run { scanner.scanAll() }) ?? []
            await scheduler.noteScan(entries, complete: true)
        }
    }

    /// Every 100 ms: move settled files to the queue, pet the watchdog, and report status.
    /// The watchdog is petted from here, the loop that moves work, so a stuck daemon stops.
    private func tickLoop(scheduler: SpoolScheduler, runtimeDirectory: String) async {
        let watchdog = notifier.watchdogInterval
        let clock = ContinuousClock()
        var lastPet = clock.now, lastFile = clock.now.advanced(by: .seconds(-10))
        var lastSummary = ""
        while !Task.isCancelled {
            await scheduler.tick()
            let now = clock.now
            if let watchdog, now - lastPet >= watchdog / 3 {
                notifier.watchdog()
                lastPet = now
            }
            let status = await state.snapshot(counts: await scheduler.counts)
            if status.summary != lastSummary {
                notifier.status(status.summary)
                lastSummary = status.summary
            }
            if now - lastFile >= .seconds(1) {
                try? status.write(to: runtimeDirectory)
                lastFile = now
            }
            try? await Task.sleep(for: .milliseconds(100))
        }
    }

    /// SIGHUP: validate the configuration again; if it is good, new workers start with it
    /// (and with the plugins found now) while running analyses finish on the old ones.
    private func handleReloads() async {
        let signals = await UnixSignalsSequence(trapping: .sighup)
        for await _ in signals {
            notifier.reloading()
            await state.setState("reloading")
            do {
                let runtimeDirectory = initialSettings.daemon.runtimeDirectory ?? DaemonStatus.defaultRuntimeDirectory()
                let next = await state.generation + 1
                let snapshot = try snapshotConfiguration(into: runtimeDirectory, generation: next)
                let settings: Settings
                do {
                    settings = try await launch.loadSettings(snapshot)
                } catch {
                    if let snapshot { try? FileManager.default.removeItem(atPath: snapshot) }
                    // The settings were read from the private copy; the operator edited the original.
                    if let snapshot, let original = launch.configurationFile {
                        throw DaemonError(description: "\(error)".replacingOccurrences(of: snapshot, with: original))
                    }
                    throw error
                }
                let previous = await state.configurationSnapshot
                let generation = await state.reload(settings: settings, configurationSnapshot: snapshot, generation: next)
                // Running workers loaded the old copy when they started; new ones read the new copy.
                if let previous, previous != snapshot { try? FileManager.default.removeItem(atPath: previous) }
                if settings.daemon.spools.map({ URL(fileURLWithPath: $0).resolvingSymlinksInPath().path }) != initialSettings.daemon.spools.map({ URL(fileURLWithPath: $0).resolvingSymlinksInPath().path })
                    || settings.daemon.workers != initialSettings.daemon.workers || settings.daemon.watch != initialSettings.daemon.watch {
                    logger.warning("Configuration reloaded, but changes to daemon.spools, daemon.workers and daemon.watch take effect only after a restart.",
                                   metadata: MessageID.configurationReloaded.metadata)
                }
                logger.notice("Configuration reloaded (generation \(generation)); new workers load the plugins again.",
                              metadata: MessageID.configurationReloaded.metadata)
            } catch {
                logger.error("The new configuration was refused, the running one is kept: \(error)",
                             metadata: MessageID.configurationRejected.metadata)
                await state.recordError("configuration refused: \(error)")
            }
            await state.setState("running")
            notifier.ready(status: "running")
        }
    }

    private func runSlot(scheduler: SpoolScheduler) async {
        let slot = WorkerSlot(launch: launch, state: state, logger: logger, io: blockingIO)
        while let path = await scheduler.nextJob() {
            let outcome = await slot.process(path, root: await scheduler.root(of: path), scheduler: scheduler)
            await scheduler.finish(path, outcome: outcome)
        }
        slot.retire()
    }
}

extension SpoolDaemon {
    /// Copies the configuration file to `<runtime directory>/gloss-<generation>.yaml`, the
    /// copy workers of that generation read; `nil` when there is no configuration file.
    private func snapshotConfiguration(into directory: String, generation: Int) throws -> String? {
        guard let source = launch.configurationFile else { return nil }
        let target = directory + "/gloss-\(generation).yaml"
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: source))
        } catch {
            throw DaemonError(description: "cannot read the configuration file \(source): \(error.localizedDescription)")
        }
        try data.write(to: URL(fileURLWithPath: target), options: .atomic)
        return target
    }
}

struct DaemonError: Error, CustomStringConvertible {
    var description: String
}
