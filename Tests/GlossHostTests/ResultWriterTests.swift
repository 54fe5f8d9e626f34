import Foundation
import GlossCore
import GlossHost
import Testing

struct ResultWriterTests {
    @Test func writesTheResultBesideTheInputAndLeavesNoTemporaryFile() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("gloss-writer-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let input = directory.appendingPathComponent("a.txt").path
        let result = AnalysisResult.failed(input: InputDescription(name: "a.txt", bytes: 0), error: ResultError(code: "not_text", message: "m"))
        let written = try ResultWriter().write(result, forInput: input)
        #expect(written == input + ".gloss.json")
        #expect(try Data(contentsOf: URL(fileURLWithPath: written)) == Data(result.serialized()))
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["a.txt.gloss.json"])
        // Rewriting replaces the file whole.
        try ResultWriter().write(result, forInput: input)
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["a.txt.gloss.json"])
    }

    @Test func failsWithTheErrnoWhenTheDirectoryIsMissing() {
        let result = AnalysisResult.failed(input: InputDescription(name: "a.txt", bytes: 0), error: ResultError(code: "x", message: "m"))
        #expect(throws: (any Error).self) { try ResultWriter().write(result, forInput: "/nonexistent/dir/a.txt") }
    }
}
