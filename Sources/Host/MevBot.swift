import ArgumentParser

/// The `mevbot` command line: one subcommand per tool. The `mevbot` executable runs it.
public struct MevBot: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "mevbot",
        abstract: "Arbitrum One arbitrage engine.",
        subcommands: [
            DecodeTxCommand.self, DecodeFeedCommand.self, DecodeCallCommand.self, CheckConfigCommand.self,
            QuoteCommand.self, ReplayCommand.self, RecordCommand.self, ServeFeedCommand.self, SyncCommand.self, RunCommand.self,
            ObservabilitySampleCommand.self, AccountCommand.self, CoverageCommand.self,
        ]
    )

    /// The command before its arguments are parsed.
    public init() {}
}
