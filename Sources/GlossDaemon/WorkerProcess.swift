internal import Foundation
internal import Synchronization

/// One worker process (`gloss worker …`) as the daemon sees it: a request pipe, a stream
/// of events, and the means to kill it.
///
/// `@unchecked Sendable`: `process` and the pipe handles are set in `init` and only used
/// through thread-safe calls (`write`, `kill`); the kill reason sits behind a mutex.
final class WorkerProcess: @unchecked Sendable {
    /// Why the daemon killed a worker; `nil` if it died by itself.
    enum KillReason: Sendable { case timedOut, outOfMemory, retired }

    enum Event: Sendable {
        case protocolEvent(WorkerProtocol.Event)
        /// The process ended; no more events follow.
        case exited(signal: Int32?, status: Int32)
    }

    let generation: Int
    private let process: Process
    private let requests: FileHandle
    let events: AsyncStream<Event>
    private let killReasonStorage = Mutex<KillReason?>(nil)

    /// Starts `executable` with `arguments` (the `worker` subcommand and its options).
    init(executable: String, arguments: [String], generation: Int) throws {
        self.generation = generation
        process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        // The Swift runtime's crash backtracer keeps a crashing process alive while it
        // symbolicates (seconds on a busy machine), long enough for the time limit to
        // fire and a crash to be reported as a timeout. Workers run without it unless
        // the daemon's environment sets SWIFT_BACKTRACE explicitly.
        var environment = ProcessInfo.processInfo.environment
        if environment["SWIFT_BACKTRACE"] == nil { environment["SWIFT_BACKTRACE"] = "enable=no" }
        process.environment = environment
        let stdin = Pipe(), stdout = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        // Standard error is inherited: worker and plugin logs go where the daemon's go.
        requests = stdin.fileHandleForWriting
        let (stream, continuation) = AsyncStream.makeStream(of: Event.self)
        events = stream
        try process.run()
        let process = self.process
        let output = stdout.fileHandleForReading
        // A blocking reader on a thread of its own: pipe reads must not occupy the
        // cooperative pool, where they could starve the tasks that supervise workers.
        //
        // The worker's end is seen with waitid(WNOWAIT), not through Foundation: Foundation
        // learns of it when a socket the child inherited closes, and a child the worker
        // left behind (a plugin's, or a crash reporter) can hold that socket, and the
        // output pipe, open for as long as it lives.
        let pid = process.processIdentifier
        let thread = Thread {
            let frames = WorkerProtocol.FrameReader(handle: output, ended: { process.end != nil })
            while let frame = frames.next() {
                switch frame.tag {
                case "H":
                    let object = (try? JSONSerialization.jsonObject(with: frame.payload ?? Data())) as? [String: Any]
                    continuation.yield(.protocolEvent(.hello(analyzers: object?["analyzers"] as? [String] ?? [],
                                                             refused: object?["refused"] as? [String] ?? [])))
                case "S": continuation.yield(.protocolEvent(.started(analyzer: frame.argument)))
                case "R": continuation.yield(.protocolEvent(.result(frame.payload ?? Data())))
                case "U": continuation.yield(.protocolEvent(.upToDate))
                default: continue
                }
            }
            // The output ended: the worker is gone or going. Wait for its end (briefly: it
            // closed its output, or it has ended already).
            var status = process.end
            while status == nil {
                Thread.sleep(forTimeInterval: 0.005)
                status = process.end
            }
            // Children left behind in the worker's process group go with it. (The group's id
            // cannot be reused for another process while any member is alive.)
            _ = Foundation.kill(-pid, SIGKILL)
            continuation.yield(.exited(signal: status!.signal, status: status!.status))
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
        let pid = process.processIdentifier
        if getpgid(pid) == pid { _ = Foundation.kill(-pid, SIGKILL) } else { _ = Foundation.kill(pid, SIGKILL) }
    }

    /// Asks the worker to finish: it exits when its request pipe closes.
    func retire() {
        try? requests.close()
    }

    /// Resident memory of the worker in bytes, from `/proc/<pid>/statm`.
    func residentBytes() -> Int? {
        guard let text = try? String(contentsOfFile: "/proc/\(process.processIdentifier)/statm", encoding: .utf8) else { return nil }
        let fields = text.split(separator: " ")
        guard fields.count > 1, let pages = Int(fields[1]) else { return nil }
        return pages * Int(sysconf(Int32(_SC_PAGESIZE)))
    }
}
