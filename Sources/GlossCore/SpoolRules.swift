#if canImport(Glibc)
import Glibc
#endif

/// Which files in a spool are inputs. Pure naming rules; no disk access.
public struct SpoolRules: Sendable, Equatable {
    /// Extra shell globs (`fnmatch`) to ignore; matched against the path relative to the
    /// spool (`incoming/*.csv`) and against the file name alone (`*.csv`).
    public var excludeGlobs: [String]

    public init(excludeGlobs: [String] = []) {
        self.excludeGlobs = excludeGlobs
    }

    /// Suffixes of files still being written by common tools, and of editors' backups.
    public static let ignoredSuffixes = [".tmp", ".part", ".swp", "~"]

    /// Whether the file at `relativePath` (inside the spool, `/`-separated) is an input.
    /// Hidden names (a leading `.`, which includes Gloss's own temporaries), partial
    /// downloads and editor files, Gloss's own `*.gloss.json` results and excluded globs
    /// are not.
    public func isInput(relativePath: String) -> Bool {
        let name = relativePath.split(separator: "/").last.map(String.init) ?? relativePath
        if name.isEmpty || name.hasPrefix(".") { return false }
        if Self.ignoredSuffixes.contains(where: { name.hasSuffix($0) }) { return false }
        if name.hasSuffix(".gloss.json") { return false }
        for glob in excludeGlobs where fnmatch(glob, relativePath, 0) == 0 || fnmatch(glob, name, 0) == 0 {
            return false
        }
        return true
    }

    /// Whether a directory inside the spool is watched and scanned: hidden ones are not.
    public func isWatchedDirectory(name: String) -> Bool {
        !name.hasPrefix(".")
    }
}

/// Parses durations such as `500ms`, `2s`, `1.5s`, `5m`, `1h`, or a plain number of seconds.
public enum DurationText {
    public static func parse(_ text: String) -> Duration? {
        let trimmed = text.trimmingSpaces().lowercased()
        let number = trimmed.prefix { $0.isNumber || $0 == "." }
        guard !number.isEmpty, let value = Double(number), value >= 0, value.isFinite else { return nil }
        let unit = trimmed.dropFirst(number.count).trimmingSpaces()
        let seconds: Double
        switch unit {
        case "", "s", "sec", "second", "seconds": seconds = value
        case "ms", "millisecond", "milliseconds": seconds = value / 1000
        case "m", "min", "minute", "minutes": seconds = value * 60
        case "h", "hour", "hours": seconds = value * 3600
        default: return nil
        }
        guard seconds < 1e9 else { return nil }
        return .milliseconds(Int64((seconds * 1000).rounded()))
    }
}
