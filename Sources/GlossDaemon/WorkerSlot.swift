internal import Foundation
internal import GlossCore
internal import GlossHost
internal import Logging

/// One place for one analysis at a time, served by one worker process at a time.
///
/// A worker that crashes, overruns the time limit or the memory limit on a file is killed
/// and replaced; the file is then analyzed again in the new worker with the analyzer that
/// was running excluded (reported as crashed, timed out or out of memory), so the other
/// analyzers' annotations are kept. Each retry excludes one more analyzer, so a file is
/// tried at most once per analyzer: never in a loop.
///
/// Not `Sendable`: a slot belongs to the one task that runs it.
final class WorkerSlot {
    private let launch: SpoolDaemon.Launch
    private let state: DaemonState
    private let logger: Logger
    private let io: BlockingExecutor
    private var worker: WorkerProcess?
    private var events: AsyncStream<WorkerProcess.Event>.AsyncIterator?
    private var analyzers: [String] = []

    init(launch: SpoolDaemon.Launch, state: DaemonState, logger: Logger, io: BlockingExecutor) {
        self.launch = launch
        self.state = state
        self.logger = logger
        self.io = io
    }

    private var identity: ObjectIdentifier { ObjectIdentifier(self) }

    /// Starts a worker of the current generation and waits until it has loaded its plugins.
    /// Returns the analyzers it will run.
    @discardableResult
    func startWorker() async throws -> [String] {
        retire()
        let generation = await state.generation
        let configuration = await state.configurationSnapshot.map { ["--config", $0] } ?? []
        let process = try WorkerProcess(executable: launch.executable, arguments: ["worker"] + configuration + launch.workerArguments,
                                        generation: generation)
        var iterator = process.events.makeAsyncIterator()
        while let event = await iterator.next() {
            switch event {
            case .protocolEvent(.hello(let analyzers, let refused)):
                worker = process
                events = iterator
                self.analyzers = analyzers
                await state.register(identity, process: process)
                if await state.shouldLogRefusals() {
                    for refusal in refused {
                        logger.error("Plugin refused: \(refusal)", metadata: MessageID.pluginRefused.metadata)
                    }
                }
                return analyzers
            case .exited(let signal, let status):
                throw DaemonError(description: "a worker process ended while loading plugins (\(signal.map { "signal \($0)" } ?? "exit status \(status)")); check the plugins with `gloss plugins check`")
            case .protocolEvent:
                continue
            }
        }
        throw DaemonError(description: "a worker process ended while loading plugins")
    }

    /// Lets the current worker finish and exit (it exits when its request pipe closes).
    func retire() {
        worker?.retire()
        if worker != nil {
            let identity = self.identity, state = self.state
            Task { await state.unregister(identity) }
        }
        worker = nil
        events = nil
    }

