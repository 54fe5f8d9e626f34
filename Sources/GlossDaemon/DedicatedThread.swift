internal import Foundation

/// Runs `body` on a new thread and waits for its result without blocking the caller's
/// executor.
///
/// Plugin calls are blocking C code of unknown duration; on Swift's cooperative pool they
/// would starve every other task. Everything that touches plugins (loading, creating
/// instances, analyzing) therefore runs inside one such thread, which also keeps
/// non-concurrent plugin instances on the thread that created them.
@discardableResult
public func onDedicatedThread<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { continuation in
        let thread = Thread { continuation.resume(with: Result { try body() }) }
        thread.name = "gloss-plugins"
        thread.stackSize = 8 << 20  // plugins may recurse; the default secondary stack is small
        thread.start()
    }
}
