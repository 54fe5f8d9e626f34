import Foundation
import Testing

@Suite struct MakeInstallTests {
    /// `make install` into a DESTDIR, from the build this test runs in (`-o release` skips the
    /// release build), installs exactly these files, and the installed gloss finds its plugins.
    @Test func installPutsEveryFileInPlaceAndGlossFindsItsPlugins() throws {
        let destination = try PackagingFixture.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: destination) }
        let make = try PackagingFixture.run("make", ["-o", "release", "install", "DESTDIR=\(destination.path)",
                                                     "RELEASE=\(PackagingFixture.buildDirectory.path)"],
                                            in: PackagingFixture.repositoryRoot, mergeStandardError: true)
        #expect(make.status == 0, "\(make)")
        let files = (FileManager.default.enumerator(atPath: destination.path)?.allObjects as? [String] ?? [])
            .filter { path in
                var isDirectory: ObjCBool = false
                return FileManager.default.fileExists(atPath: destination.appendingPathComponent(path).path, isDirectory: &isDirectory) && !isDirectory.boolValue
            }.sorted()
        #expect(files == [
            "etc/gloss/gloss.yaml",
            "usr/local/bin/gloss",
            "usr/local/lib/gloss/plugins/libgloss-date.so",
            "usr/local/lib/gloss/plugins/libgloss-entity.so",
            "usr/local/lib/gloss/plugins/libgloss-geo.so",
            "usr/local/lib/systemd/catalog/gloss.catalog",
            "usr/local/lib/systemd/system/gloss.service",
            "usr/local/lib/sysusers.d/gloss.conf",
            "usr/local/lib/tmpfiles.d/gloss.conf",
            "usr/local/share/man/man1/gloss.1",
            "usr/local/share/man/man5/gloss.yaml.5",
        ])
        let unit = try String(contentsOf: destination.appendingPathComponent("usr/local/lib/systemd/system/gloss.service"), encoding: .utf8)
        #expect(unit.contains("ExecStart=/usr/local/bin/gloss daemon"))

        let installed = destination.appendingPathComponent("usr/local/bin/gloss").path
        let list = try PackagingFixture.run(installed, ["plugins", "list", "--config",
                                                        destination.appendingPathComponent("etc/gloss/gloss.yaml").path])
        #expect(list.status == 0, "\(list)")
        let plugins = destination.appendingPathComponent("usr/local/lib/gloss/plugins").path
        for id in ["gloss.date", "gloss.entity", "gloss.geo"] {
            #expect(list.stdout.contains("\n\(id) "), "\(list)")
        }
        #expect(list.stdout.contains("file:      \(plugins)/libgloss-date.so"), "\(list)")
        #expect(!list.stdout.contains("refused"), "\(list)")
    }
}
