import ArgumentParser
import Configuration
import Foundation
import GlossCore
import GlossDaemon
import GlossHost
import Logging

struct EvalCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eval",
        abstract: "Measure an analyzer's precision, recall and value accuracy on an annotated corpus.",
        discussion: """
            The corpus is a directory of JSON Lines files (see Tests/Corpora/dates/README.md): each line \
            has "text", "reference" and "expected" annotations (text, type, value, mod, begin, end). Files \
            whose names start with "negatives" hold sentences where nothing may be found. The analyzer \
            runs through the real plugin host, as in `gloss analyze`.

            A found annotation matches an expected one with exactly the same text; precision and recall \
            count matches, value accuracy counts matches whose type, value (or begin and end) and mod are \
            also right; for places (expected "lat" and "lon"), matches in the expected country within 161 km \
            of the expected coordinates, or with the expected GeoNames id, or the expected country itself. Exit status: 0 on success, 1 if --minimum-value-accuracy or --maximum-negative-hits \
            or --minimum-f1 is not met, 3 if the analyzer cannot be loaded.
            """)

    @Argument(help: ArgumentHelp("The analyzer to evaluate.", valueName: "id"))
    var analyzer: String

    @Option(help: ArgumentHelp("The corpus directory.", valueName: "dir"))
    var corpus: String

    @Flag(help: "List every miss, false hit and wrong value.")
    var verbose = false

    @Option(help: ArgumentHelp("Fail unless value accuracy reaches this (0–1).", valueName: "fraction"))
    var minimumValueAccuracy: Double?

    @Option(help: ArgumentHelp("Fail if more annotations than this are found in negative sentences.", valueName: "count"))
    var maximumNegativeHits: Int?

    @Option(help: ArgumentHelp("Fail unless the F1 of spans over all files reaches this (0–1).", valueName: "fraction"))
    var minimumF1: Double?

    @Option(name: .customLong("with"), help: ArgumentHelp("Also run this analyzer (its annotations are not scored), e.g. gloss.entity for gloss.geo.", valueName: "id"))
    var companions: [String] = []

    @OptionGroup var options: PluginOptions

    func run() async throws {
        let logger = options.makeLogger()
        let settings = try await options.loadSettings(flags: ["analyzers.enabled": .stringArray([analyzer] + companions)])
        let files = try FileManager.default.contentsOfDirectory(atPath: corpus).filter { $0.hasSuffix(".jsonl") }.sorted()
        guard !files.isEmpty else { throw ValidationError("No .jsonl files in \(corpus).") }
        let corpus = self.corpus, analyzer = self.analyzer, verbose = self.verbose, companions = self.companions
        let report = try await onDedicatedThread { () throws -> EvaluationReport in
            let catalog = PluginCatalog(searchPath: PluginSearchPath(explicitPaths: settings.plugins.paths, includeDefaults: settings.plugins.searchDefaultDirectories),
                                        enabled: [analyzer] + companions)
            let pipeline = DocumentAnalyzer(catalog: catalog, settings: settings, logger: logger)
            guard pipeline.analyzers.contains(where: { $0.id == analyzer }) else {
                FileHandle.printError("analyzer \(analyzer) could not be loaded; see `gloss plugins list`.")
                throw ExitCode(ExitStatus.badConfiguration)
            }
            var report = EvaluationReport()
            for file in files {
                let negative = file.hasPrefix("negatives")
                let text = try String(contentsOfFile: corpus + "/" + file, encoding: .utf8)
                for line in text.split(separator: "\n") where !line.trimmingCharacters(in: .whitespaces).isEmpty {
                    guard let item = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
                          let sentence = item["text"] as? String else { throw ValidationError("\(file): a line is not a corpus item: \(line.prefix(80))") }
                    let reference = (item["reference"] as? String).flatMap(Timestamp.parse) ?? Date(timeIntervalSince1970: 1_463_472_000)
                    let document = InputDocument(text: sentence, name: item["id"] as? String ?? file, modified: reference)
                    let result = pipeline.analyze(document, referenceTime: reference, referenceSource: .option)
                    // A document-level focus is not a mention.
                    let found = result.annotations.filter { $0.analyzer == analyzer && $0.type != "focus" }
                    let expected = item["expected"] as? [[String: Any]] ?? []
                    report.add(file: file, id: item["id"] as? String ?? "?", negative: negative, found: found, expected: expected, verbose: verbose)
                }
            }
            return report
        }
        print(report.text)
        var failed = false
        if let minimum = minimumValueAccuracy, report.valueAccuracy < minimum {
            print("FAIL value accuracy \(String(format: "%.3f", report.valueAccuracy)) is below \(minimum)")
            failed = true
        }
        if let minimum = minimumF1, report.f1 < minimum {
            print("FAIL F1 \(String(format: "%.3f", report.f1)) is below \(minimum)")
            failed = true
        }
        if let maximum = maximumNegativeHits, report.negativeHits > maximum {
            print("FAIL \(report.negativeHits) annotations in negative sentences (at most \(maximum) allowed)")
            failed = true
        }
        if failed { throw ExitCode(1) }
    }
}

/// Counts for `gloss eval`.
struct EvaluationReport: Sendable {
    struct Counts: Sendable {
        var found = 0, expected = 0, matched = 0, correctValue = 0
    }
    var byFile: [String: Counts] = [:]
    var negativeHits = 0
    var negativeSentences = 0
    var details: [String] = []

