import ArgumentParser
import Foundation

/// `gloss-bench`: measures Gloss and prints one report (and writes it as JSON), side by side
/// with the Python tools people use instead. Run it through `make bench`, which builds in
/// release mode, generates the corpus and installs the baselines first.
@main
struct GlossBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "gloss-bench",
        abstract: "Measure Gloss's throughput, latency, start-up and memory against the Python baselines.",
        discussion: "Use `make bench`; it prepares the corpus and baselines this command reads.")

    @Option(help: "The corpus directory (scripts/bench/generate-corpus.py).")
    var corpus: String

    @Option(help: "The gloss executable to run as a daemon (a release build).")
    var gloss: String

    @Option(help: "The baselines' JSON (scripts/bench/baselines.py).")
    var baselines: String?

    @Option(help: "Where to write the report as JSON.")
    var json: String

    @Option(help: "Repetitions of each measurement; medians are reported.")
    var runs = 5

    @Option(help: "Files in each burst of renames.")
    var burstFiles = 10_000

    @Option(help: "Single-file drops for the latency percentiles.")
    var latencyDrops = 200

    @Option(name: .customLong("analyzer"),
            help: ArgumentHelp("Measure only this analyzer's throughput (repeat for several), and skip the pipeline and the daemon: a quick check while working on one analyzer.",
                               valueName: "id"))
    var onlyAnalyzers: [String] = []

    func run() throws {
        #if DEBUG
        FileHandle.standardError.write(Data("gloss-bench: this is a debug build; build with -c release (make bench does).\n".utf8))
        #endif
        let corpus = try Corpus(directory: self.corpus)
        let machine = Machine.current()
        var report = Report(machine: machine, corpus: corpus)
        let analysis = AnalysisBenchmark(corpus: corpus, runs: runs, pluginPaths: [])
        report.loadCosts = analysis.loadCosts()  // first: nothing may have loaded a plugin yet
        report.analyzers = analysis.analyzers()
        if !onlyAnalyzers.isEmpty {
            let unknown = onlyAnalyzers.filter { !report.analyzers.contains($0) }
            guard unknown.isEmpty else {
                throw ValidationError("no plugin found for \(unknown.joined(separator: ", ")); the analyzers found are \(report.analyzers.joined(separator: ", ")).")
            }
            report.analyzers = report.analyzers.filter(onlyAnalyzers.contains)
            report.onlyAnalyzers = onlyAnalyzers
        }
        FileHandle.standardError.write(Data("measuring analysis throughput…\n".utf8))
        for (label, subset) in [("ar", corpus.filtered("ar")), ("en", corpus.filtered("en"))] where !subset.documents.isEmpty {
            for analyzer in report.analyzers {
                report.analysis.append(analysis.measure(analyzer: analyzer, on: subset, label: label))
            }
            if onlyAnalyzers.isEmpty { report.analysis.append(analysis.measure(analyzer: nil, on: subset, label: label)) }
        }
        if onlyAnalyzers.isEmpty {
            FileHandle.standardError.write(Data("measuring the daemon…\n".utf8))
            let shipped = Report.shippedAnalyzers.filter(report.analyzers.contains)
            report.daemonAnalyzers = shipped
            report.daemon = try DaemonBenchmark(gloss: gloss, corpus: corpus, burstFiles: burstFiles,
                                                latencyDrops: latencyDrops, runs: max(1, runs / 2), analyzers: shipped).measure()
        }
        if let baselines, let data = FileManager.default.contents(atPath: baselines) {
            report.baselines = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any]
        }
        print(report.text)
        let output = try JSONSerialization.data(withJSONObject: report.json, options: [.prettyPrinted, .sortedKeys])
        try output.write(to: URL(fileURLWithPath: json))
        FileHandle.standardError.write(Data("report written to \(json)\n".utf8))
    }
}

struct Machine {
    var cores: Int
    var cpu: String
    var memoryGiB: Double
    var kernel: String
    var build: String

    static func current() -> Machine {
        let cpuinfo = (try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8)) ?? ""
        let model = cpuinfo.split(separator: "\n").first { $0.hasPrefix("model name") }
            .map { String($0.split(separator: ":", maxSplits: 1)[1]).trimmingCharacters(in: .whitespaces) } ?? "unknown"
        var info = utsname()
        uname(&info)
        let kernel = withUnsafeBytes(of: info.release) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
        #if DEBUG
        let build = "debug"
        #else
        let build = "release"
        #endif
        return Machine(cores: ProcessInfo.processInfo.activeProcessorCount, cpu: model,
                       memoryGiB: Double(ProcessInfo.processInfo.physicalMemory) / Double(1 << 30), kernel: kernel, build: build)
    }
}
