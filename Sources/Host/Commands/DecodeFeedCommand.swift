import ArgumentParser
import Kernel

/// `mevbot decode-feed`: a feed recording, or a file of bare frames, to one JSON line per transaction.
struct DecodeFeedCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "decode-feed",
        abstract: "Decode a feed recording or a file of bare frames (docs/feed-recording.md) into one JSON line per transaction.",
        discussion: """
            Prints {"seq","index","hash","type","from","to","selector"} per transaction, in feed order, with
            "swap":{"dex","function","legs":[...]} added for a swap on a DEX enabled in the config (as
            decode-call prints it, or "swap":{"error":{...}} for malformed calldata to a known router), and
            {"error":{"kind","seq","offset","message"}} per frame, message or recording line that cannot be
            decoded, then goes on. `from` is recovered for signed transactions. Lines may be recording lines
            ({"receivedAtNanos":…,"frame":…}) or bare frames as a WebSocket client prints them
            ({"version":1,"messages":[…]}); a file without any frame is an error (exit 1).
            """
    )

    @Argument(help: "The recording or bare-frame file, or - for standard input.")
    var file: String

    @Option(name: .customLong("chain-id"), help: "The chain the feed belongs to.")
    var chainId: UInt64 = FeedDecoder.arbitrumOneChainId

    @Option(help: "The DEX config file.")
    var config = "config/dex.yaml"

    func run() throws {
        let path = file == "-" ? "/dev/stdin" : file
        var reader = try FeedRecordingReader(path: path)
        let decoder = FeedDecoder(chainId: chainId)
        var classifier = SwapClassifier(try loadConfig(path: config))
        while true {
            let recorded: RecordedFrame?
            do {
                recorded = try reader.next()
            } catch let error as FeedRecordingError {
                // A refused line is reported and skipped; a file without any frame ends the command.
                guard case .badLine = error else { throw error }
                print(FeedJSON.error(kind: "recording", seq: nil, offset: 0, message: error.description).rendered)
                continue
            }
            guard let recorded else { break }
            for line in FeedJSON.lines(for: recorded.bytes, decoder: decoder, classifier: &classifier) { print(line) }
        }
    }
}

/// The `decode-feed` line formats.
enum FeedJSON {
    /// The output lines for one frame: its transactions and its errors.
    static func lines(for frame: [UInt8], decoder: FeedDecoder, classifier: inout SwapClassifier) -> [String] {
        let decoded: FeedFrame
        do {
            decoded = try decoder.decode(frame)
        } catch {
            return [Self.error(error).rendered]
        }
        var out = decoded.errors.map { Self.error($0).rendered }
        for entry in decoded.entries {
            if let error = entry.error {
                out.append(Self.error(error).rendered)
                continue
            }
            for (index, tx) in entry.transactions.enumerated() {
                var line = transaction(tx, seq: entry.sequenceNumber, index: index)
                if let to = tx.to {
                    switch classifier.classify(ContractCall(to: to, data: tx.data, value: tx.value)) {
                    case .notASwap: break
                    case .swap(let dex, let swap): line.object("swap", SwapJSON.render(swap, dex: dex, poolOf: { classifier.pool(of: $0, dex: $1) }))
                    case .malformed(let problem):
                        line.object("swap", SwapJSON.error(kind: problem.error.kind.rawValue, offset: problem.error.offset,
                                                                message: problem.error.description, dex: problem.dex))
                    }
                }
                out.append(line.rendered)
            }
        }
        return out
    }

    /// `{"seq","index","hash","type","from","to","selector"}`.
    static func transaction(_ tx: Transaction, seq: UInt64, index: Int) -> JSONLine {
        var line = JSONLine()
        line.number("seq", seq)
        line.number("index", index)
        line.string("hash", tx.hash.description)
        line.string("type", tx.type.description)
        line.optionalString("from", (tx.from ?? (try? tx.recoverSender()))?.checksummed)
        line.optionalString("to", tx.to?.checksummed)
        line.optionalString("selector", FunctionSelector.leading(tx.data).map { Hex.encode(FunctionSelector.bytes($0)) })
        return line
    }

    /// `{"error":{"kind","seq","offset","message"}}` for a feed error.
    static func error(_ error: FeedError) -> JSONLine {
        Self.error(kind: error.kind.rawValue, seq: error.sequenceNumber, offset: error.offset, message: error.description)
    }

    /// `{"error":{"kind","seq","offset","message"}}`.
    static func error(kind: String, seq: UInt64?, offset: Int, message: String) -> JSONLine {
        var inner = JSONLine()
        inner.string("kind", kind)
        if let seq { inner.number("seq", seq) } else { inner.null("seq") }
        inner.number("offset", offset)
        inner.string("message", message)
        var line = JSONLine()
        line.object("error", inner)
        return line
    }
}
