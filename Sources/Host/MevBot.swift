import ArgumentParser

/// The `mevbot` command line: one subcommand per tool.
@main
struct MevBot: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mevbot",
        abstract: "Arbitrum One arbitrage engine.",
        subcommands: [DecodeTxCommand.self]
    )
}
