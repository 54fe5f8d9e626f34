import Foundation
import Testing

/// The spool guarantees, against the real `gloss daemon`.
@Suite(.serialized)
struct DaemonSpoolTests {
    @Test func analyzesFilesDroppedAnywhereInTheSpoolIncludingNewSubdirectories() throws {
        let daemon = try DaemonHarness()
        try daemon.start()
        let renamed = try daemon.drop("renamed.txt", "The border runs 130 km.")
        let written = daemon.spool.appendingPathComponent("written.txt")
        try Data("قال إن الحدود تمتد 450 كلم.".utf8).write(to: written)
        let nested = daemon.spool.appendingPathComponent("a/b/c")
        try FileManager.default.createDirectory(at: nested, withIntermediateDirectories: true)
        let deep = nested.appendingPathComponent("deep.txt")
        try Data("Deep inside, 5 km down.".utf8).write(to: deep)
        for input in [renamed, written, deep] {
            let result = try daemon.waitForResult(input)
            #expect(result["status"] as? String == "ok", "\(input.lastPathComponent): \(result)")
        }
        let validation = try GlossProcess.validate([renamed, written, deep].map { daemon.resultURL($0).path })
        #expect(validation.status == 0, "\(validation.stdout)")
        #expect(try daemon.stop() == 0)
    }

    @Test func ignoresHiddenPartialEditorAndExcludedFilesAndItsOwnResults() throws {
        let config = try GlossProcess.temporaryDirectory().appendingPathComponent("gloss.yaml")
        try Data("daemon:\n  exclude: ['*.csv', 'drafts/*']\n".utf8).write(to: config)
        let daemon = try DaemonHarness(arguments: ["--config", config.path])
        try FileManager.default.createDirectory(at: daemon.spool.appendingPathComponent("drafts"), withIntermediateDirectories: true)
        try daemon.start()
        let ignored = [".hidden.txt", "download.part", "notes.tmp", "edit.swp", "backup.txt~", "table.csv", "drafts/idea.txt", "old.txt.gloss.json"]
        for name in ignored { try Data("ignored 5 km".utf8).write(to: daemon.spool.appendingPathComponent(name)) }
        // A file dropped after them: once it has its result, the others had their chance.
        let barrier = try daemon.drop("barrier.txt", "barrier")
        _ = try daemon.waitForResult(barrier)
        Thread.sleep(forTimeInterval: 0.5)
        for name in ignored {
            #expect(!FileManager.default.fileExists(atPath: daemon.spool.appendingPathComponent(name).path + ".gloss.json"), "\(name) was analyzed")
        }
        try daemon.stop()
    }

    @Test func neverReadsThroughASymbolicLinkThatLeavesTheSpool() throws {
        let daemon = try DaemonHarness()
        let outside = daemon.directory.appendingPathComponent("secret.txt")
        try Data("outside the spool".utf8).write(to: outside)
        let inside = try daemon.drop("inside.txt", "inside the spool")
        try daemon.start()
        let escaping = daemon.spool.appendingPathComponent("escape.txt")
        try FileManager.default.createSymbolicLink(at: escaping, withDestinationURL: outside)
        let staying = daemon.spool.appendingPathComponent("alias.txt")
        try FileManager.default.createSymbolicLink(at: staying, withDestinationURL: inside)
        let refused = try daemon.waitForResult(escaping)
        #expect(refused["status"] as? String == "failed")
        #expect((refused["error"] as? [String: Any])?["code"] as? String == "outside_spool")
        #expect(try daemon.waitForResult(staying)["status"] as? String == "ok")
        try daemon.stop()
    }

    @Test func aSlowWriterNeverGetsItsFileAnalyzedHalfWritten() throws {
        // Pauses between opens well below the settle time (other tests load the machine too),
        // and one idle pause with the file open well above it.
        let daemon = try DaemonHarness(environment: ["GLOSS_DAEMON_SETTLE_TIME": "1s"])
        try daemon.start()
        _ = try daemon.waitForResult(try daemon.drop("warmup.txt", "warm up the workers"))
        let path = daemon.spool.appendingPathComponent("slow.txt")
        var expected = Data()
        // Several opens with pauses shorter than the settle time, then one long write held open.
        for chunk in 0..<5 {
            let piece = Data("chunk \(chunk): the border runs 130 km.\n".utf8)
            expected.append(piece)
            // Created in place like a shell redirection does (FileManager.createFile would write a
            // temporary file and rename it in, which rightly counts as complete at once).
            if chunk == 0 { close(open(path.path, O_CREAT | O_WRONLY | O_TRUNC, 0o644)) }
            let handle = try FileHandle(forWritingTo: path)
            handle.seekToEndOfFile()
            handle.write(piece)
            if chunk == 4 {
                Thread.sleep(forTimeInterval: 2.5)  // open, idle, longer than the settle time
                let tail = Data("tail.\n".utf8)
                handle.write(tail)
                expected.append(tail)
            }
            try handle.close()
            Thread.sleep(forTimeInterval: 0.1)
        }
        let result = try daemon.waitForResult(path)
        #expect((result["input"] as? [String: Any])?["bytes"] as? Int == expected.count)
        Thread.sleep(forTimeInterval: 0.5)
        let analyses = daemon.log.components(separatedBy: "Analyzed \(path.path):").count - 1
        #expect(analyses == 1, "the file was analyzed \(analyses) times:\n\(daemon.log)")
        try daemon.stop()
    }

