import ArgumentParser
import GlossCore
import GlossHost

@main
struct Gloss: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "gloss",
        abstract: "Find people, places, dates and more in Arabic and English text files.",
        discussion: """
            Gloss runs analyzer plugins over text files and writes what they find as JSON \
            beside each file (report.txt → report.txt.gloss.json).

            Start with:
              gloss analyze report.txt          analyze one file and show what was found
              gloss daemon --spool DIR          analyze every file dropped into DIR
              gloss status                      see what the running daemon is doing
              gloss plugins list                see which analyzers are installed
              gloss plugins check my-plugin.so  test a plugin you are writing
              gloss config check                check /etc/gloss/gloss.yaml

            Settings come from gloss.yaml (--config FILE, GLOSS_CONFIG, or /etc/gloss/gloss.yaml), \
            from GLOSS_* environment variables (input.maximum_size ↔ GLOSS_INPUT_MAXIMUM_SIZE), \
            and from flags; flags win over the environment, the environment over the file.
            """,
        version: "gloss \(GlossVersion.current) (plugin ABI \(hostABIVersion))",
        subcommands: [AnalyzeCommand.self, DaemonCommand.self, StatusCommand.self, PluginsCommand.self, EvalCommand.self,
                      ConfigCommand.self, WorkerCommand.self]
    )
}
