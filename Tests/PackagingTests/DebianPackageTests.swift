import Foundation
import GlossTestSupport
import Testing

/// `make deb` in small: scripts/build-deb.sh on the build this test runs in (the debug build
/// stands in for the release one; no xz, no lintian, which `make deb` runs), then what the
/// package holds. `make system-test` installs the real one in a booted Debian.
@Suite struct DebianPackageTests {
    /// The maintainer scripts run under /bin/sh (dash on Debian), the build scripts under bash.
    @Test(arguments: [
        ("sh", "packaging/deb/postinst"), ("sh", "packaging/deb/prerm"), ("sh", "packaging/deb/postrm"),
        ("bash", "scripts/build-deb.sh"), ("bash", "scripts/system-test.sh"),
    ])
    func scriptParsesAndPassesShellcheck(_ shell: String, _ path: String) throws {
        let file = PackagingFixture.repositoryRoot.appendingPathComponent(path).path
        #expect(FileManager.default.isExecutableFile(atPath: file), "\(path) must be executable")
        let syntax = try PackagingFixture.run(shell, ["-n", file], mergeStandardError: true)
        #expect(syntax.status == 0, "\(syntax)")
        // shellcheck is in .ci/run's packages; a developer machine may lack it.
        if (try? PackagingFixture.run("sh", ["-c", "command -v shellcheck"]))?.status == 0 {
            let lint = try PackagingFixture.run("shellcheck", ["-s", shell, file], mergeStandardError: true)
            #expect(lint.status == 0, "\(lint)")
        }
    }