    @Test func rescansAtStartAndRewritesOnlyMissingOrStaleResults() throws {
        let daemon = try DaemonHarness()
        let fresh = try daemon.drop("fresh.txt", "already analyzed, 5 km")
        let stale = try daemon.drop("stale.txt", "original text")
        let missing = try daemon.drop("missing.txt", "never analyzed")
        let analyzed = try GlossProcess.run(["analyze", fresh.path, stale.path])
        #expect(analyzed.status == 0, "\(analyzed.stderr)")
        try Data("changed text, 7 km".utf8).write(to: stale)
        let freshBefore = try FileManager.default.attributesOfItem(atPath: daemon.resultURL(fresh).path)
        try daemon.start()
        _ = try daemon.waitForResult(missing)
        try daemon.waitUntil("the stale result is replaced") {
            (daemon.result(stale)?["annotations"] as? [[String: Any]])?.contains { $0["text"] as? String == "7 km" } == true
        }
        try daemon.waitUntil("the daemon checked the fresh result") { daemon.log.contains("file=\(fresh.path)") }
        let freshAfter = try FileManager.default.attributesOfItem(atPath: daemon.resultURL(fresh).path)
        #expect(freshBefore[.systemFileNumber] as? Int == freshAfter[.systemFileNumber] as? Int, "an up-to-date result was rewritten")
        #expect(freshBefore[.modificationDate] as? Date == freshAfter[.modificationDate] as? Date)

        // A changed input gets a new result while the daemon runs.
        try daemon.drop("fresh.txt", "rewritten: 9 km")
        try daemon.waitUntil("the changed input gets a new result") {
            (daemon.result(fresh)?["annotations"] as? [[String: Any]])?.contains { $0["text"] as? String == "9 km" } == true
        }
        try daemon.stop()
    }

    @Test func thePeriodicRescanRestoresAResultDeletedBehindItsBack() throws {
        let daemon = try DaemonHarness(environment: ["GLOSS_DAEMON_RESCAN_INTERVAL": "500ms"])
        try daemon.start()
        let input = try daemon.drop("kept.txt", "keep me, 2 km")
        _ = try daemon.waitForResult(input)
        try FileManager.default.removeItem(at: daemon.resultURL(input))  // no inotify event is watched for this
        #expect(try daemon.waitForResult(input, timeout: 10)["status"] as? String == "ok")
        try daemon.stop()
    }

    @Test func pollingModeFindsFilesWithoutInotify() throws {
        let daemon = try DaemonHarness(arguments: ["--watch", "poll"], environment: ["GLOSS_DAEMON_POLL_INTERVAL": "300ms"])
        try daemon.start()
        let input = try daemon.drop("polled.txt", "found by polling, 3 km")
        #expect(try daemon.waitForResult(input)["status"] as? String == "ok")
        try daemon.stop()
    }

