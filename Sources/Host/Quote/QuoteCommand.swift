import ArgumentParser

/// `mevbot quote`: pool states and swaps as JSON lines on stdin to exact results, one line out per
/// line in.
struct QuoteCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "quote",
        abstract: "Quote swaps on pool states exactly as the contracts compute them (JSON lines on stdin).",
        discussion: """
            Each input line {"pool":{"plugin",...},...} gives exactly one output line: the swap's
            amounts and the pool state after it, or {"error":{"kind","message"}} with kind revert
            (the contract's reason), invalidState or malformedInput. Integers are decimal strings.
            The README documents the fields of each plugin.
            """
    )

    func run() {
        let handler = QuoteLineHandler()
        for line in StandardInputLines() {
            print(handler.answer(line: line))
        }
    }
}
