import Foundation
import GlossCore
import GlossHost
import Logging

/// Throughput of the analyzers in one process, without the daemon: per analyzer and for the
/// whole pipeline, on one thread and on every core.
struct AnalysisBenchmark {
    var corpus: Corpus
    var runs: Int
    var pluginPaths: [String]

    struct Result {
        var analyzer: String
        var corpus: String
        var singleThreadMBps: Sample
        var singleThreadDocumentsPerSecond: Sample
        var allCoresMBps: Sample
        var cores: Int
    }

    /// What loading each analyzer costs a worker: `dlopen` of its file (the first in this
    /// process, so cold but for the Swift runtime, which the worker has too), then `create()`
    /// and a first one-line document (where models and tables are loaded or touched).
    struct LoadCost {
        var analyzer: String
        var openMilliseconds: Double
        var startMilliseconds: Double
        /// Resident memory the process gained over dlopen, create() and the first document
        /// (models and tables touched while loading: the geo gazetteer is checksummed whole).
        var residentMiB: Double
    }

    /// Resident memory of this process in bytes (/proc/self/statm).
    private static func residentBytes() -> Double {
        guard let text = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8) else { return 0 }
        let fields = text.split(separator: " ")
        return fields.count > 1 ? (Double(fields[1]) ?? 0) * Double(sysconf(Int32(_SC_PAGESIZE))) : 0
    }

    /// Measures `LoadCost` for every plugin file; call it before anything else loads a plugin.
    func loadCosts() -> [LoadCost] {
        let files = PluginSearchPath(explicitPaths: pluginPaths, includeDefaults: true).pluginFiles().files
        var opened: [String: Double] = [:], openedResident: [String: Double] = [:]
        for file in files {
            let start = now(), before = Self.residentBytes()
            guard dlopen(file, RTLD_NOW | RTLD_LOCAL) != nil else { continue }
            let path = URL(fileURLWithPath: file).resolvingSymlinksInPath().path
            opened[path] = (now() - start) * 1000
            openedResident[path] = Self.residentBytes() - before
        }
        let catalog = PluginCatalog(searchPath: PluginSearchPath(explicitPaths: pluginPaths, includeDefaults: true))
        let reference = Date(timeIntervalSince1970: 1_463_472_000)
        let line = InputDocument(text: "وصل الوفد إلى طرابلس أمس. The delegation arrived yesterday.", name: "load.txt", modified: reference)
        return catalog.plugins.map { library in
            let id = library.descriptor.id
            let start = now(), before = Self.residentBytes()
            let analyzer = Self.pipeline(enabled: [id], pluginPaths: pluginPaths)
            _ = analyzer.analyze(line, referenceTime: reference, referenceSource: .option)
            let started = (now() - start) * 1000
            let path = URL(fileURLWithPath: library.path).resolvingSymlinksInPath().path
            return LoadCost(analyzer: id, openMilliseconds: opened[path] ?? .nan, startMilliseconds: started,
                            residentMiB: ((openedResident[path] ?? 0) + Self.residentBytes() - before) / 1_048_576)
        }
    }

    /// The analyzers the plugin search finds (ids), in run order.
    func analyzers() -> [String] {
        PluginCatalog(searchPath: PluginSearchPath(explicitPaths: pluginPaths, includeDefaults: true)).plugins.map(\.descriptor.id)
    }

    func measure(analyzer: String?, on corpus: Corpus, label: String) -> Result {
        let cores = ProcessInfo.processInfo.activeProcessorCount
        var single: [Double] = [], documentsPerSecond: [Double] = [], parallel: [Double] = []
        let pipeline = Self.pipeline(enabled: analyzer.map { [$0] } ?? [], pluginPaths: pluginPaths)
        let documents = corpus.documents.map { InputDocument(text: $0.text, name: $0.name, modified: Date(timeIntervalSince1970: 1_463_472_000)) }
        let reference = Date(timeIntervalSince1970: 1_463_472_000)
        _ = documents.prefix(3).map { pipeline.analyze($0, referenceTime: reference, referenceSource: .option) }  // warm up
        for _ in 0..<runs {
            let start = now()
            for document in documents { _ = pipeline.analyze(document, referenceTime: reference, referenceSource: .option) }
            let seconds = now() - start
            single.append(corpus.megabytes / seconds)
            documentsPerSecond.append(Double(documents.count) / seconds)
        }
        // Every core: one thread and one set of plugin instances per core, each over the whole
        // corpus. Threads load their plugins first and start together, so only analysis is timed.
        for _ in 0..<runs {
            let loaded = DispatchGroup(), finished = DispatchGroup()
            let go = DispatchSemaphore(value: 0)
            let enabled = analyzer.map { [$0] } ?? [], pluginPaths = self.pluginPaths
            for _ in 0..<cores {
                loaded.enter()
                finished.enter()
                let thread = Thread {
                    let own = Self.pipeline(enabled: enabled, pluginPaths: pluginPaths)
                    _ = documents.prefix(3).map { own.analyze($0, referenceTime: reference, referenceSource: .option) }
                    loaded.leave()
                    go.wait()
                    for document in documents { _ = own.analyze(document, referenceTime: reference, referenceSource: .option) }
                    finished.leave()
                }
                thread.stackSize = 8 << 20
                thread.start()
            }
            loaded.wait()
            let start = now()
            for _ in 0..<cores { go.signal() }
            finished.wait()
            parallel.append(corpus.megabytes * Double(cores) / (now() - start))
        }
        return Result(analyzer: analyzer ?? "pipeline", corpus: label, singleThreadMBps: Sample(values: single),
                      singleThreadDocumentsPerSecond: Sample(values: documentsPerSecond),
                      allCoresMBps: Sample(values: parallel), cores: cores)
    }

    private static func pipeline(enabled: [String], pluginPaths: [String]) -> DocumentAnalyzer {
        var settings = Settings()
        settings.enabledAnalyzers = enabled
        let catalog = PluginCatalog(searchPath: PluginSearchPath(explicitPaths: pluginPaths, includeDefaults: true), enabled: enabled)
        return DocumentAnalyzer(catalog: catalog, settings: settings, logger: Logger(label: "bench"))
    }
}
