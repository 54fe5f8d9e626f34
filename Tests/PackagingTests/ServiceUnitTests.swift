import Foundation
import Testing

@Suite struct ServiceUnitTests {
    /// `systemd-analyze verify` checks that ExecStart= exists and Documentation= man pages are
    /// found, so it verifies a copy that runs the built gloss, with MANPATH at packaging/man.
    @Test func unitVerifiesWithoutComplaints() throws {
        let directory = try PackagingFixture.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let unit = try String(contentsOfFile: PackagingFixture.packaging("gloss.service"), encoding: .utf8)
        #expect(unit.contains("ExecStart=/usr/bin/gloss daemon --config /etc/gloss/gloss.yaml"))
        let built = PackagingFixture.buildDirectory.appendingPathComponent("gloss").path
        let copy = directory.appendingPathComponent("gloss.service")
        try unit.replacingOccurrences(of: "/usr/bin/gloss", with: built).write(to: copy, atomically: true, encoding: .utf8)
        let manual = try PackagingFixture.manualDirectory(in: directory)
        let verify = try PackagingFixture.run("systemd-analyze", ["verify", copy.path], environment: ["MANPATH": manual.path],
                                              mergeStandardError: true)
        #expect(verify.status == 0, "\(verify)")
        // Unknown or unparsable settings are only warnings ("…, ignoring"), so any output fails.
        #expect(verify.stdout.isEmpty, "\(verify)")
    }

    @Test func securityExposureIsAtMostOne() throws {
        let security = try PackagingFixture.run("systemd-analyze", ["security", "--offline=true", "--no-pager",
                                                                    PackagingFixture.packaging("gloss.service")],
                                                mergeStandardError: true)
        #expect(security.status == 0, "\(security)")
        let line = try #require(security.stdout.split(separator: "\n").first { $0.contains("Overall exposure level") }, "\(security)")
        let figure = try #require(line.split(separator: ":").last?.split(separator: " ").first.flatMap { Double($0) }, "\(line)")
        #expect(figure <= 1.0, "\(security.stdout)")
    }

    /// The values the daemon's behaviour depends on (see SystemdNotifier and SpoolScheduler).
    @Test(arguments: [
        "Type=notify", "NotifyAccess=main", "WatchdogSec=", "Restart=on-failure", "ExecReload=/bin/kill -HUP $MAINPID",
        "User=gloss", "Group=gloss", "SupplementaryGroups=gloss-submit", "ReadWritePaths=/var/spool/gloss",
        "RuntimeDirectory=gloss", "CapabilityBoundingSet=CAP_LEASE", "AmbientCapabilities=CAP_LEASE",
        "MemoryDenyWriteExecute=yes", "PrivateNetwork=yes", "RestrictAddressFamilies=AF_UNIX",
        // libdispatch renices its threads; refused, it fills the journal with complaints.
        "SystemCallFilter=setpriority",
    ])
    func unitSays(_ setting: String) throws {
        let unit = try String(contentsOfFile: PackagingFixture.packaging("gloss.service"), encoding: .utf8)
        #expect(unit.split(separator: "\n").contains { $0.hasPrefix(setting) })
        // PrivateUsers= would make CAP_LEASE useless (it is checked in the initial user namespace).
        #expect(!unit.contains("PrivateUsers=yes"))
    }
}
