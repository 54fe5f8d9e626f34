import Foundation
import GlossHost

/// The benchmark report: text for people, JSON for tools.
struct Report {
    var machine: Machine
    var corpus: Corpus
    var analyzers: [String] = []
    /// The analyzers `--analyzer` chose (empty: all, with the pipeline and the daemon).
    var onlyAnalyzers: [String] = []
    /// The analyzers the daemon ran in section 2 (the shipped ones; empty: every plugin found).
    var daemonAnalyzers: [String] = []
    var analysis: [AnalysisBenchmark.Result] = []
    var loadCosts: [AnalysisBenchmark.LoadCost] = []
    var daemon: DaemonBenchmark.Result?
    var baselines: [String: Any]?

    /// The shipped analyzers the targets speak of; absent until their plugins exist.
    static let shippedAnalyzers = ["gloss.entity", "gloss.date", "gloss.geo"]

    var text: String {
        var lines: [String] = []
        lines.append("Gloss benchmark — \(Timestamp.format(Date()))")
        lines.append("machine: \(machine.cores) cores, \(machine.cpu), \(format(machine.memoryGiB, 1)) GiB, Linux \(machine.kernel); build: \(machine.build)")
        let arabic = corpus.filtered("ar"), english = corpus.filtered("en")
        lines.append("corpus: \(corpus.documents.count) documents, \(format(corpus.megabytes, 2)) MB (ar: \(arabic.documents.count) docs, \(format(arabic.megabytes, 2)) MB; en: \(english.documents.count) docs, \(format(english.megabytes, 2)) MB)")
        lines.append("figures: median (min–max) of repeated runs")
        lines.append("")
        lines.append("1. Analysis throughput, one process (MB/s of UTF-8 input)")
        lines.append("   analyzer                   corpus  1 thread MB/s        docs/s               all \(machine.cores) cores MB/s")
        for result in analysis {
            lines.append("   " + pad(result.analyzer, 26) + " " + pad(result.corpus, 7) + pad(result.singleThreadMBps.text(), 21)
                         + pad(result.singleThreadDocumentsPerSecond.text(0), 21) + result.allCoresMBps.text())
        }
        for missing in Self.shippedAnalyzers where !analyzers.contains(missing) {
            lines.append("   " + pad(missing, 26) + (onlyAnalyzers.isEmpty ? " absent: the analyzer does not exist yet" : " not measured (--analyzer)"))
        }
        if let geo = analysis.first(where: { $0.analyzer == "gloss.geo" && $0.corpus == "ar" }) {
            lines.append("   target: gloss.geo ≥ 10 MB/s per core on Arabic news: \(verdict(geo.singleThreadMBps.median >= 10))")
        }
        let pipelineArabic = analysis.first { $0.analyzer == "pipeline" && $0.corpus == "ar" }
        let complete = Self.shippedAnalyzers.allSatisfy(analyzers.contains)
        lines.append("   target: whole pipeline (entity + date + geo) ≥ 2 MB/s per core on Arabic news: "
                     + (!onlyAnalyzers.isEmpty ? "not measured (--analyzer)" : complete ? verdict((pipelineArabic?.allCoresMBps.median ?? 0) / Double(machine.cores) >= 2) : "not measurable yet (analyzers absent)"))
        lines.append("")
        if let daemon {
            lines.append("2. End to end through `gloss daemon` (\(daemon.workers) workers; analyzers: "
                         + (daemonAnalyzers.isEmpty ? "every plugin found" : daemonAnalyzers.joined(separator: ", ") + ", as installed") + ")")
            lines.append("   burst of \(burstFileCount) renames (\(format(daemon.burstMegabytes, 1)) MB): \(daemon.burstSeconds.text()) s until every result exists = \(daemon.burstFilesPerSecond.text(0)) files/s")
            lines.append("   single drop into an idle daemon, \(daemon.latencyMilliseconds.values.count) drops: p50 \(format(daemon.latencyMilliseconds.percentile(50))) ms, p90 \(format(daemon.latencyMilliseconds.percentile(90))) ms, p99 \(format(daemon.latencyMilliseconds.percentile(99))) ms")
            lines.append("   target: p50 ≤ 20 ms: \(verdict(daemon.latencyMilliseconds.percentile(50) <= 20)); 10,000 files of ~5 KB in ≤ 15 s on 2 cores: \(burstFileCount == 10_000 ? verdict(daemon.burstSeconds.median <= 15) : "not measured at 10,000")")
            lines.append("")
            lines.append("3. Cost")
            lines.append("   start-up to READY=1: \(daemon.startupSeconds.text(3)) s   target ≤ 0.5 s: \(verdict(daemon.startupSeconds.median <= 0.5))")
            let totalMiB = Double(daemon.daemonPeakKiB + daemon.workers * daemon.workerPeakKiB) / 1024
            lines.append("   peak resident memory: daemon \(format(Double(daemon.daemonPeakKiB) / 1024, 1)) MiB, worker \(format(Double(daemon.workerPeakKiB) / 1024, 1)) MiB each, total \(format(totalMiB, 1)) MiB   target ≤ 250 MB: \(verdict(totalMiB * 1.048576 <= 250))")
            lines.append("   CPU seconds per MB through the daemon (daemon + workers): \(daemon.cpuSecondsPerMB.text(3)), of which the daemon itself \(daemon.daemonCPUSecondsPerMB.text(3))")
            if !loadCosts.isEmpty {
                lines.append("   loading each analyzer (dlopen, then create() and a first one-line document, where models load; resident memory gained):")
                for cost in loadCosts {
                    lines.append("      " + pad(cost.analyzer, 26) + " dlopen \(format(cost.openMilliseconds, 2)) ms, start \(format(cost.startMilliseconds, 2)) ms, resident +\(format(cost.residentMiB, 1)) MiB")
                }
                let slowest = loadCosts.map { $0.openMilliseconds + $0.startMilliseconds }.max() ?? 0
                lines.append("   target: model load < 300 ms per analyzer: \(verdict(slowest < 300)) (slowest \(format(slowest, 1)) ms)")
            }
            lines.append("")
        }
        lines.append("4. Side by side with the Python tools, same corpus")
        lines.append(contentsOf: baselineLines)
        return lines.joined(separator: "\n")
    }

