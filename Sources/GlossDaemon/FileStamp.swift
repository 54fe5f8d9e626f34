internal import Foundation

/// What identifies one version of a file cheaply: size, modification time and inode.
/// Two equal stamps a settle period apart mean nobody wrote in between.
struct FileStamp: Sendable, Equatable {
    var size: Int64
    var modifiedNanoseconds: Int64
    var inode: UInt64
    var isSymbolicLink: Bool
    var isRegularFile: Bool

    /// `lstat` of `path`; `nil` if it does not exist (or cannot be examined).
    init?(path: String) {
        var status = stat()
        guard lstat(path, &status) == 0 else { return nil }
        size = Int64(status.st_size)
        modifiedNanoseconds = Int64(status.st_mtim.tv_sec) * 1_000_000_000 + Int64(status.st_mtim.tv_nsec)
        inode = UInt64(status.st_ino)
        isSymbolicLink = status.st_mode & S_IFMT == S_IFLNK
        isRegularFile = status.st_mode & S_IFMT == S_IFREG
    }
}
