import Foundation
import GlossTestSupport
import Testing

/// Freezes the plugin ABI header (Sources/GlossPluginABI/include/gloss_plugin.h) by running the
/// real C and C++ compilers on it, as plugin authors do. abi_layout.c holds the frozen LP64
/// layout and constant values as static assertions; abi_c99.c only includes the header.
@Suite struct HeaderCompilationTests {
    /// Three levels up from this file: Tests/GlossPluginABITests/HeaderCompilationTests.swift.
    static let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
    static let testDirectory = repositoryRoot.appendingPathComponent("Tests/GlossPluginABITests")
    static let includeDirectory = repositoryRoot.appendingPathComponent("Sources/GlossPluginABI/include").path
    static let header = includeDirectory + "/gloss_plugin.h"
    static let layoutSource = testDirectory.appendingPathComponent("abi_layout.c").path
    static let c99Source = testDirectory.appendingPathComponent("abi_c99.c").path

    static let strictWarnings = ["-pedantic", "-Wall", "-Wextra", "-Werror"]

    /// Also shows that the header is self-contained: abi_c99.c includes gloss_plugin.h first and
    /// nothing else, so the header alone must bring in every type it uses.
    @Test func compilesAsC99Pedantic() throws {
        #expect(try Self.includes(in: Self.c99Source) == ["\"gloss_plugin.h\""],
                "abi_c99.c must include gloss_plugin.h and nothing else")
        let result = try Self.run("cc", ["-std=c99"] + Self.strictWarnings + ["-fsyntax-only",
                                  "-I", Self.includeDirectory, Self.c99Source])
        #expect(result.status == 0, "\(result)")
    }

    @Test func compilesAsC11PedanticWithFrozenLayout() throws {
        let result = try Self.run("cc", ["-std=c11"] + Self.strictWarnings + ["-I", Self.includeDirectory,
                                  "-c", "-o", "/dev/null", Self.layoutSource])
        #expect(result.status == 0, "\(result)")
    }

    @Test(arguments: ["c++17", "c++20"])
    func compilesAsCPlusPlus(standard: String) throws {
        let result = try Self.run("c++", ["-std=\(standard)"] + Self.strictWarnings + ["-I", Self.includeDirectory,
                                  "-x", "c++", "-c", "-o", "/dev/null", Self.layoutSource])
        #expect(result.status == 0, "\(result)")
    }

    @Test func includesOnlyTheStandardHeadersItNeeds() throws {
        #expect(try Self.includes(in: Self.header) == ["<stdbool.h>", "<stddef.h>", "<stdint.h>"])
    }

    // MARK: - Helpers

    /// The operands of the `#include` directives in the file at `path`, in order.
    static func includes(in path: String) throws -> [String] {
        let text = try String(contentsOfFile: path, encoding: .utf8)
        return text.split(separator: "\n", omittingEmptySubsequences: false).compactMap { line -> String? in
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            guard trimmed.hasPrefix("#") else { return nil }
            let directive = trimmed.dropFirst().trimmingCharacters(in: .whitespaces)
            guard directive.hasPrefix("include") else { return nil }
            return directive.dropFirst("include".count).trimmingCharacters(in: .whitespaces)
        }
    }

    /// Runs `tool` (looked up on PATH, like a plugin author's shell would); stdout and stderr
    /// interleaved in `stdout`.
    static func run(_ tool: String, _ arguments: [String]) throws -> CommandRunner.Output {
        try CommandRunner.run("/usr/bin/env", [tool] + arguments, mergeStandardError: true)
    }
}