    /// Analyzes one file and writes its result; returns what happened, for the counts.
    func process(_ path: String, root: String?, scheduler: SpoolScheduler) async -> SpoolScheduler.Outcome {
        if let outcome = await refuseOutsideLink(path, root: root) { return outcome }
        var exclusions: [DocumentAnalyzer.Exclusion] = []
        let started = ContinuousClock.now
        while true {
            do {
                let generation = await state.generation
                if worker == nil || worker?.generation != generation {
                    try await startWorker()
                }
            } catch {
                logger.error("Cannot start a worker process: \(error)", metadata: ["file": .string(path)])
                await state.recordError("cannot start a worker: \(error)")
                try? await Task.sleep(for: .seconds(1))
                let accepting = await scheduler.isAccepting
                if !accepting { return .abandoned }
                continue
            }
            guard let worker else { continue }
            await state.assign(identity, file: path)
            let settings = await state.settings
            let outcome = await attempt(path, exclusions: exclusions, worker: worker, settings: settings.daemon)
            await state.assign(identity, file: nil)
            switch outcome {
            case .result(let bytes, let summary):
                return await write(bytes, summary: summary, for: path, duration: started.duration(to: .now))
            case .upToDate:
                logger.debug("Result is up to date", metadata: ["file": .string(path)])
                return .upToDate
            case .died(let analyzer, let signal, let status):
                self.worker = nil
                self.events = nil
                await state.unregister(identity)
                let reason = worker.killReason
                let accepting = await scheduler.isAccepting
                if reason == .retired || !accepting { return .abandoned }
                let ending = signal.map { "was killed by signal \($0) (\(String(cString: strsignal($0))))" } ?? "exited with status \(status)"
                logger.notice("Worker process \(worker.processIdentifier) \(ending); a new worker starts in its place.",
                              metadata: MessageID.workerReplaced.metadata.merging(["pid": .stringConvertible(worker.processIdentifier)]) { $1 })
                guard let analyzer, exclusions.count < analyzers.count else {
                    let what = signal.map { "was killed by signal \($0) (\(String(cString: strsignal($0))))" } ?? "exited with status \(status)"
                    let result = AnalysisResult.failed(
                        input: InputDescription(name: (path as NSString).lastPathComponent, bytes: Int(FileStamp(path: path)?.size ?? 0)),
                        error: ResultError(code: "worker_failed", message: "The worker process \(what) outside any analyzer while reading this file; the file was not analyzed. See the journal for the worker's messages."))
                    return await write(result.serialized(), for: path, duration: started.duration(to: .now))
                }
                exclusions.append(Self.exclusion(for: analyzer, reason: reason, signal: signal, status: status, settings: settings.daemon))
                let failure = exclusions.last!
                logger.error("\(analyzer) \(failure.status.rawValue.replacingOccurrences(of: "_", with: " ")) on \(path); the worker was replaced and the file is analyzed again without it.",
                             metadata: MessageID.analyzerFailed.metadata.merging([
                                "file": .string(path), "analyzer": .string(analyzer), "status": .string(failure.status.rawValue),
                             ]) { $1 })
                await state.recordError("\(path): \(failure.error.message)")
            }
        }
    }

    private enum Attempt {
        case result([UInt8], WorkerProtocol.ResultSummary?)
        case upToDate
        case died(analyzer: String?, signal: Int32?, status: Int32)
    }

    /// One request to the worker, supervised for time and memory.
    private func attempt(_ path: String, exclusions: [DocumentAnalyzer.Exclusion], worker: WorkerProcess,
                         settings: Settings.Daemon) async -> Attempt {
        let timeLimit = settings.timeLimit, memoryLimit = settings.memoryLimit
        let monitor = Task {
            let deadline = ContinuousClock.now.advanced(by: timeLimit)
            while !Task.isCancelled {
                try? await Task.sleep(for: .milliseconds(25))
                if Task.isCancelled { return }
                if ContinuousClock.now >= deadline { worker.kill(.timedOut); return }
                if let resident = worker.residentBytes(), resident > memoryLimit { worker.kill(.outOfMemory); return }
            }
        }
        defer { monitor.cancel() }
        var current: String? = nil
        do {
            try worker.send(WorkerProtocol.Request(path: path, exclusions: exclusions))
        } catch {
            worker.kill(.retired)
        }
        while let event = await events?.next() {
            switch event {
            case .protocolEvent(.started(let analyzer)): current = analyzer
            case .protocolEvent(.result(let data, let summary)): return .result(Array(data), summary)
            case .protocolEvent(.upToDate): return .upToDate
            case .protocolEvent(.hello): continue
            case .exited(let signal, let status): return .died(analyzer: current, signal: signal, status: status)
            }
        }
        return .died(analyzer: current, signal: nil, status: -1)
    }

