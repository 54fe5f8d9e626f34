internal import CLinuxSupport
internal import Foundation
internal import Synchronization

/// A child process started with `posix_spawn` that the daemon itself waits for and reaps: a
/// worker (`gloss worker`).
///
/// Not Foundation's `Process`: on Linux, Foundation learns that a child ended through a
/// CFSocket, whose manager thread wakes up through a pair of UDP sockets on the loopback
/// interface. Where a process may not create IP sockets or has no loopback (gloss.service:
/// `RestrictAddressFamilies=AF_UNIX`, `PrivateNetwork=yes`) that pair cannot be made
/// ("Could not create wakeup socket pair for CFSocket"), Foundation never notices a child's
/// end and never reaps it, and every worker the daemon retired or replaced stayed a zombie.
/// Here the end is read with `waitid` and the child is reaped once, by `reap()`.
///
/// `Sendable`: the pid never changes, and how the child ended, once it was reaped, sits behind
/// a mutex that `signalGroup` and `residentBytes` also take, so neither can reach another
/// process that reused the pid.
final class SpawnedProcess: Sendable {
    typealias Ending = (signal: Int32?, status: Int32)

    let processIdentifier: pid_t
    private let reaped = Mutex<Ending?>(nil)

    /// Starts `executable` with `arguments` and `environment` (which replaces the daemon's) as
    /// the leader of its own process group. `standardInput` and `standardOutput` become its
    /// descriptors 0 and 1, standard error is inherited, every other descriptor is closed, and
    /// signals start with their default dispositions. The caller still owns and closes the two
    /// descriptors it passed. Throws if the process cannot be started.
    init(executable: String, arguments: [String], environment: [String: String],
         standardInput: Int32, standardOutput: Int32) throws {
        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            argv.forEach { free($0) }
            envp.forEach { free($0) }
        }
        var pid: pid_t = 0
        let error = gloss_spawn(executable, argv, envp, standardInput, standardOutput, &pid)
        guard error == 0 else {
            throw DaemonError(description: "cannot start \(executable): \(String(cString: strerror(error)))")
        }
        processIdentifier = pid
    }

    /// How the child ended, or `nil` while it runs. Never blocks and does not reap, so the
    /// child's process group stays valid until `reap()`.
    var end: Ending? {
        reaped.withLock { ending in
            if let ending { return ending }
            var signal: Int32 = 0, status: Int32 = 0
            guard gloss_child_ended(processIdentifier, &signal, &status) == 1 else { return nil }
            return (signal == 0 ? nil : signal, status)
        }
    }

    /// Collects the ended child (`waitpid`), so that it leaves no zombie; returns how it ended,
    /// or `nil` if it is still running. Later calls return the same answer.
    @discardableResult
    func reap() -> Ending? {
        reaped.withLock { ending in
            if let ending { return ending }
            var signal: Int32 = 0, status: Int32 = 0
            guard gloss_child_ended(processIdentifier, &signal, &status) == 1 else { return nil }
            var raw: Int32 = 0
            while waitpid(processIdentifier, &raw, 0) < 0 && errno == EINTR {}
            ending = (signal == 0 ? nil : signal, status)
            return ending
        }
    }

    /// Sends `signal` to the child's process group (the child and whatever it started), or
    /// does nothing once the child was reaped.
    func signalGroup(_ signal: Int32) {
        reaped.withLock { ending in
            guard ending == nil else { return }
            _ = kill(-processIdentifier, signal)
        }
    }

    /// Resident memory in bytes from `/proc/<pid>/statm`; `nil` once the child was reaped.
    func residentBytes() -> Int? {
        reaped.withLock { ending -> Int? in
            guard ending == nil,
                  let text = try? String(contentsOfFile: "/proc/\(processIdentifier)/statm", encoding: .utf8) else { return nil }
            let fields = text.split(separator: " ")
            guard fields.count > 1, let pages = Int(fields[1]) else { return nil }
            return pages * Int(sysconf(Int32(_SC_PAGESIZE)))
        }
    }
}
