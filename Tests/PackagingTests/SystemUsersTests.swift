import Foundation
import Testing

@Suite struct SystemUsersTests {
    /// sysusers.d and tmpfiles.d applied to an empty root: the users exist and the spool is
    /// gloss:gloss-submit 2775 with a default ACL that keeps new entries group-writable.
    @Test func sysusersAndTmpfilesMakeTheSetgidSpool() throws {
        let root = try PackagingFixture.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        try FileManager.default.createDirectory(at: root.appendingPathComponent("etc"), withIntermediateDirectories: true)
        // With --root, files named on the command line are looked up inside the root: use stdin.
        let sysusers = try PackagingFixture.run("sh", ["-c", "systemd-sysusers --root=\"$1\" - < \"$2\"", "sh", root.path,
                                                       PackagingFixture.packaging("sysusers.d/gloss.conf")], mergeStandardError: true)
        #expect(sysusers.status == 0, "\(sysusers)")
        #expect(!sysusers.stdout.contains("gnor"), "\(sysusers)")  // "Ignoring", "ignoring"
        let passwd = try String(contentsOf: root.appendingPathComponent("etc/passwd"), encoding: .utf8)
        let group = try String(contentsOf: root.appendingPathComponent("etc/group"), encoding: .utf8)
        let user = try #require(passwd.split(separator: "\n").first { $0.hasPrefix("gloss:") }).split(separator: ":", omittingEmptySubsequences: false)
        let submit = try #require(group.split(separator: "\n").first { $0.hasPrefix("gloss-submit:") }).split(separator: ":", omittingEmptySubsequences: false)
        #expect(user[6] == "/usr/sbin/nologin")
        #expect(submit[3].split(separator: ",").contains("gloss"), "the daemon writes results in submitters' directories")

        let tmpfiles = try PackagingFixture.run("sh", ["-c", "systemd-tmpfiles --root=\"$1\" --create - < \"$2\"", "sh", root.path,
                                                       PackagingFixture.packaging("tmpfiles.d/gloss.conf")], mergeStandardError: true)
        #expect(tmpfiles.status == 0, "\(tmpfiles)")
        #expect(!tmpfiles.stdout.contains("gnor") && !tmpfiles.stdout.contains("Failed"), "\(tmpfiles)")
        let spool = root.appendingPathComponent("var/spool/gloss").path
        var info = stat()
        #expect(stat(spool, &info) == 0)
        #expect(info.st_mode & 0o7777 == 0o2775)
        #expect(String(info.st_uid) == user[2])
        #expect(String(info.st_gid) == submit[2])
        let acl = try PackagingFixture.run("getfacl", ["-n", "-p", spool], mergeStandardError: true)
        #expect(acl.stdout.contains("default:group::rwx"), "\(acl)")
    }
}
