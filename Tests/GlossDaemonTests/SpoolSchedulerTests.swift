import Foundation
import GlossCore
@testable import GlossDaemon
import Testing

struct SpoolSchedulerTests {
    private func spool() throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("gloss-scheduler-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return URL(fileURLWithPath: path).resolvingSymlinksInPath().path
    }

    @Test func takesAFileOnlyAfterItStayedUnchangedForTheSettleTime() async throws {
        let root = try spool()
        let scheduler = SpoolScheduler(roots: [root], rules: SpoolRules(), settleTime: .milliseconds(300))
        let path = root + "/a.txt"
        try Data("one".utf8).write(to: URL(fileURLWithPath: path))
        await scheduler.noteChange(path, immediate: false)
        await scheduler.tick()
        #expect(await scheduler.counts.queued == 0)
        #expect(await scheduler.counts.settling == 1)
        try await Task.sleep(for: .milliseconds(150))
        try Data("one two".utf8).write(to: URL(fileURLWithPath: path))  // still being written
        try await Task.sleep(for: .milliseconds(200))
        await scheduler.tick()
        #expect(await scheduler.counts.queued == 0, "a file that changed during the settle time was taken")
        try await Task.sleep(for: .milliseconds(350))
        await scheduler.tick()
        #expect(await scheduler.counts.queued == 1)
        #expect(await scheduler.nextJob() == path)
    }

    @Test func aRenamedFileIsTakenAtOnceAndIgnoredNamesNever() async throws {
        let root = try spool()
        let scheduler = SpoolScheduler(roots: [root], rules: SpoolRules(), settleTime: .seconds(60))
        for name in ["ready.txt", ".hidden", "x.part", "ready.txt.gloss.json"] {
            try Data("x".utf8).write(to: URL(fileURLWithPath: root + "/" + name))
            await scheduler.noteChange(root + "/" + name, immediate: true)
        }
        await scheduler.tick()
        #expect(await scheduler.counts.queued == 1)
        #expect(await scheduler.nextJob() == root + "/ready.txt")
    }

    @Test func aFileChangedWhileRunningIsQueuedAgainAfterwards() async throws {
        let root = try spool()
        let scheduler = SpoolScheduler(roots: [root], rules: SpoolRules(), settleTime: .zero)
        let path = root + "/a.txt"
        try Data("one".utf8).write(to: URL(fileURLWithPath: path))
        await scheduler.noteChange(path, immediate: true)
        await scheduler.tick()
        #expect(await scheduler.nextJob() == path)
        try Data("two".utf8).write(to: URL(fileURLWithPath: path))
        await scheduler.noteChange(path, immediate: false)
        #expect(await scheduler.counts.settling == 0, "a running file must not be queued twice")
        await scheduler.finish(path, outcome: .ok)
        await scheduler.tick()
        #expect(await scheduler.counts.queued == 1)
    }

    @Test func aRescanSkipsFilesProcessedUnchangedWithTheirResultInPlace() async throws {
        let root = try spool()
        let scheduler = SpoolScheduler(roots: [root], rules: SpoolRules(), settleTime: .zero)
        let path = root + "/a.txt"
        try Data("one".utf8).write(to: URL(fileURLWithPath: path))
        let scanner = SpoolScanner(roots: [root], rules: SpoolRules())
        await scheduler.noteScan(scanner.scanAll(), complete: true)
        await scheduler.tick()
        #expect(await scheduler.nextJob() == path)
        try Data("{}".utf8).write(to: URL(fileURLWithPath: path + ".gloss.json"))
        await scheduler.finish(path, outcome: .ok)
        await scheduler.noteScan(scanner.scanAll(), complete: true)
        await scheduler.tick()
        #expect(await scheduler.counts.queued == 0)
        try FileManager.default.removeItem(atPath: path + ".gloss.json")  // someone deleted the result
        await scheduler.noteScan(scanner.scanAll(), complete: true)
        await scheduler.tick()
        #expect(await scheduler.counts.queued == 1)
    }

    @Test func stoppingReleasesWaitingWorkers() async {
        let scheduler = SpoolScheduler(roots: ["/nonexistent"], rules: SpoolRules(), settleTime: .zero)
        async let job = scheduler.nextJob()
        try? await Task.sleep(for: .milliseconds(50))
        await scheduler.stopAccepting()
        #expect(await job == nil)
    }
}

struct SpoolScannerTests {
    @Test func listsInputsOldestFirstAndRemovesLeftoverTemporaries() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("gloss-scan-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: root + "/sub", withIntermediateDirectories: true)
        try Data("new".utf8).write(to: URL(fileURLWithPath: root + "/sub/new.txt"))
        try Data("old".utf8).write(to: URL(fileURLWithPath: root + "/old.txt"))
        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSince1970: 1_000_000)], ofItemAtPath: root + "/old.txt")
        // A temporary from a writer that no longer exists (pid 2^22 + 1 is above pid_max's default).
        try Data("partial".utf8).write(to: URL(fileURLWithPath: root + "/.old.txt.gloss.json.4194305.77.tmp"))
        let entries = SpoolScanner(roots: [root], rules: SpoolRules()).scanAll()
        #expect(entries.map(\.path) == [root + "/old.txt", root + "/sub/new.txt"])
        #expect(!FileManager.default.fileExists(atPath: root + "/.old.txt.gloss.json.4194305.77.tmp"))
    }
}
