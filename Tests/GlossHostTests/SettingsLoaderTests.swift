import Configuration
import Foundation
import GlossCore
import GlossHost
import Testing

struct SettingsLoaderTests {
    private func file(_ yaml: String) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("gloss-\(UUID().uuidString).yaml").path
        try Data(yaml.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    @Test func readsEveryKeyFromTheFile() async throws {
        let path = try file("""
            plugins:
              paths: [/opt/plugins, /srv/more.so]
              search_default_directories: false
              data_directory: /var/lib/gloss-data
            input:
              maximum_size: 2MiB
              encoding: windows-1256
            analyzers:
              enabled: [gloss.date]
              gloss.date:
                locale: ar
                hijri:
                  enabled: true
            """)
        let settings = try await SettingsLoader(configurationFile: path, environment: [:]).load()
        #expect(settings.plugins.paths == ["/opt/plugins", "/srv/more.so"])
        #expect(settings.plugins.searchDefaultDirectories == false)
        #expect(settings.plugins.dataDirectory == "/var/lib/gloss-data")
        #expect(settings.input.maximumSize == 2 * 1024 * 1024)
        #expect(settings.input.encoding == .windows1256)
        #expect(settings.enabledAnalyzers == ["gloss.date"])
        #expect(settings.analyzerSettings["gloss.date"] == ["locale": "ar", "hijri.enabled": "true"])
    }

    @Test func flagsWinOverTheEnvironmentWhichWinsOverTheFile() async throws {
        let path = try file("input:\n  maximum_size: 1MiB\n  encoding: iso-8859-6\nanalyzers:\n  gloss.date:\n    locale: ar\n")
        let environment = ["GLOSS_INPUT_MAXIMUM_SIZE": "2MiB", "GLOSS_INPUT_ENCODING": "windows-1256",
                           "GLOSS_ANALYZERS_GLOSS_DATE_LOCALE": "en"]
        let settings = try await SettingsLoader(configurationFile: path, environment: environment,
                                                flags: ["input.maximum_size": .string("3MiB")]).load()
        #expect(settings.input.maximumSize == 3 * 1024 * 1024)
        #expect(settings.input.encoding == .windows1256)
        #expect(settings.analyzerSettings["gloss.date"]?["locale"] == "en")
    }

    @Test func aBadValueNamesTheKeyTheValueAndWhatIsAllowed() async throws {
        let path = try file("input:\n  encoding: latin-9\n")
        do {
            _ = try await SettingsLoader(configurationFile: path, environment: [:]).load()
            Issue.record("accepted a bad encoding")
        } catch {
            let message = error.description
            #expect(message.contains("input.encoding"))
            #expect(message.contains("latin-9"))
            #expect(message.contains("windows-1256"))
            #expect(message.contains(path))
        }
    }

    @Test func aBadEnvironmentValueNamesTheVariable() async throws {
        let path = try file("{}")
        do {
            _ = try await SettingsLoader(configurationFile: nil, environment: ["GLOSS_CONFIG": path, "GLOSS_INPUT_MAXIMUM_SIZE": "lots"]).load()
            Issue.record("accepted a bad size")
        } catch {
            #expect(error.description.contains("GLOSS_INPUT_MAXIMUM_SIZE"))
            #expect(error.description.contains("lots"))
        }
    }

    @Test func anUnknownKeyIsRefusedWithTheKnownOnes() async throws {
        let path = try file("input:\n  maximum_sise: 1MiB\n")
        do {
            _ = try await SettingsLoader(configurationFile: path, environment: [:]).load()
            Issue.record("accepted a misspelled key")
        } catch {
            #expect(error.description.contains("input.maximum_sise"))
            #expect(error.description.contains("input.maximum_size"))
        }
    }

    @Test func invalidYAMLAndMissingFilesAreRefusedWithThePath() async throws {
        let broken = try file("input: [unclosed\n")
        await #expect(throws: SettingsLoader.LoadError.self) { try await SettingsLoader(configurationFile: broken, environment: [:]).load() }
        await #expect(throws: SettingsLoader.LoadError.self) { try await SettingsLoader(configurationFile: "/nonexistent/gloss.yaml", environment: [:]).load() }
    }

    @Test func anEmptyFileMeansDefaults() async throws {
        let settings = try await SettingsLoader(configurationFile: try file("# nothing yet\n"), environment: [:]).load()
        #expect(settings == Settings())
        #expect(try await SettingsLoader(configurationFile: try file(""), environment: [:]).load() == Settings())
        // --config /dev/null: the defaults, whatever /etc/gloss/gloss.yaml says (was "permission denied").
        #expect(try await SettingsLoader(configurationFile: "/dev/null", environment: [:]).load() == Settings())
    }

    /// A directory or a device is named as what it is, not as invalid YAML.
    @Test func aDirectoryOrADeviceIsRefusedForWhatItIs() async throws {
        let directory = await #expect(throws: SettingsLoader.LoadError.self) {
            try await SettingsLoader(configurationFile: "/tmp", environment: [:]).load()
        }
        #expect(directory.map { "\($0)" }?.contains("it is a directory") == true)
        let device = await #expect(throws: SettingsLoader.LoadError.self) {
            try await SettingsLoader(configurationFile: "/dev/zero", environment: [:]).load()
        }
        #expect(device.map { "\($0)" }?.contains("not a regular file") == true)
    }
}