    @Test func packageCarriesTheSwiftRuntimeItsFilesAndItsControlFields() throws {
        let output = try PackagingFixture.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: output) }
        let build = try PackagingFixture.run(PackagingFixture.repositoryRoot.appendingPathComponent("scripts/build-deb.sh").path,
                                             ["--release", PackagingFixture.buildDirectory.path, "--output", output.path,
                                              "--no-lintian", "--uncompressed"],
                                             in: PackagingFixture.repositoryRoot, mergeStandardError: true)
        try #require(build.status == 0, "\(build)")
        // The script itself ran the staged gloss with the toolchain's runtime directory hidden.
        #expect(build.stdout.contains("every library resolves in the package and gloss loads its analyzers"), "\(build)")
        let package = try #require(try FileManager.default.contentsOfDirectory(atPath: output.path).first { $0.hasSuffix(".deb") })
        let path = output.appendingPathComponent(package).path

        // Control fields: the version is gloss --version's plus the Debian revision.
        let version = try PackagingFixture.run(PackagingFixture.buildDirectory.appendingPathComponent("gloss").path, ["--version"])
        let upstream = try #require(version.stdout.split(separator: " ").dropFirst().first.map(String.init), "\(version)")
        let architecture = try PackagingFixture.run("dpkg", ["--print-architecture"]).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(package.hasPrefix("gloss_\(upstream)-") && package.hasSuffix("_\(architecture).deb"), "\(package)")
        let fields = try PackagingFixture.run("dpkg-deb", ["--field", path]).stdout
        #expect(fields.contains("Package: gloss\n"))
        #expect(fields.contains("Version: \(upstream)-"), "\(fields)")
        #expect(fields.contains("Architecture: \(architecture)\n"), "\(fields)")
        for dependency in ["libc6", "libsystemd0", "libssl3", "libstdc++6", "adduser"] {
            #expect(fields.contains(" \(dependency)"), "Depends lacks \(dependency): \(fields)")
        }
        #expect(fields.range(of: #"Installed-Size: [1-9][0-9]*\n"#, options: .regularExpression) != nil, "\(fields)")
        #expect(fields.contains("Maintainer: ") && fields.contains("Description: "), "\(fields)")

        // Files, all owned by root.
        let listing = try PackagingFixture.run("dpkg-deb", ["--contents", path]).stdout
        #expect(!listing.split(separator: "\n").contains { !$0.contains(" root/root ") }, "\(listing)")
        for file in ["./usr/bin/gloss", "./usr/lib/gloss/plugins/libgloss-date.so", "./usr/lib/gloss/plugins/libgloss-entity.so",
                     "./usr/lib/gloss/plugins/libgloss-geo.so", "./usr/lib/gloss/swift/libswiftCore.so",
                     "./usr/lib/gloss/swift/libFoundation.so", "./usr/lib/gloss/swift/libdispatch.so",
                     // Pulled in only through libFoundationInternationalization: found transitively.
                     "./usr/lib/gloss/swift/lib_FoundationICU.so",
                     "./usr/lib/systemd/system/gloss.service", "./usr/lib/sysusers.d/gloss.conf", "./usr/lib/tmpfiles.d/gloss.conf",
                     "./usr/lib/systemd/catalog/gloss.catalog", "./etc/gloss/gloss.yaml", "./usr/share/man/man1/gloss.1.gz",
                     "./usr/share/man/man5/gloss.yaml.5.gz", "./usr/share/doc/gloss/copyright",
                     "./usr/share/doc/gloss/changelog.Debian.gz", "./usr/share/doc/gloss/README.Debian",
                     "./usr/share/lintian/overrides/gloss"] {
            #expect(listing.contains(" \(file)\n"), "\(file) is missing")
        }
        #expect(!listing.contains("example"), "example plugins are not shipped")

        // Control files.
        let control = output.appendingPathComponent("control")
        let extract = try PackagingFixture.run("dpkg-deb", ["--control", path, control.path], mergeStandardError: true)
        #expect(extract.status == 0, "\(extract)")
        #expect(try String(contentsOf: control.appendingPathComponent("conffiles"), encoding: .utf8) == "/etc/gloss/gloss.yaml\n")
        for script in ["postinst", "prerm", "postrm", "md5sums"] {
            #expect(FileManager.default.fileExists(atPath: control.appendingPathComponent(script).path), "\(script) is missing")
        }
        let postinst = try String(contentsOf: control.appendingPathComponent("postinst"), encoding: .utf8)
        #expect(postinst.contains("deb-systemd-helper enable 'gloss.service'") && postinst.contains("systemd-sysusers"))

        // RUNPATH points into the package, relative to $ORIGIN; nothing points at the toolchain.
        let root = output.appendingPathComponent("root")
        #expect(try PackagingFixture.run("dpkg-deb", ["--extract", path, root.path]).status == 0)
        func runpath(_ file: String) throws -> String {
            let dump = try PackagingFixture.run("objdump", ["-p", root.appendingPathComponent(file).path]).stdout
            return dump.split(separator: "\n").first { $0.contains("RUNPATH") }?.split(separator: " ").last.map(String.init) ?? ""
        }
        #expect(try runpath("usr/bin/gloss") == "$ORIGIN/../lib/gloss/swift")
        for plugin in ["date", "entity", "geo"] {
            #expect(try runpath("usr/lib/gloss/plugins/libgloss-\(plugin).so") == "$ORIGIN/../swift")
        }
        let everything = try PackagingFixture.run("sh", ["-c", "find \"$1\" -name '*.so' -o -name gloss -type f | xargs objdump -p | grep -E 'RPATH|RUNPATH'", "sh", root.path])
        #expect(!everything.stdout.contains("/opt/swift"), "\(everything.stdout)")

        let copyright = try String(contentsOf: root.appendingPathComponent("usr/share/doc/gloss/copyright"), encoding: .utf8)
        #expect(copyright.hasPrefix("Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/"))
        #expect(copyright.contains("GeoNames") && copyright.contains("\nLicense: CC-BY-4.0\n"))
        // Swift plugins must match the bundled runtime: README.Debian says which it is.
        let readme = try String(contentsOf: root.appendingPathComponent("usr/share/doc/gloss/README.Debian"), encoding: .utf8)
        #expect(readme.range(of: #"/usr/lib/gloss/swift, from Swift [0-9]+\.[0-9]+"#, options: .regularExpression) != nil, "\(readme)")
    }
}
