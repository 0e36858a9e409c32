import Benchmark
import Engine
import Foundation
import Host
import Kernel

/// The whole path on the demo's real 221 pools (`replay/demo-snapshot.json`): a frame's bytes
/// decoded, its transactions classified, its swaps simulated on the pending state, the cycles
/// through the moved pools screened, sized and priced, to the opportunities.
///
/// The frame is the first of the constructed demo feed (`replay/demo-feed.jsonl`) whose swap
/// opens an opportunity, on the state the feed's earlier messages leave; as a message of its one
/// transaction, and as a batch of 20: the same swap first, then 19 real Arbitrum One transactions
/// that are not swaps (`replay/arbitrum-one-transactions.hex`). Each iteration runs on a copy of
/// that engine (copying it is part of the time: a few array copies of the pools' rates).
func pipelineBenchmarks() {
    guard let setup = PipelineSetup() else { fatalError("the demo snapshot, feed or config is missing (run from the package root), or the batch frame does not decode") }
    for (name, frame) in [("1 transaction", setup.single), ("20 transactions", setup.batch)] {
        Benchmark("Frame bytes to priced opportunities, \(name), demo pools (per op)") { benchmark in
            var classifier = setup.classifier
            let decoder = FeedDecoder()
            for _ in benchmark.scaledIterations {
                var engine = setup.engine
                blackHole(opportunities(in: frame, decoder, &classifier, &engine))
            }
        }
    }
}

/// The whole path for one frame: decoded, its transactions classified, each message's swaps
/// processed by `engine`; the number of priced opportunities.
func opportunities(in frame: [UInt8], _ decoder: FeedDecoder, _ classifier: inout SwapClassifier, _ engine: inout Engine) -> Int {
    guard let decoded = try? decoder.decode(frame[...]) else { fatalError("the frame does not decode") }
    var found = 0
    for entry in decoded.entries {
        var swaps: [SwapTransaction] = []
        for tx in entry.transactions {
            guard let to = tx.to, case .swap(_, let swap) = classifier.classify(ContractCall(to: to, data: tx.data, value: tx.value)) else { continue }
            swaps.append(SwapTransaction(hash: tx.hash, legs: swap.legs))
        }
        found += engine.process(SwapMessage(sequenceNumber: entry.sequenceNumber, timestamp: entry.message.header.timestamp, transactions: swaps)).count
    }
    return found
}

/// The engine before the first demo frame that opens an opportunity, and that frame.
struct PipelineSetup {
    let classifier: SwapClassifier
    let engine: Engine
    /// The frame as the feed sent it (one transaction).
    let single: [UInt8]
    /// The same message with 19 real non-swap transactions after the swap.
    let batch: [UInt8]

    init?() {
        guard let loaded = try? ConfigLoader().load(path: "config/dex.yaml"),
              let snapshot = try? SnapshotFile.load(path: "replay/demo-snapshot.json", config: loaded),
              var engine = try? Engine(snapshot: snapshot, plugins: loaded.enabledPlugins, configuration: loaded.engine),
              let frames = try? FeedRecordingReader.readAll(path: "replay/demo-feed.jsonl")
        else { return nil }
        var classifier = SwapClassifier(loaded)
        let decoder = FeedDecoder()
        var chosen: (before: Engine, frame: [UInt8], entry: FeedEntry)?
        for frame in frames {
            guard let decoded = try? decoder.decode(frame.bytes[...]), let entry = decoded.entries.first, entry.transactions.count == 1 else { continue }
            let before = engine
            let swaps = entry.transactions.compactMap { tx -> SwapTransaction? in
                guard let to = tx.to, case .swap(_, let swap) = classifier.classify(ContractCall(to: to, data: tx.data, value: tx.value)) else { return nil }
                return SwapTransaction(hash: tx.hash, legs: swap.legs)
            }
            if !engine.process(SwapMessage(sequenceNumber: entry.sequenceNumber, timestamp: entry.message.header.timestamp, transactions: swaps)).isEmpty {
                chosen = (before, frame.bytes, entry)
                break
            }
        }
        guard let chosen, let swap = chosen.entry.transactions.first else { return nil }
        guard let others = Self.nonSwaps(&classifier, count: 19) else { return nil }
        let header = chosen.entry.message.header
        let batch = Self.batchFrame(sequenceNumber: chosen.entry.sequenceNumber, blockNumber: header.blockNumber, timestamp: header.timestamp,
                                    transactions: [Array(swap.raw)] + others)
        // The batch must decode to all 20, or its benchmark would time an error path.
        guard let decoded = try? decoder.decode(batch[...]), decoded.entries.first?.transactions.count == 20 else { return nil }
        self.classifier = classifier
        self.engine = chosen.before
        single = chosen.frame
        self.batch = batch
    }

    /// `count` real signed transactions (`replay/arbitrum-one-transactions.hex`) that no DEX of
    /// `classifier`'s config recognises (Arbitrum's own types may not stand in a signed-transaction
    /// segment: Nitro rejects the whole message); nil when the file is missing or has fewer.
    static func nonSwaps(_ classifier: inout SwapClassifier, count: Int) -> [[UInt8]]? {
        guard let hexLines = try? String(contentsOfFile: "replay/arbitrum-one-transactions.hex", encoding: .utf8) else { return nil }
        var others: [[UInt8]] = []
        for line in hexLines.split(separator: "\n") where others.count < count {
            guard let raw = try? Hex.decode(String(line)), let tx = try? TransactionDecoder.decode(raw), tx.signature != nil, let to = tx.to,
                  case .notASwap = classifier.classify(ContractCall(to: to, data: tx.data, value: tx.value)) else { continue }
            others.append(raw)
        }
        return others.count == count ? others : nil
    }

    /// A frame of one kind-3 L2 message: a batch (kind 3) of signed transactions (kind 4), each
    /// segment prefixed by its 8-byte big-endian length, as nitro's sequencer writes it.
    static func batchFrame(sequenceNumber: UInt64, blockNumber: UInt64, timestamp: UInt64, transactions: [[UInt8]]) -> [UInt8] {
        var l2Msg: [UInt8] = [3]
        for raw in transactions {
            let segment = [4] + raw
            l2Msg += withUnsafeBytes(of: UInt64(segment.count).bigEndian, Array.init)
            l2Msg += segment
        }
        let frame = #"{"version":1,"messages":[{"sequenceNumber":\#(sequenceNumber),"message":{"message":{"header":{"kind":3,"sender":"0xa4b000000000000000000073657175656e636572","blockNumber":\#(blockNumber),"timestamp":\#(timestamp),"requestId":null,"baseFeeL1":null},"l2Msg":"\#(Data(l2Msg).base64EncodedString())"},"delayedMessagesRead":1},"signatureV2":null}]}"#
        return Array(frame.utf8)
    }
}
