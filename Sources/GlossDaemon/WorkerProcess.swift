internal import CLinuxSupport
internal import Foundation
internal import Synchronization

/// One worker process (`gloss worker …`) as the daemon sees it: a request pipe, a stream
/// of events, and the means to kill it.
///
/// `@unchecked Sendable`: `process` and the request pipe are set in `init` and only used
/// through thread-safe calls (`write`, `signalGroup`); the kill reason sits behind a mutex.
final class WorkerProcess: @unchecked Sendable {
    /// Why the daemon killed a worker; `nil` if it died by itself.
    enum KillReason: Sendable { case timedOut, outOfMemory, retired }

    enum Event: Sendable {
        case protocolEvent(WorkerProtocol.Event)
        /// The process ended; no more events follow.
        case exited(signal: Int32?, status: Int32)
    }

    let generation: Int
    private let process: SpawnedProcess
    private let requests: FileHandle
    let events: AsyncStream<Event>
    private let killReasonStorage = Mutex<KillReason?>(nil)

    /// Starts `executable` with `arguments` (the `worker` subcommand and its options).
    init(executable: String, arguments: [String], generation: Int) throws {
        self.generation = generation
        // The Swift runtime's crash backtracer keeps a crashing process alive while it
        // symbolicates (seconds on a busy machine), long enough for the time limit to
        // fire and a crash to be reported as a timeout. Workers run without it unless
        // the daemon's environment sets SWIFT_BACKTRACE explicitly.
        var environment = ProcessInfo.processInfo.environment
        if environment["SWIFT_BACKTRACE"] == nil { environment["SWIFT_BACKTRACE"] = "enable=no" }
        // Both pipes are close-on-exec: the worker gets its ends as descriptors 0 and 1, and
        // no other worker inherits them.
        var input: [Int32] = [-1, -1], output: [Int32] = [-1, -1]
        guard gloss_pipe_cloexec(&input) == 0 else { throw DaemonError(description: "cannot create a pipe: \(String(cString: strerror(errno)))") }
        guard gloss_pipe_cloexec(&output) == 0 else {
            close(input[0]); close(input[1])
            throw DaemonError(description: "cannot create a pipe: \(String(cString: strerror(errno)))")
        }
        requests = FileHandle(fileDescriptor: input[1], closeOnDealloc: true)
        let replies = FileHandle(fileDescriptor: output[0], closeOnDealloc: true)
        defer { close(input[0]); close(output[1]) }
        // Standard error is inherited: worker and plugin logs go where the daemon's go.
        process = try SpawnedProcess(executable: executable, arguments: arguments, environment: environment,
                                     standardInput: input[0], standardOutput: output[1])
        let (stream, continuation) = AsyncStream.makeStream(of: Event.self)
        events = stream
        let process = self.process
        // A blocking reader on a thread of its own: pipe reads must not occupy the
        // cooperative pool, where they could starve the tasks that supervise workers.
        //
        // The worker's end is seen with waitid(WNOWAIT), not from its output: a child the
        // worker left behind (a plugin's, or a crash reporter) can hold the output pipe open
        // for as long as it lives.
        let thread = Thread {
            let frames = WorkerProtocol.FrameReader(handle: replies, ended: { process.end != nil })
            while let frame = frames.next() {
                switch frame.tag {
                case "H":
                    let object = (try? JSONSerialization.jsonObject(with: frame.payload ?? Data())) as? [String: Any]
                    continuation.yield(.protocolEvent(.hello(analyzers: object?["analyzers"] as? [String] ?? [],
                                                             refused: object?["refused"] as? [String] ?? [])))
                case "S": continuation.yield(.protocolEvent(.started(analyzer: frame.argument)))
                case "R": continuation.yield(.protocolEvent(.result(frame.payload ?? Data(), summary: .init(header: frame.argument))))
                case "U": continuation.yield(.protocolEvent(.upToDate))
                default: continue
                }
            }
            // The output ended: the worker is gone or going. Wait for its end (briefly: it
            // closed its output, or it has ended already).
            while process.end == nil {
                Thread.sleep(forTimeInterval: 0.005)
            }
            // Children left behind in the worker's process group go with it. (The group's id
            // cannot be reused for another process while any member is alive, and the worker
            // is not reaped yet.) Then the worker is reaped: no zombie stays behind.
            process.signalGroup(SIGKILL)
            let ending = process.reap()!
            continuation.yield(.exited(signal: ending.signal, status: ending.status))
            continuation.finish()
        }
        thread.name = "gloss-worker-reader"
        thread.start()
    }

    var processIdentifier: Int32 { process.processIdentifier }

    var killReason: KillReason? { killReasonStorage.withLock { $0 } }

    /// Sends one request. Throws if the worker is gone (broken pipe).
    func send(_ request: WorkerProtocol.Request) throws {
        try requests.write(contentsOf: request.encoded())
    }

    /// Kills the worker with SIGKILL and remembers why (the first reason wins). The worker
    /// leads its own process group; the whole group is killed, so children a plugin started
    /// do not outlive it.
    func kill(_ reason: KillReason) {
        killReasonStorage.withLock { if $0 == nil { $0 = reason } }
        process.signalGroup(SIGKILL)
    }

    /// Asks the worker to finish: it exits when its request pipe closes.
    func retire() {
        try? requests.close()
    }

    /// Resident memory of the worker in bytes, from `/proc/<pid>/statm`; `nil` once it ended
    /// and was reaped.
    func residentBytes() -> Int? { process.residentBytes() }
}
