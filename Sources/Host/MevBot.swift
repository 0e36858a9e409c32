import ArgumentParser

/// The `mevbot` command line: one subcommand per tool.
@main
struct MevBot: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mevbot",
        abstract: "Arbitrum One arbitrage engine.",
        subcommands: [
            DecodeTxCommand.self, DecodeFeedCommand.self, DecodeCallCommand.self, CheckConfigCommand.self,
            ReplayCommand.self, RecordCommand.self, ServeFeedCommand.self,
        ]
    )
}
