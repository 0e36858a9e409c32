import ArgumentParser
import Kernel

/// `mevbot decode-tx`: raw transactions as hex, one per line, to one JSON object per line.
struct DecodeTxCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "decode-tx",
        abstract: "Decode raw transactions (hex, one per line on stdin) into JSON lines.",
        discussion: """
            Each input line gives exactly one output line: the decoded transaction, or
            {"error":{"kind","offset","message"}}. Numbers are 0x-prefixed hex quantities.
            """
    )

    @Option(name: .customLong("hex"), help: "Decode this one transaction instead of reading stdin.")
    var hex: String?

    @Flag(help: "Recover and print `from` for signed types (about 40 us each).")
    var sender = false

    @Flag(help: "Print only a summary by type after reading all input.")
    var summary = false

    func run() throws {
        var decoder = TransactionLineDecoder(recoverSenders: sender)
        let lines: AnySequence<String> = hex.map { AnySequence([$0]) } ?? AnySequence(StandardInputLines())
        for text in lines {
            let output = decoder.decode(line: text)
            if !summary { print(output) }
        }
        if summary { print(decoder.tally.rendered.rendered) }
    }
}

/// Lines of standard input, without their line breaks.
struct StandardInputLines: Sequence, IteratorProtocol {
    mutating func next() -> String? { readLine(strippingNewline: true) }
}
