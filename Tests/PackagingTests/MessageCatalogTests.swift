import Foundation
import Testing

@Suite struct MessageCatalogTests {
    /// Every MESSAGE_ID the daemon logs (MessageID.swift) has a catalog entry journalctl reads.
    @Test func catalogExplainsEveryMessageID() throws {
        let source = try String(contentsOf: PackagingFixture.repositoryRoot.appendingPathComponent("Sources/GlossDaemon/MessageID.swift"), encoding: .utf8)
        let identifiers = source.split(separator: "\n").compactMap { line -> String? in
            guard line.contains("case "), let start = line.firstIndex(of: "\""), let end = line.lastIndex(of: "\""), start < end else { return nil }
            return String(line[line.index(after: start)..<end])
        }
        #expect(identifiers.count >= 10)

        let root = try PackagingFixture.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let catalogDirectory = root.appendingPathComponent("usr/lib/systemd/catalog")
        try FileManager.default.createDirectory(at: catalogDirectory, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: PackagingFixture.packaging("catalog/gloss.catalog"),
                                         toPath: catalogDirectory.appendingPathComponent("gloss.catalog").path)
        let update = try PackagingFixture.run("journalctl", ["--root=\(root.path)", "--update-catalog"], mergeStandardError: true)
        #expect(update.status == 0 && update.stdout.isEmpty, "\(update)")
        let list = try PackagingFixture.run("journalctl", ["--root=\(root.path)", "--list-catalog", "--no-pager"])
        for identifier in identifiers {
            #expect(list.stdout.contains("\(identifier) gloss: "), "no catalog entry for \(identifier)")
            let entry = try PackagingFixture.run("journalctl", ["--root=\(root.path)", "--dump-catalog", "--no-pager", identifier])
            #expect(entry.stdout.contains("Subject: ") && entry.stdout.contains("Support: "), "\(entry)")
        }
        #expect(list.stdout.split(separator: "\n").count == identifiers.count, "\(list.stdout)")
    }
}
