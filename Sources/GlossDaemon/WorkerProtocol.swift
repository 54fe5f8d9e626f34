public import Foundation
internal import GlossCore
public import GlossHost

/// The framing between the daemon and its worker processes, over the worker's stdin/stdout.
///
/// Daemon → worker: `J <n>\n` then `n` bytes of a JSON request.
/// Worker → daemon: `H <n>\n` + JSON hello once loaded (analyzer ids and refusals);
/// `S <id>\n` just before an analyzer runs; `R <n> <status> <annotations>\n` + the result
/// file's bytes (the status and count spare the daemon parsing a result it only writes);
/// `U\n` when the existing result is already up to date (nothing to write).
/// Lengths keep the framing independent of what the JSON contains.
public enum WorkerProtocol {
    /// One file to analyze.
    public struct Request: Sendable, Equatable {
        public var path: String
        /// Analyzers that already failed on this file in another worker.
        public var exclusions: [DocumentAnalyzer.Exclusion]

        public init(path: String, exclusions: [DocumentAnalyzer.Exclusion] = []) {
            self.path = path
            self.exclusions = exclusions
        }

        public func encoded() -> Data {
            let body = JSONValue.object([
                ("path", .string(path)),
                ("exclude", .array(exclusions.map { exclusion in
                    .object([("analyzer", .string(exclusion.analyzer)), ("status", .string(exclusion.status.rawValue)),
                             ("code", .string(exclusion.error.code)), ("message", .string(exclusion.error.message))])
                })),
            ]).serialized()
            return Data("J \(body.count)\n".utf8) + Data(body)
        }

        public init?(json data: Data) {
            guard let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
                  let path = object["path"] as? String else { return nil }
            self.path = path
            exclusions = (object["exclude"] as? [[String: Any]] ?? []).compactMap { entry in
                guard let analyzer = entry["analyzer"] as? String,
                      let status = (entry["status"] as? String).flatMap(AnalyzerReport.Status.init(rawValue:)),
                      let code = entry["code"] as? String, let message = entry["message"] as? String else { return nil }
                return DocumentAnalyzer.Exclusion(analyzer: analyzer, status: status, error: ResultError(code: code, message: message))
            }
        }
    }

    /// What a worker tells the daemon.
    public enum Event: Sendable, Equatable {
        /// Loaded: the analyzers it will run, in order, and the plugins it refused.
        case hello(analyzers: [String], refused: [String])
        case started(analyzer: String)
        case result(Data, summary: ResultSummary?)
        case upToDate
    }

    /// What the daemon logs about a result: its status and how many annotations it has.
    public struct ResultSummary: Sendable, Equatable {
        public var status: String
        public var annotations: Int

        public init(status: String, annotations: Int) {
            self.status = status
            self.annotations = annotations
        }

        /// From the words after the length in an `R` header; nil if they are missing or odd
        /// (the daemon then reads the result itself).
        public init?(header argument: String) {
            let words = argument.split(separator: " ")
            guard words.count == 3, let count = Int(words[2]), count >= 0 else { return nil }
            self.init(status: String(words[1]), annotations: count)
        }
    }

    public static func frame(_ event: Event) -> Data {
        switch event {
        case .hello(let analyzers, let refused):
            let body = JSONValue.object([("analyzers", .array(analyzers.map(JSONValue.string))),
                                         ("refused", .array(refused.map(JSONValue.string)))]).serialized()
            return Data("H \(body.count)\n".utf8) + Data(body)
        case .started(let analyzer): return Data("S \(analyzer)\n".utf8)
        case .result(let bytes, let summary):
            let words = summary.map { " \($0.status) \($0.annotations)" } ?? ""
            return Data("R \(bytes.count)\(words)\n".utf8) + bytes
        case .upToDate: return Data("U\n".utf8)
        }
    }

    /// Reads frames from a blocking file descriptor.
    ///
    /// The buffer is a byte array with a read position, compacted once the consumed part is
    /// the larger half, so it stays about one frame large however many frames pass through.
    public final class FrameReader {
        private let handle: FileHandle
        private var buffer: [UInt8] = []
        private var position = 0

        private let ended: (() -> Bool)?

        /// With `ended`, input also ends once `ended()` is true and nothing is left to read,
        /// even if the write end is still open: a process that died may have left children
        /// (a plugin's, or a crash reporter) holding its standard output.
        public init(handle: FileHandle, ended: (() -> Bool)? = nil) {
            self.handle = handle
            self.ended = ended
        }

        /// The next header line and its payload (if the header announces one); `nil` at end of input.
        public func next() -> (tag: Character, argument: String, payload: Data?)? {
            guard let line = readLine(), let tag = line.first else { return nil }
            let argument = String(line.dropFirst(2))
            if tag == "J" || tag == "H" || tag == "R" {
                let lengthText = argument.split(separator: " ", maxSplits: 1).first.map(String.init) ?? ""
                guard let length = Int(lengthText), length >= 0, let payload = read(count: length) else { return nil }
                return (tag, argument, payload)
            }
            return (tag, argument, nil)
        }

        private func fill() -> Bool {
            if position > 0, position * 2 >= buffer.count {
                buffer.removeFirst(position)
                position = 0
            }
            if let ended {
                var descriptor = pollfd(fd: handle.fileDescriptor, events: Int16(POLLIN), revents: 0)
                while true {
                    let ready = poll(&descriptor, 1, 100)
                    if ready > 0 || (ready < 0 && errno != EINTR) { break }
                    if ready == 0 && ended() { return false }
                }
            }
            let chunk = handle.availableData
            if chunk.isEmpty { return false }
            buffer.append(contentsOf: chunk)
            return true
        }

        private func readLine() -> String? {
            while true {
                if let newline = buffer[position...].firstIndex(of: 0x0A) {
                    let line = String(decoding: buffer[position..<newline], as: UTF8.self)
                    position = newline + 1
                    return line
                }
                guard fill() else { return nil }
            }
        }

        private func read(count: Int) -> Data? {
            while buffer.count - position < count { guard fill() else { return nil } }
            let payload = Data(buffer[position..<(position + count)])
            position += count
            return payload
        }
    }
}
