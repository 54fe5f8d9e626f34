import GlossCore

/// The short, readable account of a result that `gloss analyze` prints.
struct TerminalSummary {
    /// On a terminal, list the annotations too (at most `maximumListed`) and use colour.
    var isTerminal: Bool
    var maximumListed = 30

    func render(_ result: AnalysisResult, input: String, resultPath: String) -> String {
        var lines: [String] = []
        let status = colour(result.status.rawValue, result.status == .ok ? "32" : result.status == .partial ? "33" : "31")
        var head = "\(input) → \(resultPath): \(status)"
        if let language = result.input.language { head += ", \(language.rawValue)" }
        if let error = result.error {
            lines.append(head + " (\(error.code))")
            lines.append("  " + error.message)
            return lines.joined(separator: "\n") + "\n"
        }
        var counts: [String: Int] = [:]
        for annotation in result.annotations { counts[annotation.type, default: 0] += 1 }
        let countText = counts.sorted { $0.key < $1.key }.map { "\($0.value) \($0.key)" }.joined(separator: ", ")
        head += ", \(result.annotations.count) annotation\(result.annotations.count == 1 ? "" : "s")"
        if !countText.isEmpty { head += " (\(countText))" }
        lines.append(head)
        for report in result.analyzers where report.status != .ok {
            lines.append("  \(report.id): \(report.status.rawValue)" + (report.error.map { " — \($0.message)" } ?? ""))
        }
        for report in result.analyzers where report.droppedAnnotations > 0 {
            lines.append("  \(report.id): dropped \(report.droppedAnnotations) invalid annotation(s): \(report.problems.first ?? "")")
        }
        if isTerminal {
            for annotation in result.annotations.prefix(maximumListed) {
                let attributes = annotation.attributes.map { "\($0.key)=\(Self.text($0.value))" }.joined(separator: " ")
                lines.append("  \(String(annotation.start).leftPadded(6))  \(colour(annotation.type, "36"))  \(annotation.text)  \(colour(attributes, "2"))")
            }
            if result.annotations.count > maximumListed {
                lines.append("  … \(result.annotations.count - maximumListed) more in \(resultPath)")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private func colour(_ text: String, _ code: String) -> String {
        isTerminal ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }

    private static func text(_ value: AttributeValue) -> String {
        switch value {
        case .string(let string): string
        case .integer(let number): String(number)
        case .number(let number): String(number)
        case .boolean(let flag): String(flag)
        case .stringList(let strings): strings.joined(separator: ",")
        }
    }
}

extension String {
    fileprivate func leftPadded(_ width: Int) -> String {
        count >= width ? self : String(repeating: " ", count: width - count) + self
    }
}
