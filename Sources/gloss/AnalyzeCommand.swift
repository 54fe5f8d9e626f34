import ArgumentParser
import Configuration
import Foundation
import GlossCore
import GlossDaemon
import GlossHost
import Logging

struct AnalyzeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "analyze",
        abstract: "Analyze text files once and write each result beside its file.",
        discussion: """
            For every FILE, gloss writes FILE.gloss.json (format gloss.result/1, see \
            schemas/gloss.result-1.schema.json) atomically, and prints a short summary. \
            Files that are not text, too large or unreadable still get a result that says why.

            Relative dates ("yesterday", "أمس") are resolved against the file's modification \
            time unless --reference-time is given.

            Exit status: 0 every file was analyzed; 1 some file got a partial or failed \
            result (see its JSON); 3 bad configuration or no analyzer could be loaded; \
            4 a result file could not be written.
            """)

    @Argument(help: ArgumentHelp("The text files to analyze.", valueName: "file"))
    var files: [String]

    @Option(name: .customLong("analyzer"), help: ArgumentHelp(
        "Run only this analyzer (and what it requires); repeatable. Default: all.", valueName: "id"))
    var analyzers: [String] = []

    @Option(help: ArgumentHelp(
        "Resolve relative dates against this time (ISO 8601, e.g. 2016-05-17T08:00:00Z).",
        valueName: "time"))
    var referenceTime: String?

    @Flag(help: "Print the JSON results on standard output instead of writing result files.")
    var stdout = false

    @Option(help: ArgumentHelp("Encoding of input that is not UTF-8: auto, none, windows-1256, iso-8859-6.", valueName: "name"))
    var inputEncoding: String?

    @Option(help: ArgumentHelp("Refuse files larger than this (e.g. 16MiB).", valueName: "size"))
    var inputMaximumSize: String?

    @OptionGroup var options: PluginOptions

    func validate() throws {
        if let referenceTime, Timestamp.parse(referenceTime) == nil {
            throw ValidationError("--reference-time \"\(referenceTime)\" is not an ISO 8601 time; write it like 2016-05-17T08:00:00Z.")
        }
        if let bad = analyzers.first(where: { !Identifiers.isValidPluginID($0) }) {
            throw ValidationError("--analyzer \"\(bad)\" is not a plugin id; ids look like gloss.date (see gloss plugins list).")
        }
    }

    func run() async throws {
        let logger = options.makeLogger()
        var flags: [String: ConfigContent] = [:]
        if let inputEncoding { flags["input.encoding"] = .string(inputEncoding) }
        if let inputMaximumSize { flags["input.maximum_size"] = .string(inputMaximumSize) }
        if !analyzers.isEmpty { flags["analyzers.enabled"] = .stringArray(analyzers) }
        let settings = try await options.loadSettings(flags: flags)

        let files = files, referenceTime = referenceTime, toStandardOutput = stdout
        let status = try await onDedicatedThread {
            try Self.analyze(files: files, settings: settings, referenceTime: referenceTime,
                             toStandardOutput: toStandardOutput, logger: logger)
        }
        if status != ExitStatus.success { throw ExitCode(status) }
    }

    /// Loads the plugins and analyzes every file; returns the exit status. Blocks: run it
    /// on a thread of its own.
    private static func analyze(files: [String], settings: Settings, referenceTime: String?,
                                toStandardOutput stdout: Bool, logger: Logger) throws -> Int32 {
        let catalog = PluginCatalog(
            searchPath: PluginSearchPath(explicitPaths: settings.plugins.paths, includeDefaults: settings.plugins.searchDefaultDirectories),
            enabled: settings.enabledAnalyzers)
        for path in catalog.missingPaths { FileHandle.printError("plugin path \(path) does not exist; check --plugin and plugins.paths.") }
        let pipeline = DocumentAnalyzer(catalog: catalog, settings: settings, logger: logger)
        for refusal in catalog.refused + pipeline.refused where refusal.code != .notEnabled {
            FileHandle.printError("warning: \(refusal)")
        }
        if let missing = settings.enabledAnalyzers.first(where: { id in !pipeline.analyzers.contains { $0.id == id } }) {
            FileHandle.printError("analyzer \(missing) is not available. Run `gloss plugins list` to see the installed analyzers.")
            throw ExitCode(ExitStatus.badConfiguration)
        }
        guard !pipeline.analyzers.isEmpty else {
            FileHandle.printError("no analyzer plugin could be loaded, so there is nothing to run. Run `gloss plugins list` to see where gloss looked and why plugins were refused; add plugins with --plugin DIR or plugins.paths in gloss.yaml.")
            throw ExitCode(ExitStatus.badConfiguration)
        }

        let reader = InputReader(configuration: .init(maximumSize: settings.input.maximumSize, encoding: settings.input.encoding))
        let summary = TerminalSummary(isTerminal: isatty(STDOUT_FILENO) == 1)
        var anyFailed = false
        var writeFailed = false
        for file in files {
            let result: AnalysisResult
            switch reader.read(path: file) {
            case .failed(let failed): result = failed
            case .document(let document):
                let (time, source) = referenceTime.flatMap(Timestamp.parse).map { ($0, ReferenceSource.option) }
                    ?? (document.modified, .mtime)
                result = pipeline.analyze(document, referenceTime: time, referenceSource: source)
            }
            if result.status != .ok { anyFailed = true }
            if stdout {
                FileHandle.standardOutput.write(Data(result.serialized()))
                continue
            }
            do {
                let written = try ResultWriter().write(result, forInput: file)
                print(summary.render(result, input: file, resultPath: written), terminator: "")
            } catch {
                writeFailed = true
                FileHandle.printError("cannot write the result for \(file): \(error). Check that its directory is writable.")
            }
        }
        if writeFailed { return ExitStatus.cannotWrite }
        return anyFailed ? ExitStatus.someInputsFailed : ExitStatus.success
    }
}
