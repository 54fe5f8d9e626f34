internal import CLinuxSupport
internal import Foundation
public import GlossCore
internal import GlossHost
public import Logging

/// The worker process's side of the protocol: loads the plugins once, then analyzes one
/// requested file at a time and reports progress and results on standard output.
///
/// Runs entirely on the calling thread, which it blocks; plugin instances never leave it.
/// The worker asks the kernel to kill it when the daemon dies, so no orphan keeps a file.
public struct WorkerLoop {
    public var settings: Settings
    public var logger: Logger

    public init(settings: Settings, logger: Logger) {
        self.settings = settings
        self.logger = logger
    }

    public func run() {
        _ = gloss_set_parent_death_signal(SIGKILL)
        let catalog = PluginCatalog(
            searchPath: PluginSearchPath(explicitPaths: settings.plugins.paths, includeDefaults: settings.plugins.searchDefaultDirectories),
            enabled: settings.enabledAnalyzers)
        let pipeline = DocumentAnalyzer(catalog: catalog, settings: settings, logger: logger)
        let refused = (catalog.refused + pipeline.refused).filter { $0.code != .notEnabled }.map(\.description)
        let output = FileHandle.standardOutput
        output.write(WorkerProtocol.frame(.hello(analyzers: pipeline.analyzers.map(\.id), refused: refused)))

        let reader = InputReader(configuration: .init(maximumSize: settings.input.maximumSize, encoding: settings.input.encoding))
        let frames = WorkerProtocol.FrameReader(handle: FileHandle.standardInput)
        while let frame = frames.next() {
            guard frame.tag == "J", let payload = frame.payload, let request = WorkerProtocol.Request(json: payload) else { continue }
            let result: AnalysisResult
            switch reader.read(path: request.path) {
            case .failed(let failed): result = failed
            case .document(let document):
                if Self.existingResultMatches(document.description, inputPath: request.path) {
                    output.write(WorkerProtocol.frame(.upToDate))
                    continue
                }
                result = pipeline.analyze(document, referenceTime: document.modified, referenceSource: .mtime,
                                          excluding: request.exclusions) { analyzer in
                    output.write(WorkerProtocol.frame(.started(analyzer: analyzer)))
                }
            }
            if case .failed = result.status, Self.existingResultMatches(result.input, inputPath: request.path, failure: result.error) {
                output.write(WorkerProtocol.frame(.upToDate))
                continue
            }
            let summary = WorkerProtocol.ResultSummary(status: result.status.rawValue, annotations: result.annotations.count)
            output.write(WorkerProtocol.frame(.result(Data(result.serialized()), summary: summary)))
        }
    }

    /// Whether the result already beside the input describes this very input: the same
    /// SHA-256, or for inputs that could not be hashed (too large, unreadable) the same
    /// size, modification time and error code. An up-to-date result is never rewritten.
    static func existingResultMatches(_ input: InputDescription, inputPath: String, failure: ResultError? = nil) -> Bool {
        guard let data = FileManager.default.contents(atPath: ResultWriter.resultPath(forInput: inputPath)),
              let result = try? JSONValue(parsing: data),
              result["schema"]?.stringValue == resultSchemaIdentifier,
              let recorded = result["input"] else { return false }
        if let sha256 = input.sha256 {
            return recorded["sha256"]?.stringValue == sha256
        }
        return recorded["sha256"] == nil && recorded["bytes"]?.integerValue == Int64(input.bytes)
            && recorded["modified"]?.stringValue == input.modified
            && result["error"]?["code"]?.stringValue == failure?.code
    }
}
