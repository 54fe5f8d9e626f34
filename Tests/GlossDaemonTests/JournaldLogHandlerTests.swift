@testable import GlossDaemon
import Testing

struct JournaldLogHandlerTests {
    @Test(arguments: [
        ("file", "GLOSS_FILE"), ("duration_ms", "GLOSS_DURATION_MS"), ("analyzer", "GLOSS_ANALYZER"),
        ("spool.file", "GLOSS_SPOOL_FILE"), ("worker-pid", "GLOSS_WORKER_PID"),
    ])
    func mapsMetadataKeysToUpperCaseGlossFields(key: String, field: String) {
        #expect(JournaldLogHandler.fieldName(forMetadataKey: key) == field)
    }

    @Test(arguments: ["_trusted", "", "bad key", "ключ", "a=b", String(repeating: "x", count: 70)])
    func dropsKeysThatCannotBeSafeJournalFields(key: String) {
        #expect(JournaldLogHandler.fieldName(forMetadataKey: key) == nil)
    }

    @Test func detectsTheJournalOnlyWhenJournalStreamNamesStandardError() {
        #expect(!JournaldLogHandler.standardErrorIsJournal(environment: [:]))
        #expect(!JournaldLogHandler.standardErrorIsJournal(environment: ["JOURNAL_STREAM": "1:1"]))
        #expect(!JournaldLogHandler.standardErrorIsJournal(environment: ["JOURNAL_STREAM": "garbage"]))
    }

    @Test func messageIDsAreDistinct128BitHex() {
        let ids = MessageID.allCases.map(\.rawValue)
        #expect(Set(ids).count == ids.count)
        #expect(ids.allSatisfy { $0.count == 32 && $0.allSatisfy(\.isHexDigit) && $0 == $0.lowercased() })
    }
}
