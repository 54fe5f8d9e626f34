import Foundation
import Testing

@Suite struct ManualPageTests {
    @Test(arguments: ["man/gloss.1", "man/gloss.yaml.5"])
    func pageRendersWithoutWarnings(_ page: String) throws {
        let render = try PackagingFixture.run("groff", ["-man", "-Tutf8", "-ww", "-z", PackagingFixture.packaging(page)],
                                              mergeStandardError: true)
        #expect(render.status == 0 && render.stdout.isEmpty, "\(render)")
    }

    /// Every option in each subcommand's --help is in gloss(1).
    @Test(arguments: [["analyze"], ["daemon"], ["status"], ["plugins", "list"], ["plugins", "check"], ["config", "check"], ["eval"]])
    func glossPageNamesEveryOption(_ command: [String]) throws {
        let gloss = PackagingFixture.buildDirectory.appendingPathComponent("gloss").path
        let help = try PackagingFixture.run(gloss, command + ["--help"])
        let page = try String(contentsOfFile: PackagingFixture.packaging("man/gloss.1"), encoding: .utf8)
            .replacingOccurrences(of: "\\-", with: "-")
        let options = Set(help.stdout.split(whereSeparator: { " \n,[]".contains($0) }).filter { $0.hasPrefix("--") }.map(String.init))
        #expect(!options.isEmpty, "\(help)")
        for option in options {
            #expect(page.contains(option), "gloss(1) does not mention \(option) of gloss \(command.joined(separator: " "))")
        }
    }

    /// Every setting `gloss config check` prints for the shipped file is in gloss.yaml(5).
    @Test func yamlPageNamesEverySetting() throws {
        let gloss = PackagingFixture.buildDirectory.appendingPathComponent("gloss").path
        let check = try PackagingFixture.run(gloss, ["config", "check", PackagingFixture.packaging("gloss.yaml")])
        #expect(check.status == 0, "\(check)")
        let page = try String(contentsOfFile: PackagingFixture.packaging("man/gloss.yaml.5"), encoding: .utf8)
        let keys = check.stdout.split(separator: "\n").dropFirst().compactMap { $0.split(separator: ":").first.map(String.init) }
        #expect(keys.count > 15)
        for key in keys { #expect(page.contains(".BR \(key) "), "gloss.yaml(5) does not describe \(key)") }
    }
}