    var total: Counts {
        byFile.values.reduce(into: Counts()) { sum, counts in
            sum.found += counts.found; sum.expected += counts.expected; sum.matched += counts.matched; sum.correctValue += counts.correctValue
        }
    }
    var valueAccuracy: Double { total.matched == 0 ? 0 : Double(total.correctValue) / Double(total.matched) }
    var f1: Double {
        let counts = total
        let precision = counts.found == 0 ? 0 : Double(counts.matched) / Double(counts.found)
        let recall = counts.expected == 0 ? 0 : Double(counts.matched) / Double(counts.expected)
        return precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall)
    }

    mutating func add(file: String, id: String, negative: Bool, found: [Annotation], expected: [[String: Any]], verbose: Bool) {
        if negative {
            negativeSentences += 1
            negativeHits += found.count
            if verbose { for annotation in found { details.append("FALSE HIT \(id): \"\(annotation.text)\" \(Self.describe(annotation))") } }
            return
        }
        var counts = byFile[file] ?? Counts()
        counts.found += found.count
        counts.expected += expected.count
        var unmatched = found
        for gold in expected {
            let text = gold["text"] as? String ?? ""
            guard let index = unmatched.firstIndex(where: { $0.text == text }) else {
                if verbose { details.append("MISSED    \(id): \"\(text)\" \(gold["value"] ?? gold["begin"] ?? "")") }
                continue
            }
            let annotation = unmatched.remove(at: index)
            counts.matched += 1
            if Self.sameValue(annotation, gold) {
                counts.correctValue += 1
            } else if verbose {
                details.append("WRONG     \(id): \"\(text)\" expected \(gold["type"] ?? "") \(gold["value"] ?? "") \(gold["mod"] ?? "") begin=\(gold["begin"] ?? "") end=\(gold["end"] ?? ""), found \(Self.describe(annotation))")
            }
        }
        if verbose { for annotation in unmatched { details.append("EXTRA     \(id): \"\(annotation.text)\" \(Self.describe(annotation))") } }
        byFile[file] = counts
    }

    private static func string(_ annotation: Annotation, _ key: String) -> String? {
        if case .string(let value)? = annotation.attribute(key) { return value }
        return nil
    }

    static func sameValue(_ annotation: Annotation, _ gold: [String: Any]) -> Bool {
        guard annotation.type == (gold["type"] as? String ?? annotation.type) else { return false }
        // Places: the country, and coordinates within 161 km (100 miles, the geoparsing custom);
        // the same GeoNames id is right wherever either side put its point, and a country is
        // right as the same country (a country's "point" differs from source to source).
        if let latitude = number(gold["lat"]), let longitude = number(gold["lon"]) {
            if let country = gold["country"] as? String, string(annotation, "country") != country { return false }
            if let id = gold["geonames_id"] as? Int, case .integer(let found)? = annotation.attribute("geonames_id"), Int(found) == id { return true }
            let countryFeatures: Set<String> = ["PCLI", "PCLD", "PCLF", "PCLS", "PCLIX", "PCL"]
            if let feature = gold["feature"] as? String, countryFeatures.contains(feature), gold["country"] != nil,
               let found = string(annotation, "feature"), countryFeatures.contains(found) { return true }
            guard let foundLatitude = number(annotation, "lat"), let foundLongitude = number(annotation, "lon") else { return false }
            return distanceKilometres(latitude, longitude, foundLatitude, foundLongitude) <= 161
        }
        if let value = gold["value"] as? String, string(annotation, "value") != value { return false }
        if let begin = gold["begin"] as? String, string(annotation, "begin") != begin { return false }
        if let end = gold["end"] as? String, string(annotation, "end") != end { return false }
        if (gold["mod"] as? String) != string(annotation, "mod") { return false }
        return true
    }

    private static func number(_ value: Any?) -> Double? {
        (value as? NSNumber)?.doubleValue
    }

    private static func number(_ annotation: Annotation, _ key: String) -> Double? {
        switch annotation.attribute(key) {
        case .number(let value)?: return value
        case .integer(let value)?: return Double(value)
        default: return nil
        }
    }

    /// Great-circle distance (haversine, mean Earth radius).
    static func distanceKilometres(_ lat1: Double, _ lon1: Double, _ lat2: Double, _ lon2: Double) -> Double {
        let radians = Double.pi / 180
        let dLat = (lat2 - lat1) * radians, dLon = (lon2 - lon1) * radians
        let a = sin(dLat / 2) * sin(dLat / 2) + cos(lat1 * radians) * cos(lat2 * radians) * sin(dLon / 2) * sin(dLon / 2)
        return 6371.0088 * 2 * atan2(sqrt(a), sqrt(1 - a))
    }

    static func describe(_ annotation: Annotation) -> String {
        "\(annotation.type) " + annotation.attributes.map { "\($0.key)=\($0.value)" }.joined(separator: " ")
    }

    var text: String {
        var lines = details
        func row(_ name: String, _ counts: Counts) -> String {
            let precision = counts.found == 0 ? 0 : Double(counts.matched) / Double(counts.found)
            let recall = counts.expected == 0 ? 0 : Double(counts.matched) / Double(counts.expected)
            let f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall)
            let accuracy = counts.matched == 0 ? 0 : Double(counts.correctValue) / Double(counts.matched)
            return name.padding(toLength: 22, withPad: " ", startingAt: 0)
                + String(format: "%6d %6d %6d   %5.1f  %5.1f  %5.1f   %5.1f", counts.expected, counts.found, counts.matched,
                         precision * 100, recall * 100, f1 * 100, accuracy * 100)
        }
        lines.append("corpus                 expect  found  match    P %    R %   F1 %   value %")
        for (file, counts) in byFile.sorted(by: { $0.key < $1.key }) { lines.append(row(file, counts)) }
        lines.append(row("all", total))
        lines.append("negative sentences: \(negativeSentences), annotations found in them: \(negativeHits)")
        return lines.joined(separator: "\n")
    }
}