    private var burstFileCount: Int { daemon?.burstFiles ?? 0 }

    private var baselineLines: [String] {
        guard let baselines = baselines?["baselines"] as? [String: Any] else {
            return ["   baselines absent: run `make bench`, which installs them (scripts/bench/setup-baselines.sh)"]
        }
        var lines: [String] = []
        if let packages = self.baselines?["packages"] as? [String: Any] {
            lines.append("   " + packages.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", "))
        }
        if let dates = baselines["dateparser"] as? [String: Any] {
            let mbps = (dates["mb_per_s"] as? [String: Any])?["median"] as? Double
            let spread = dates["mb_per_s"] as? [String: Any]
            let docs = (dates["documents_per_s"] as? [String: Any])?["median"] as? Double
            let coverage = dates["coverage"] as? [String: Any]
            let covered = coverage.map { coverage in
                (coverage["truncated"] as? Bool == true)
                    ? " — timed on the first \(coverage["documents"] ?? "?") of \(coverage["of_documents"] ?? "?") documents (it is that slow)"
                    : " on all \(coverage["documents"] ?? "?") documents"
            } ?? ""
            lines.append("   dateparser.search_dates (ar, en): \(format(mbps ?? .nan, 4)) MB/s (\(format(spread?["min"] as? Double ?? .nan, 4))–\(format(spread?["max"] as? Double ?? .nan, 4))), \(format(docs ?? .nan, 1)) docs/s\(covered)")
            if let byLanguage = dates["by_language"] as? [String: [String: Any]] {
                let parts = byLanguage.sorted { $0.key < $1.key }.map { "\($0.key) \(format($0.value["mb_per_s_median"] as? Double ?? .nan, 4)) MB/s" }
                lines.append("      by language: " + parts.joined(separator: ", ") + "; start-up \(format(dates["startup_seconds"] as? Double ?? .nan, 2)) s")
            }
            if analyzers.contains("gloss.date"), let gloss = analysis.first(where: { $0.analyzer == "gloss.date" && $0.corpus == "ar" }), let mbps {
                lines.append("   gloss.date / dateparser: \(format(gloss.singleThreadMBps.median / mbps, 1))×   target ≥ 20×: \(verdict(gloss.singleThreadMBps.median / mbps >= 20))")
            } else {
                lines.append("   gloss.date / dateparser: absent (the date analyzer does not exist yet)")
            }
        }
        if let places = baselines["aho_corasick_places"] as? [String: Any] {
            if let reason = places["absent"] as? String {
                lines.append("   pyahocorasick place lookup: absent (\(reason))")
            } else {
                let mbps = (places["mb_per_s"] as? [String: Any])?["median"] as? Double
                let geo = analysis.first { $0.analyzer == "gloss.geo" && $0.corpus == "ar" }?.singleThreadMBps.median
                lines.append("   pyahocorasick place lookup: \(format(mbps ?? .nan, 2)) MB/s; gloss.geo / pyahocorasick (Arabic, one thread; "
                             + "the lookup only finds names, gloss.geo also resolves them): "
                             + (geo.map { format($0 / (mbps ?? .nan), 2) + "×" } ?? "absent (the geo analyzer does not exist yet)"))
            }
        }
        return lines
    }

    var json: [String: Any] {
        var object: [String: Any] = [
            "generated": Timestamp.format(Date()),
            "machine": ["cores": machine.cores, "cpu": machine.cpu, "memory_gib": machine.memoryGiB,
                        "kernel": machine.kernel, "build": machine.build],
            "corpus": ["documents": corpus.documents.count, "bytes": corpus.bytes],
            "analyzers_present": analyzers,
            "load_costs": loadCosts.map { ["analyzer": $0.analyzer, "dlopen_ms": $0.openMilliseconds.isNaN ? -1 : $0.openMilliseconds,
                                           "start_ms": $0.startMilliseconds, "resident_mib": $0.residentMiB] as [String: Any] },
            "analyzers_absent": Self.shippedAnalyzers.filter { !analyzers.contains($0) },
            "analysis": analysis.map { result in
                ["analyzer": result.analyzer, "corpus": result.corpus,
                 "single_thread_mb_per_second": result.singleThreadMBps.json,
                 "single_thread_documents_per_second": result.singleThreadDocumentsPerSecond.json,
                 "all_cores_mb_per_second": result.allCoresMBps.json, "cores": result.cores] as [String: Any]
            },
        ]
        if let daemon {
            object["daemon"] = [
                "workers": daemon.workers,
                "analyzers": daemonAnalyzers,
                "startup_seconds": daemon.startupSeconds.json,
                "latency_ms": ["p50": daemon.latencyMilliseconds.percentile(50), "p90": daemon.latencyMilliseconds.percentile(90),
                               "p99": daemon.latencyMilliseconds.percentile(99), "drops": daemon.latencyMilliseconds.values.count],
                "burst_seconds": daemon.burstSeconds.json, "burst_files_per_second": daemon.burstFilesPerSecond.json,
                "burst_megabytes": daemon.burstMegabytes,
                "daemon_peak_kib": daemon.daemonPeakKiB, "worker_peak_kib": daemon.workerPeakKiB,
                "cpu_seconds_per_mb": daemon.cpuSecondsPerMB.json,
                "daemon_cpu_seconds_per_mb": daemon.daemonCPUSecondsPerMB.json,
            ] as [String: Any]
        }
        if var baselines {
            // The baselines' JSON lists every date dateparser found; that stays in
            // .build/bench/baselines.json, the report keeps the figures.
            if var inner = baselines["baselines"] as? [String: Any] {
                for (name, value) in inner {
                    if var entry = value as? [String: Any] { entry["documents"] = nil; inner[name] = entry }
                }
                baselines["baselines"] = inner
            }
            object["baselines"] = baselines
        }
        return object
    }

    private func verdict(_ met: Bool) -> String { met ? "met" : "NOT met" }

    private func pad(_ text: String, _ width: Int) -> String {
        text.count >= width ? text + " " : text + String(repeating: " ", count: width - text.count)
    }
}