    private static func exclusion(for analyzer: String, reason: WorkerProcess.KillReason?, signal: Int32?, status: Int32,
                                  settings: Settings.Daemon) -> DocumentAnalyzer.Exclusion {
        // A worker that died of a signal other than the daemon's SIGKILL crashed by itself,
        // even if a limit fired while it was already dying (a core dump in progress).
        let crashedOnItsOwn = signal.map { $0 != SIGKILL } ?? false
        switch crashedOnItsOwn ? nil : reason {
        case .timedOut:
            return .init(analyzer: analyzer, status: .timedOut, error: ResultError(
                code: "timed_out",
                message: "\(analyzer) did not finish within \(settings.timeLimit) (daemon.time_limit) on this file; it was stopped and its annotations are missing."))
        case .outOfMemory:
            return .init(analyzer: analyzer, status: .outOfMemory, error: ResultError(
                code: "out_of_memory",
                message: "\(analyzer) used more than \(settings.memoryLimit / (1024 * 1024)) MiB (daemon.memory_limit) on this file; it was stopped and its annotations are missing."))
        case .retired, nil:
            let what = signal.map { "crashed (signal \($0), \(String(cString: strsignal($0))))" } ?? "ended the worker process (exit status \(status))"
            return .init(analyzer: analyzer, status: .crashed, error: ResultError(
                code: "crashed", message: "\(analyzer) \(what) while analyzing this file; its annotations are missing."))
        }
    }

    /// A symbolic link whose target lies outside the spool is never read.
    private func refuseOutsideLink(_ path: String, root: String?) async -> SpoolScheduler.Outcome? {
        guard let root, FileStamp(path: path)?.isSymbolicLink == true else { return nil }
        let target = URL(fileURLWithPath: path).resolvingSymlinksInPath().path
        if target == root || target.hasPrefix(root + "/") { return nil }
        let result = AnalysisResult.failed(
            input: InputDescription(name: (path as NSString).lastPathComponent, bytes: 0),
            error: ResultError(code: "outside_spool", message: "This is a symbolic link to \(target), outside the spool \(root); Gloss never reads files outside its spools. Copy the file into the spool instead."))
        return await write(result.serialized(), for: path, duration: .zero)
    }

    /// Writes a result and logs it. `summary` (from the worker) gives the status and count of
    /// a good result without parsing it; a failed one is parsed for its error.
    private func write(_ bytes: [UInt8], summary: WorkerProtocol.ResultSummary? = nil, for path: String, duration: Duration) async -> SpoolScheduler.Outcome {
        do {
            try await io.run { try ResultWriter().write(serialized: bytes, forInput: path) }
        } catch {
            logger.error("Cannot write the result for \(path): \(error). Check that Gloss may write in that directory.",
                         metadata: MessageID.fileFailed.metadata.merging(["file": .string(path)]) { $1 })
            await state.recordError("\(path): cannot write the result: \(error)")
            return .failed
        }
        let good = summary.map { $0.status == "ok" || $0.status == "partial" } ?? false
        let result = good ? nil : try? JSONValue(parsing: bytes)
        let status = good ? summary!.status : result?["status"]?.stringValue ?? "failed"
        let milliseconds = Double(duration.components.seconds) * 1000 + Double(duration.components.attoseconds) / 1e15
        var metadata: Logger.Metadata = [
            "file": .string(path), "status": .string(status),
            "duration_ms": .string(String(format: "%.2f", milliseconds)),
        ]
        switch status {
        case "ok", "partial":
            let count = summary?.annotations ?? result?["annotations"]?.arrayValue?.count ?? 0
            metadata.merge(MessageID.fileAnalyzed.metadata) { $1 }
            logger.info("Analyzed \(path): \(status), \(count) annotation\(count == 1 ? "" : "s")", metadata: metadata)
            return status == "ok" ? .ok : .partial
        default:
            let code = result?["error"]?["code"]?.stringValue ?? "unknown"
            metadata.merge(MessageID.fileFailed.metadata) { $1 }
            metadata["error"] = .string(code)
            logger.warning("Could not analyze \(path): \(result?["error"]?["message"]?.stringValue ?? "unknown error")", metadata: metadata)
            await state.recordError("\(path): \(code)")
            return .failed
        }
    }
}
