internal import Foundation

/// Owns C memory handed to a plugin for the length of one call, and frees it all at once.
///
/// Not `Sendable`: an arena belongs to the one call that fills it.
final class CArena {
    private var allocations: [UnsafeMutableRawPointer] = []

    deinit { allocations.forEach { free($0) } }

    /// A NUL-terminated copy of `string`, valid until the arena is freed.
    func string(_ string: String) -> UnsafePointer<CChar> {
        guard let copy = strdup(string) else { fatalError("out of memory copying a \(string.utf8.count)-byte string") }
        allocations.append(copy)
        return UnsafePointer(copy)
    }

    /// Zeroed memory for `count` values of `T`, valid until the arena is freed.
    func buffer<T>(of type: T.Type, count: Int) -> UnsafeMutablePointer<T> {
        guard let memory = calloc(max(count, 1), MemoryLayout<T>.stride) else {
            fatalError("out of memory allocating \(count) × \(T.self)")
        }
        allocations.append(memory)
        return memory.bindMemory(to: T.self, capacity: max(count, 1))
    }
}
