internal import Foundation
public import GlossCore
internal import SystemPackage

/// Reads an input file and decodes it, or produces the `failed` result that explains why
/// it cannot be analyzed. Never throws: bad input is not a programmer error.
public struct InputReader: Sendable {
    public struct Configuration: Sendable {
        public var maximumSize: Int
        public var encoding: LegacyEncodingChoice
        public init(maximumSize: Int = Settings.Input().maximumSize, encoding: LegacyEncodingChoice = .auto) {
            self.maximumSize = maximumSize
            self.encoding = encoding
        }
    }

    public enum Outcome: Sendable {
        case document(InputDocument)
        case failed(AnalysisResult)
    }

    public var configuration: Configuration

    public init(configuration: Configuration = Configuration()) {
        self.configuration = configuration
    }

    public func read(path: String) -> Outcome {
        let name = (path as NSString).lastPathComponent
        func failed(_ code: String, _ message: String, bytes: Int = 0, sha256: String? = nil, modified: String? = nil) -> Outcome {
            .failed(.failed(input: InputDescription(name: name, bytes: bytes, sha256: sha256, modified: modified),
                            error: ResultError(code: code, message: message)))
        }

        var status = stat()
        guard stat(path, &status) == 0 else {
            return failed("unreadable", "Cannot read \(path): \(Errno(rawValue: errno)). Check that the file exists and that Gloss's user may read it.")
        }
        guard status.st_mode & S_IFMT == S_IFREG else {
            return failed("unreadable", "\(path) is not a regular file (it is a directory, device, socket or pipe); Gloss analyzes regular files only.")
        }
        let modified = Date(timeIntervalSince1970: Double(status.st_mtim.tv_sec) + Double(status.st_mtim.tv_nsec) / 1e9)
        let modifiedText = Timestamp.format(modified)
        if Int(status.st_size) > configuration.maximumSize {
            return failed("too_large", "\(path) is \(status.st_size) bytes, more than the configured maximum of \(configuration.maximumSize) bytes (input.maximum_size). Split the file, or raise input.maximum_size in gloss.yaml.", bytes: Int(status.st_size), modified: modifiedText)
        }

        let bytes: [UInt8]
        do {
            bytes = try Self.readAll(path: path, limit: configuration.maximumSize)
        } catch let error as Errno {
            return failed("unreadable", "Cannot read \(path): \(error). Check the file's permissions and that Gloss's user may read it.", modified: modifiedText)
        } catch {
            return failed("too_large", "\(path) grew past the configured maximum of \(configuration.maximumSize) bytes while it was being read (input.maximum_size).", modified: modifiedText)
        }
        let sha256 = SHA256Digest.hex(of: bytes)
        switch TextDecoder(legacyEncoding: configuration.encoding).decode(bytes) {
        case .failure(let error):
            return .failed(.failed(input: InputDescription(name: name, bytes: bytes.count, sha256: sha256, modified: modifiedText), error: error))
        case .success(let decoded):
            return .document(InputDocument(name: name, byteCount: bytes.count, sha256: sha256, modified: modified,
                                           decoded: decoded, language: LanguageTag.detect(in: decoded.text)))
        }
    }

    private struct GrewTooLarge: Error {}

    /// Reads the whole file, refusing more than `limit` bytes even if it grows meanwhile.
    private static func readAll(path: String, limit: Int) throws -> [UInt8] {
        let descriptor = try FileDescriptor.open(FilePath(path), .readOnly, options: [.closeOnExec])
        return try descriptor.closeAfter {
            var bytes: [UInt8] = []
            var chunk = [UInt8](repeating: 0, count: 64 * 1024)
            while true {
                let count = try chunk.withUnsafeMutableBytes { try descriptor.read(into: $0, retryOnInterrupt: true) }
                if count == 0 { break }
                bytes.append(contentsOf: chunk[0..<count])
                if bytes.count > limit { throw GrewTooLarge() }
            }
            return bytes
        }
    }
}
