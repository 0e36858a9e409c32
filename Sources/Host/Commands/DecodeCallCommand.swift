import ArgumentParser

/// `mevbot decode-call`: contract calls as JSON lines on stdin to one swap (or not) per line.
struct DecodeCallCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "decode-call",
        abstract: "Recognise and decode swaps in calls ({\"to\",\"data\",\"value\"} JSON lines on stdin).",
        discussion: """
            Each input line gives exactly one output line: {"dex","function","legs":[...]},
            {"swap":false}, or {"error":{"kind","offset","message","dex"}}. The DEXes are the
            enabled entries of the config; an invalid config stops it (exit 1) as check-config does.
            """
    )

    @Option(help: "The DEX config file.")
    var config = "config/dex.yaml"

    func run() throws {
        var decoder = CallLineDecoder(classifier: SwapClassifier(try loadConfig(path: config)))
        for line in StandardInputLines() {
            print(decoder.decode(line: line))
        }
    }
}
