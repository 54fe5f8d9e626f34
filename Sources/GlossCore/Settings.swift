/// Everything `gloss.yaml`, `GLOSS_*` variables and command-line flags can set, with
/// the defaults that apply when none of them says otherwise.
public struct Settings: Sendable, Equatable {
    /// Where plugins come from.
    public struct Plugins: Sendable, Equatable {
        /// Extra directories (or single `.so` files) to load plugins from, searched first.
        public var paths: [String] = []
        /// Also search the executable's directory and `<prefix>/lib/gloss/plugins`.
        public var searchDefaultDirectories = true
        /// Root of the plugins' data directories: a plugin gets `<root>/<plugin id>`.
        /// `nil` means `<prefix>/share/gloss`.
        public var dataDirectory: String?
        public init() {}
    }

    /// How input files are read.
    public struct Input: Sendable, Equatable {
        /// Larger files get a `failed` result with code `too_large`.
        public var maximumSize = 16 * 1024 * 1024
        /// The encoding of input that is neither UTF-8 nor marked by a byte order mark.
        public var encoding = LegacyEncodingChoice.auto
        public init() {}
    }

    /// How the daemon watches spools and runs workers.
    public struct Daemon: Sendable, Equatable {
        public enum WatchMode: String, Sendable, CaseIterable {
            /// inotify, falling back to polling where it is unavailable (network filesystems).
            case inotify
            /// Rescan every `pollInterval`.
            case poll
        }
        /// Spool directories, watched recursively.
        public var spools: [String] = []
        public var watch = WatchMode.inotify
        public var pollInterval = Duration.seconds(2)
        /// How often to rescan everything even when no event arrived.
        public var rescanInterval = Duration.seconds(300)
        /// How long a closed file must stay unchanged before it is taken.
        public var settleTime = Duration.milliseconds(500)
        /// Shell globs of files to ignore, besides the built-in rules.
        public var exclude: [String] = []
        /// Concurrent analyses (worker processes); 0 means one per CPU.
        public var workers = 0
        /// A worker still busy with one file after this long is killed.
        public var timeLimit = Duration.seconds(30)
        /// A worker whose resident memory exceeds this is killed.
        public var memoryLimit = 2 * 1024 * 1024 * 1024
        /// On SIGTERM, how long running analyses may take to finish.
        public var shutdownTimeout = Duration.seconds(10)
        /// Where the status file goes; `nil` means $RUNTIME_DIRECTORY, else /run/gloss.
        public var runtimeDirectory: String?
        public init() {}
    }

    /// Where log messages go.
    public struct Log: Sendable, Equatable {
        public enum Target: String, Sendable, CaseIterable {
            /// journald when standard error is connected to it, else standard error.
            case auto, journal, stderr
        }
        public var target = Target.auto
        public var level = "info"
        /// `SYSLOG_IDENTIFIER` of journal entries.
        public var identifier = "gloss"
        public init() {}
    }

    public var plugins = Plugins()
    public var input = Input()
    public var daemon = Daemon()
    public var log = Log()
    /// Analyzer ids to run; empty runs every plugin found.
    public var enabledAnalyzers: [String] = []
    /// Per-analyzer settings (`analyzers.<id>` in gloss.yaml), flattened to dotted keys and
    /// text values; handed to each plugin through `config_get`.
    public var analyzerSettings: [String: [String: String]] = [:]

    public init() {}
}

/// A configuration value that cannot be used: names the key, the value and what is allowed.
public struct SettingsError: Error, Sendable, Equatable, CustomStringConvertible {
    public var key: String
    public var value: String
    public var allowed: String
    /// Where the value came from: a file path, `environment (GLOSS_…)`, or `command line`.
    public var source: String?

    public init(key: String, value: String, allowed: String, source: String? = nil) {
        self.key = key
        self.value = value
        self.allowed = allowed
        self.source = source
    }

    public var description: String {
        let origin = source.map { " (from \($0))" } ?? ""
        return "\(key): \"\(value)\"\(origin) is not allowed; expected \(allowed)."
    }
}

/// Parses sizes such as `16777216`, `512KiB`, `16MiB`, `1GiB`, `10MB`.
public enum ByteSize {
    public static func parse(_ text: String) -> Int? {
        let trimmed = text.trimmingSpaces()
        let digits = trimmed.prefix { $0.isASCII && $0.isNumber }
        guard !digits.isEmpty, let number = Int(digits) else { return nil }
        let unit = trimmed.dropFirst(digits.count).trimmingSpaces().lowercased()
        let multiplier: Int
        switch unit {
        case "", "b": multiplier = 1
        case "k", "kb": multiplier = 1000
        case "kib": multiplier = 1024
        case "m", "mb": multiplier = 1000 * 1000
        case "mib": multiplier = 1024 * 1024
        case "g", "gb": multiplier = 1000 * 1000 * 1000
        case "gib": multiplier = 1024 * 1024 * 1024
        default: return nil
        }
        let (value, overflow) = number.multipliedReportingOverflow(by: multiplier)
        return overflow ? nil : value
    }
}

extension StringProtocol {
    func trimmingSpaces() -> String {
        var scalars = Substring(self)
        while let first = scalars.first, first.isWhitespace { scalars.removeFirst() }
        while let last = scalars.last, last.isWhitespace { scalars.removeLast() }
        return String(scalars)
    }
}
