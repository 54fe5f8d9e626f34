import ArgumentParser
import Foundation
import GlossCore
import GlossDaemon
import GlossHost
import Logging

struct CheckPlugin: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Load one plugin in a separate process, run it on sample documents, and report every fault.",
        discussion: """
            The plugin runs in a child process, so a crash or hang in it is reported here \
            instead of taking gloss down. It is run on built-in Arabic, English, empty, \
            digit-only and mixed-script documents (plus any --sample files); every annotation \
            it emits is validated, and each document is analyzed twice to check that the \
            output does not change.

            Exit status: 0 the plugin passed; 1 it has faults (listed); 3 bad configuration.
            """)

    @Argument(help: ArgumentHelp("The plugin file (.so) to check.", valueName: "path"))
    var path: String

    @Option(name: .customLong("sample"), help: ArgumentHelp("Also run the plugin on this UTF-8 text file; repeatable.", valueName: "file"))
    var samples: [String] = []

    @Option(help: "Seconds the whole check may take before the plugin counts as hung.")
    var timeout: Int = 60

    @Flag(name: .customLong("in-child"), help: .private)
    var inChild = false

    @OptionGroup var options: PluginOptions

    func run() async throws {
        if inChild { return try await runChecks() }
        guard FileManager.default.fileExists(atPath: path) else {
            FileHandle.printError("\(path) does not exist.")
            throw ExitCode(ExitStatus.someInputsFailed)
        }
        guard let executable = PluginSearchPath.currentExecutable() else {
            FileHandle.printError("cannot find the gloss executable to run the check in a child process.")
            throw ExitCode(ExitStatus.badConfiguration)
        }
        var arguments = ["plugins", "check", "--in-child", path, "--log-level", options.logLevel]
        for sample in samples { arguments += ["--sample", sample] }
        if let file = options.configurationFile { arguments += ["--config", file] }
        for plugin in options.pluginPaths { arguments += ["--plugin", plugin] }

        let child = Process()
        child.executableURL = URL(fileURLWithPath: executable)
        child.arguments = arguments
        let progress = Pipe(), report = Pipe()
        child.standardError = progress
        child.standardOutput = report
        try child.run()
        // Drain both pipes while the child runs so that a chatty plugin cannot block on a full
        // pipe. The reads block, so they get threads of their own: on the cooperative pool they
        // could occupy every thread and stop the timeout loop below from ever running.
        let reportHandle = report.fileHandleForReading, progressHandle = progress.fileHandleForReading
        async let reportText = onDedicatedThread { String(decoding: reportHandle.readDataToEndOfFile(), as: UTF8.self) }
        async let progressText = onDedicatedThread { String(decoding: progressHandle.readDataToEndOfFile(), as: UTF8.self) }
        let deadline = Date().addingTimeInterval(Double(timeout))
        var timedOut = false
        while child.end == nil {
            if Date() > deadline {
                timedOut = true
                kill(child.processIdentifier, SIGKILL)
            }
            try await Task.sleep(for: .milliseconds(20))
        }
        // Children the plugin left behind (in the child's process group) would hold the
        // pipes open: they go with the child.
        kill(-child.processIdentifier, SIGKILL)
        let end = child.end!
        let log = try await progressText
        let output = try await reportText
        print(output, terminator: "")
        let lastStep = log.split(separator: "\n").last { $0.hasPrefix("step: ") }.map { String($0.dropFirst(6)) } ?? "loading the plugin"
        FileHandle.standardError.write(Data(log.split(separator: "\n").filter { !$0.hasPrefix("step: ") }.map { $0 + "\n" }.joined().utf8))
        if timedOut {
            print("FAIL \(path): the plugin did not finish within \(timeout) s while \(lastStep); it hangs or is far too slow.")
            throw ExitCode(ExitStatus.someInputsFailed)
        }
        if let signal = end.signal {
            let name = String(cString: strsignal(signal))
            print("FAIL \(path): the plugin crashed (signal \(signal), \(name)) while \(lastStep). Plugins must never crash or abort on any input; run it under gdb or valgrind with the same document to find out why.")
            throw ExitCode(ExitStatus.someInputsFailed)
        }
        // The child always ends its report with a PASS or FAIL line; anything else means the
        // plugin ended the process itself.
        let verdict = output.split(separator: "\n").last.map(String.init) ?? ""
        guard verdict.hasPrefix("PASS") || output.contains("FAIL ") else {
            print("FAIL \(path): the process ended with exit status \(end.status) while \(lastStep), before the check finished. Plugins must never call exit(), abort() or otherwise end the process.")
            throw ExitCode(ExitStatus.someInputsFailed)
        }
        if end.status != 0 { throw ExitCode(end.status) }
    }

    /// Runs in the child: load, run, validate, print the report.
    private func runChecks() async throws {
        let logger = options.makeLogger()
        let step: @Sendable (String) -> Void = { FileHandle.standardError.write(Data("step: \($0)\n".utf8)) }
        var settings = try await options.loadSettings()
        settings.plugins.paths = [path] + settings.plugins.paths
        settings.enabledAnalyzers = []
        let path = path, samples = samples, prepared = settings
        try await onDedicatedThread {
            try Self.check(path: path, samples: samples, settings: prepared, logger: logger, step: step)
        }
    }

    /// Loads, runs and validates the plugin, printing the report. Blocks: run it on a thread of its own.
    private static func check(path: String, samples: [String], settings: Settings, logger: Logger,
                              step: @Sendable (String) -> Void) throws {
        var settings = settings
        step("loading the plugin")
        let catalog = PluginCatalog(searchPath: PluginSearchPath(explicitPaths: settings.plugins.paths, includeDefaults: settings.plugins.searchDefaultDirectories))
        let resolved = URL(fileURLWithPath: path).resolvingSymlinksInPath().path
        if let refusal = catalog.refused.first(where: { $0.path == resolved && $0.code != .duplicateID }) {
            print("FAIL \(refusal)")
            throw ExitCode(ExitStatus.someInputsFailed)
        }
        guard let library = catalog.plugins.first(where: { $0.path == resolved }) else {
            let duplicate = catalog.refused.first { $0.path == resolved }
            print("FAIL \(duplicate?.description ?? "\(path) was not loaded")")
            throw ExitCode(ExitStatus.someInputsFailed)
        }
        let id = library.descriptor.id
        step("creating an instance of \(id)")
        settings.enabledAnalyzers = [id]
        let pipeline = DocumentAnalyzer(
            catalog: PluginCatalog(searchPath: PluginSearchPath(explicitPaths: settings.plugins.paths, includeDefaults: settings.plugins.searchDefaultDirectories), enabled: [id]),
            settings: settings, logger: logger)
        if let refusal = pipeline.refused.first {
            print("FAIL \(refusal)")
            throw ExitCode(ExitStatus.someInputsFailed)
        }

        var documents = SampleDocuments.all
        for sample in samples {
            guard let data = FileManager.default.contents(atPath: sample), let text = String(data: data, encoding: .utf8) else {
                print("FAIL cannot read --sample \(sample) as UTF-8 text")
                throw ExitCode(ExitStatus.someInputsFailed)
            }
            documents.append((URL(fileURLWithPath: sample).lastPathComponent, text))
        }
        var faults: [String] = []
        var checked = 0
        let reference = Date(timeIntervalSince1970: 1_463_472_000)  // 2016-05-17T08:00:00Z
        for (name, text) in documents {
            let document = InputDocument(text: text, name: name, modified: reference)
            step("analyzing the sample document \"\(name)\"")
            let first = pipeline.analyze(document, referenceTime: reference, referenceSource: .mtime)
            guard let report = first.analyzers.first(where: { $0.id == id }) else { continue }
            // Not the plugin's doing: a language it does not read, or a requirement that does not.
            if report.status == .skipped, ["language_not_supported", "requirement_skipped"].contains(report.error?.code ?? "") { continue }
            checked += 1
            if report.status != .ok {
                faults.append("\(name): \(report.status.rawValue): \(report.error?.message ?? "")")
                continue
            }
            for problem in report.problems { faults.append("\(name): invalid annotation dropped: \(problem)") }
            step("analyzing the sample document \"\(name)\" a second time")
            let second = pipeline.analyze(document, referenceTime: reference, referenceSource: .mtime)
            if second.annotations != first.annotations {
                faults.append("\(name): a second run over the same document gave different annotations; output must depend only on the document, its reference time and the configuration")
            }
            let count = first.annotations.filter { $0.analyzer == id }.count
            print("ok   \(name): \(count) annotation\(count == 1 ? "" : "s") (\(String(format: "%.2f", report.durationMilliseconds)) ms)")
        }
        if checked == 0 {
            faults.append("none of the sample documents is in a language the plugin reads (\(library.descriptor.languages.joined(separator: ", "))); pass one with --sample FILE")
        }
        for fault in faults { print("FAIL \(fault)") }
        if faults.isEmpty {
            print("PASS \(id) \(library.descriptor.version) (\(resolved)): \(checked) document\(checked == 1 ? "" : "s") checked")
        } else {
            throw ExitCode(ExitStatus.someInputsFailed)
        }
    }
}

/// Documents every plugin must survive.
enum SampleDocuments {
    static let all: [(name: String, text: String)] = [
        ("arabic-news", """
            كشف نائب الناطق باسم الخارجية الأمريكية، مارك تونر، عن قنوات اتصال بين الإدارة الأمريكية \
            والحكومة الجزائرية. وقال أمس إن الحدود مع تونسوالجزائر تمتد 130 كلم، وإن اجتماعا عقد في ٢٠ جويلية ٢٠١٥.
            ودعت حكومة الوفاق الوطني في طرابلس إلى رفع الحظر؟ نعم!
            """),
        ("english-news", """
            Mr. Mark Toner, the U.S. State Department's deputy spokesman, said on Monday that talks \
            with Algeria had begun. The border runs 130 km, and 3.5 million people live near it! \
            Did Tripoli's government agree? Officials said so.
            """),
        ("empty", ""),
        ("digits-only", "2016 05 17 12.5 130 ٢٠١٥"),
        ("mixed-scripts", "Tunis تونس 12% 👍🏽 e\u{301}te\u{301} عَرَبِيّ\nline two\r\n\tend"),
    ]
}