    @Test func aHundredThousandFilesAtOnceKeepMemoryBoundedAndGoOldestFirst() throws {
        let daemon = try DaemonHarness(environment: ["GLOSS_DAEMON_SETTLE_TIME": "0ms"])
        let count = 100_000
        let base = Date(timeIntervalSince1970: 1_600_000_000)
        for index in 0..<count {
            let directory = daemon.spool.appendingPathComponent("d\(index % 100)")
            if index < 100 { try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true) }
            let path = directory.appendingPathComponent("f\(index).txt").path
            _ = FileManager.default.createFile(atPath: path, contents: Data("file \(index), 1 km".utf8))
            // Modification times run backwards: the last file written is the oldest.
            var times = [timespec(tv_sec: Int(base.timeIntervalSince1970) + count - index, tv_nsec: 0),
                         timespec(tv_sec: Int(base.timeIntervalSince1970) + count - index, tv_nsec: 0)]
            _ = utimensat(AT_FDCWD, path, &times, 0)
        }
        try daemon.start()
        func analyzed() -> Int {
            (try? String(contentsOf: daemon.runtimeDirectory.appendingPathComponent("status.json"), encoding: .utf8))
                .flatMap { text in (try? JSONSerialization.jsonObject(with: Data(text.utf8))) as? [String: Any] }
                .flatMap { ($0["counts"] as? [String: Int])?["analyzed"] } ?? 0
        }
        func resident() -> Int {
            let status = (try? String(contentsOfFile: "/proc/\(daemon.pid)/status", encoding: .utf8)) ?? ""
            return status.split(separator: "\n").first { $0.hasPrefix("VmRSS:") }
                .flatMap { Int($0.split(separator: " ", omittingEmptySubsequences: true)[1]) } ?? Int.max
        }
        // With the whole burst queued, and then as thousands of results pass through the
        // daemon: memory holds paths, and must not grow with each result either.
        try daemon.waitUntil("1,000 results exist", timeout: 180) { analyzed() >= 1000 }
        let (firstCount, firstResident) = (analyzed(), resident())
        try daemon.waitUntil("4,000 results exist", timeout: 180) { analyzed() >= 4000 }
        let (secondCount, secondResident) = (analyzed(), resident())
        let perResult = Double(secondResident - firstResident) / Double(secondCount - firstCount)
        print("daemon memory with 100,000 files queued: \(firstResident) KiB after \(firstCount) results, \(secondResident) KiB after \(secondCount)")
        #expect(firstResident < 200 * 1024, "the daemon holds \(firstResident) KiB with 100,000 files queued")
        #expect(perResult < 2, "the daemon keeps \(perResult) KiB per analyzed file")
        // Oldest first: the files written last (oldest times) are done, the newest are not.
        let oldest = daemon.spool.appendingPathComponent("d99/f\(count - 1).txt")
        let newest = daemon.spool.appendingPathComponent("d0/f0.txt")
        #expect(daemon.result(oldest) != nil, "the oldest file was not among the first analyzed")
        #expect(daemon.result(newest) == nil, "the newest file was analyzed before older ones")
        #expect(try daemon.stop() == 0)
    }

    @Test func everyInputHasExactlyOneCompleteResultAfterRepeatedKillNine() throws {
        let daemon = try DaemonHarness(environment: ["GLOSS_DAEMON_SETTLE_TIME": "0ms"])
        let text = String(repeating: "The border with Algeria runs 130 km. قال إن الحدود تمتد 450 كلم. ", count: 20)
        var inputs: [URL] = []
        for index in 0..<1000 {
            let subdirectory = "batch\(index % 10)"
            try FileManager.default.createDirectory(at: daemon.spool.appendingPathComponent(subdirectory), withIntermediateDirectories: true)
            inputs.append(try daemon.drop("\(subdirectory)/doc\(index).txt", "\(index): \(text)"))
        }
        func resultCount() -> Int { inputs.filter { FileManager.default.fileExists(atPath: $0.path + ".gloss.json") }.count }
        // Kill it three times while it is busy, at different moments.
        for round in 0..<3 {
            try daemon.start()
            let target = (round + 1) * 150
            try daemon.waitUntil("\(target) results exist", timeout: 120) { resultCount() >= target }
            Thread.sleep(forTimeInterval: Double(round) * 0.013)
            try daemon.killHard()
        }
        try daemon.start()
        try daemon.waitUntil("every input has a result", timeout: 300) { resultCount() == inputs.count }
        try daemon.waitUntil("the queue is empty") {
            let status = try? JSONSerialization.jsonObject(with: Data(contentsOf: daemon.runtimeDirectory.appendingPathComponent("status.json"))) as? [String: Any]
            let counts = status?["counts"] as? [String: Int]
            return counts?["queued"] == 0 && counts?["running"] == 0 && counts?["settling"] == 0
        }
        #expect(try daemon.stop() == 0)
        let files = daemon.spoolFiles()
        #expect(files.filter { $0.hasSuffix(".tmp") }.isEmpty, "temporary files left behind")
        #expect(files.filter { $0.hasSuffix(".gloss.json") }.count == inputs.count)
        #expect(files.count == 2 * inputs.count, "unexpected files: \(files.filter { !$0.hasSuffix(".txt") && !$0.hasSuffix(".gloss.json") })")
        let validation = try GlossProcess.validate(inputs.map { $0.path + ".gloss.json" })
        #expect(validation.status == 0, "\(validation.stdout.prefix(2000))")
        for input in inputs {
            let result = try #require(daemon.result(input))
            #expect(result["status"] as? String == "ok")
        }
    }
}
