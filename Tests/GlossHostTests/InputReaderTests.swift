import Foundation
import GlossCore
import GlossHost
import Testing

struct InputReaderTests {
    private func temporaryFile(_ bytes: [UInt8], name: String = "input.txt") throws -> String {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("gloss-input-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let path = directory.appendingPathComponent(name).path
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        return path
    }

    private func failure(_ outcome: InputReader.Outcome) -> ResultError? {
        if case .failed(let result) = outcome { return result.error }
        return nil
    }

    @Test func readsUTF8AndRecordsDigestLanguageAndEncoding() throws {
        let path = try temporaryFile(Array("مرحبا بالعالم".utf8))
        guard case .document(let document) = InputReader().read(path: path) else { Issue.record("not read"); return }
        #expect(document.decoded.encoding == .utf8)
        #expect(document.language == .arabic)
        #expect(document.byteCount == 25)
    }

    @Test func computesTheSHA256OfTheRawBytes() throws {
        let path = try temporaryFile(Array("abc".utf8))
        guard case .document(let document) = InputReader().read(path: path) else { Issue.record("not read"); return }
        #expect(document.sha256 == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    }

    @Test func anEmptyFileIsADocumentWithNoText() throws {
        let path = try temporaryFile([])
        guard case .document(let document) = InputReader().read(path: path) else { Issue.record("not read"); return }
        #expect(document.decoded.text.isEmpty)
        #expect(document.language == .undetermined)
    }

    @Test func aFileWithNULBytesIsNotText() throws {
        let path = try temporaryFile([0x7F, 0x45, 0x4C, 0x46, 0x02, 0x01, 0x00, 0x00])
        #expect(failure(InputReader().read(path: path))?.code == "not_text")
    }

    @Test func aFileLargerThanTheMaximumIsRefusedWithoutReadingIt() throws {
        let path = try temporaryFile(Array(repeating: UInt8(ascii: "a"), count: 2048))
        let error = failure(InputReader(configuration: .init(maximumSize: 1024)).read(path: path))
        #expect(error?.code == "too_large")
        #expect(error?.message.contains("input.maximum_size") == true)
    }

    @Test func aMissingFileIsUnreadable() {
        #expect(failure(InputReader().read(path: "/nonexistent/gloss/input.txt"))?.code == "unreadable")
    }

    @Test func aDirectoryIsUnreadable() {
        let error = failure(InputReader().read(path: FileManager.default.temporaryDirectory.path))
        #expect(error?.code == "unreadable")
        #expect(error?.message.contains("not a regular file") == true)
    }
}
