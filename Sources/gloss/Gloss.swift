import ArgumentParser

@main
struct Gloss: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "gloss")
}
