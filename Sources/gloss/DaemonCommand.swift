import ArgumentParser
import Configuration
import Foundation
import GlossCore
import GlossDaemon
import GlossHost
import Logging
import ServiceLifecycle

struct DaemonCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "daemon",
        abstract: "Watch spool directories and write a result beside every text file dropped there.",
        discussion: """
            Every regular file that appears in a spool (or any directory below it) gets \
            exactly one FILE.gloss.json, written atomically. Files are taken once they were \
            closed after writing or renamed into the spool and then stayed unchanged for \
            daemon.settle_time. Plugins run in worker processes: a plugin that crashes, hangs \
            or runs out of memory costs only its own annotations for that file.

            Signals: SIGHUP reloads the configuration and plugins; SIGTERM stops taking files \
            and lets running ones finish (daemon.shutdown_timeout), then exits 0.

            Under systemd (Type=notify) the daemon reports READY=1, STATUS=, WATCHDOG=1, \
            RELOADING=1 and STOPPING=1, and logs to the journal with stable MESSAGE_IDs. \
            `gloss status` shows what it is doing.

            Exit status: 0 after a clean stop; 3 bad configuration or no usable analyzer.
            """)

    @Option(name: .customLong("spool"), help: ArgumentHelp("A spool directory to watch (repeatable); replaces daemon.spools.", valueName: "dir"))
    var spools: [String] = []

    @Option(help: ArgumentHelp("How to notice new files: inotify (default) or poll.", valueName: "mode"))
    var watch: String?

    @Option(help: ArgumentHelp("Concurrent analyses (worker processes); 0 means one per CPU.", valueName: "count"))
    var workers: String?

    @Option(help: ArgumentHelp("Where to write status.json for `gloss status`.", valueName: "dir"))
    var runtimeDirectory: String?

    @OptionGroup var options: PluginOptions

    private var flags: [String: ConfigContent] {
        var flags: [String: ConfigContent] = [:]
        if !spools.isEmpty { flags["daemon.spools"] = .stringArray(spools.map { URL(fileURLWithPath: $0).standardizedFileURL.path }) }
        if let watch { flags["daemon.watch"] = .string(watch) }
        if let workers { flags["daemon.workers"] = .string(workers) }
        if let runtimeDirectory { flags["daemon.runtime_directory"] = .string(URL(fileURLWithPath: runtimeDirectory).standardizedFileURL.path) }
        return flags
    }

    func run() async throws {
        let flags = self.flags
        let settings = try await options.loadSettings(flags: flags)
        let logger = DaemonLogging.bootstrap(settings.log, commandLineLevel: options.explicitLogLevel)
        guard !settings.daemon.spools.isEmpty else {
            logger.critical("No spool directory to watch. Pass --spool DIR or set daemon.spools in gloss.yaml.")
            throw ExitCode(ExitStatus.badConfiguration)
        }
        for spool in settings.daemon.spools {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: spool, isDirectory: &isDirectory), isDirectory.boolValue else {
                logger.critical("The spool \(spool) is not a directory. Create it (mkdir -p \(spool)) or fix daemon.spools.")
                throw ExitCode(ExitStatus.badConfiguration)
            }
        }
        let runtimeDirectory = URL(fileURLWithPath: settings.daemon.runtimeDirectory ?? DaemonStatus.defaultRuntimeDirectory()).standardizedFileURL.path
        if let spool = settings.daemon.spools.first(where: { runtimeDirectory.hasPrefix(URL(fileURLWithPath: $0).standardizedFileURL.path + "/") }) {
            logger.critical("The runtime directory \(runtimeDirectory) lies inside the spool \(spool); its status file would be analyzed as input. Choose a runtime directory outside every spool.")
            throw ExitCode(ExitStatus.badConfiguration)
        }
        guard let executable = PluginSearchPath.currentExecutable() else {
            logger.critical("Cannot find the gloss executable to start worker processes.")
            throw ExitCode(ExitStatus.badConfiguration)
        }
        // Workers get the plugin paths and log level; the daemon hands them its validated copy
        // of the configuration file. The daemon-only flags do not concern them.
        let workerArguments = options.pluginPaths.flatMap { ["--plugin", $0] } + ["--log-level", options.explicitLogLevel ?? settings.log.level]
        let pluginPaths = options.pluginPaths
        let configurationFile = SettingsLoader(configurationFile: options.configurationFile).resolvedFile
        let launch = SpoolDaemon.Launch(executable: executable, configurationFile: configurationFile, workerArguments: workerArguments) { file in
            var reloaded = try await SettingsLoader(configurationFile: file, flags: flags).load()
            reloaded.plugins.paths = pluginPaths + reloaded.plugins.paths
            return reloaded
        }
        let daemon = SpoolDaemon(settings: settings, launch: launch, logger: logger)
        let group = ServiceGroup(services: [daemon], gracefulShutdownSignals: [.sigterm, .sigint], cancellationSignals: [], logger: logger)
        do {
            try await group.run()
        } catch {
            logger.critical("gloss daemon stopped: \(error)")
            throw ExitCode(ExitStatus.badConfiguration)
        }
    }
}

/// `gloss worker`: the process the daemon starts to run plugins. Not for people.
struct WorkerCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "worker",
        abstract: "Run analyzer plugins for a gloss daemon (started by the daemon itself).",
        shouldDisplay: false)

    @OptionGroup var options: PluginOptions

    func run() async throws {
        let settings = try await options.loadSettings()
        let logger = DaemonLogging.bootstrap(settings.log, commandLineLevel: options.explicitLogLevel)
        try await onDedicatedThread { WorkerLoop(settings: settings, logger: logger).run() }
    }
}

/// Chooses where the daemon and its workers log: the journal, or readable lines on stderr.
enum DaemonLogging {
    static func bootstrap(_ log: Settings.Log, commandLineLevel: String?) -> Logger {
        let level = Logger.Level(rawValue: commandLineLevel ?? log.level) ?? .info
        let useJournal: Bool = switch log.target {
        case .journal: true
        case .stderr: false
        case .auto: JournaldLogHandler.standardErrorIsJournal()
        }
        let identifier = log.identifier
        LoggingSystem.bootstrap { label in
            if useJournal {
                var handler = JournaldLogHandler(label: label, identifier: identifier)
                handler.logLevel = level
                return handler
            }
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = level
            return handler
        }
        return Logger(label: "gloss")
    }
}
