import ArgumentParser
import Foundation

/// `mevbot coverage FILE`: how many of the swaps in a file of transactions with receipts the
/// config recognises, with the right pools.
struct CoverageCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "coverage",
        abstract: "Count the recognised swaps in transactions with receipts (JSON lines with tx and logs).",
        discussion: """
            Each input line is {"tx":{"to","input","value"},"logs":[{"address","topics"}],"toLabel"?}
            (the format of the shared fixture chain/arbitrum_real_swaps_with_receipts.jsonl); lines
            without "tx" are skipped. Prints one line per entry contract,
            {"entry","label","transactions","recognised","poolsMatch","routeUnknown"}, then
            {"total":true,...}. recognised: decoded with at least one leg; poolsMatch: and its legs'
            pools are exactly the pools that emitted swap events (V2, V3/Algebra, PancakeSwap V3,
            Curve); routeUnknown: an aggregator swap whose route the calldata hides.
            """
    )

    @Argument(help: "The JSON lines file.")
    var file: String

    @Option(help: "The DEX config file.")
    var config = "config/dex.yaml"

    func run() throws {
        var tally = CoverageTally(classifier: SwapClassifier(try loadConfig(path: config)))
        let text = try String(contentsOfFile: file, encoding: .utf8)
        for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: true).enumerated() {
            do {
                try tally.add(line: String(line))
            } catch {
                throw ValidationError("\(file):\(number + 1): \(error.message)")
            }
        }
        for entry in tally.entries { print(CoverageTally.line(entry).rendered) }
        print(CoverageTally.totalLine(tally.total).rendered)
    }
}
