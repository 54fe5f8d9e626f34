internal import Foundation
internal import Synchronization

/// A few long-lived threads for blocking work (writing and syncing results, walking
/// directories), so that it never occupies Swift's cooperative pool.
///
/// The alternative, a new thread per call (`onDedicatedThread`), is fine for a one-off but
/// not for thousands of results a minute: creating a thread per result costs time, and glibc
/// may give each new thread a malloc arena of its own. swift-nio's `NIOThreadPool` is the
/// model; this is the smallest version of it Gloss needs.
final class BlockingExecutor: Sendable {
    private struct State {
        var jobs: [@Sendable () -> Void] = []
        var stopped = false
    }

    private let state = Mutex(State())
    private let available = DispatchSemaphore(value: 0)

    init(threads: Int, name: String) {
        for index in 0..<threads {
            let thread = Thread { [self] in loop() }
            thread.name = "\(name)-\(index)"
            thread.start()
        }
    }

    /// Runs `body` on one of the executor's threads and returns its result.
    @discardableResult
    func run<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            state.withLock { $0.jobs.append { continuation.resume(with: Result { try body() }) } }
            available.signal()
        }
    }

    private func loop() {
        while true {
            available.wait()
            let job: (@Sendable () -> Void)? = state.withLock { state in
                state.jobs.isEmpty ? nil : state.jobs.removeFirst()
            }
            job?()
        }
    }
}
