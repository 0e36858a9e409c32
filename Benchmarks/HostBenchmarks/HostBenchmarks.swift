import Benchmark
import Foundation
import Host
import Kernel

/// Real Arbitrum One router transactions (Tests/HostTests/Fixtures/arbitrum_router_txs.json, with
/// their provenance beside it), decoded once, by hash.
func realRouterTransactions() -> [String: Transaction] {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    guard let data = try? Data(contentsOf: root.appendingPathComponent("Tests/HostTests/Fixtures/arbitrum_router_txs.json")),
          let json = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
          let records = json["transactions"] as? [[String: Any]]
    else {
        fatalError("the router transaction fixtures are missing")
    }
    var byHash: [String: Transaction] = [:]
    for record in records {
        guard let raw = record["raw"] as? String, let bytes = try? Hex.decode(raw),
              let tx = try? TransactionDecoder.decode(bytes) else { continue }
        byHash[tx.hash.description] = tx
    }
    return byHash
}

/// The real swaps with receipts (Tests/HostTests/Fixtures/arbitrum_real_swaps_with_receipts.jsonl,
/// with their provenance beside it), decoded once, by hash.
func realSwapTransactions() -> [String: Transaction] {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    guard let data = try? Data(contentsOf: root.appendingPathComponent("Tests/HostTests/Fixtures/arbitrum_real_swaps_with_receipts.jsonl")) else {
        fatalError("the real swap fixtures are missing")
    }
    var byHash: [String: Transaction] = [:]
    for line in data.split(separator: UInt8(ascii: "\n")) {
        guard let json = try? JSONSerialization.jsonObject(with: Data(line)) as? [String: Any], let raw = json["raw"] as? String,
              let bytes = try? Hex.decode(raw), let tx = try? TransactionDecoder.decode(bytes) else { continue }
        byHash[tx.hash.description] = tx
    }
    return byHash
}

/// `count` feed frames of one message each, consecutive sequence numbers, each carrying `tx` as a
/// kind-4 L2 message, shaped as Nitro's broadcaster writes them.
func syntheticFeed(count: Int, carrying tx: Transaction) -> [RecordedFrame] {
    let l2Msg = Data([4] + Array(tx.raw)).base64EncodedString()
    return (0..<count).map { i in
        let seq = 100_000_000 + i
        let frame = #"{"version":1,"messages":[{"sequenceNumber":\#(seq),"message":{"message":{"header":{"kind":3,"sender":"0xa4b000000000000000000073657175656e636572","blockNumber":\#(20_000_000 + i / 48),"timestamp":\#(1_729_324_962 + i / 4),"requestId":null,"baseFeeL1":null},"l2Msg":"\#(l2Msg)"},"delayedMessagesRead":1724493},"signatureV2":null}]}"# + "\n"
        return RecordedFrame(receivedAtUnixNanos: UInt64(i), bytes: Array(frame.utf8))
    }
}

let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .mallocCountTotal],
        timeUnits: .nanoseconds,
        warmupIterations: 100,
        maxDuration: .seconds(3),
        maxIterations: 1_000_000
    )
    pipelineBenchmarks()
    syntheticPipelineBenchmarks()
    syncBenchmarks()
    observabilityBenchmarks()
    signingBenchmarks()
    let transactions = realRouterTransactions()
    // Universal Router v2 `execute` with a V3 swap; SwapRouter02 `multicall(deadline, bytes[])`;
    // SushiSwap Router02 `swapExactTokensForTokens` (375 bytes).
    guard let universal = transactions["0x3ea90c2f3882c798185d135307a5ee3c366790c62bf9755f1035ff6bd9fb5381"],
          let multicall = transactions.first(where: { $0.key.hasPrefix("0x6bd023e82a82673e") })?.value,
          let sushi = transactions["0xf88f10f213c046cc14c2701cb50d33b971be43f37b119bae323a1aa614166c2e"],
          let loaded = try? ConfigLoader().load(path: "config/dex.yaml")
    else {
        fatalError("fixtures or config/dex.yaml missing (run from the package root)")
    }
    let swaps = realSwapTransactions()
    // ParaSwap V6.2 swapExactAmountInOnCurveV1 (388 bytes); ParaSwap V5 simpleBuy wrapping a
    // Camelot V3 exactOutput (1,252 bytes); CoW settle through two V2 routers (3,276 bytes);
    // 1inch V5 swap through its executor (an unknown route, 872 bytes).
    guard let paraswapCurve = swaps["0xf9a632e9cdf86b0af99d38b3bb83d8e73c115c181ca111b917f189851b7e0191"],
          let paraswapSimple = swaps["0x92a422b746cc1ce14b795e5fc2239cdf3146482a5bc3c5278dccb1c3ccccdc17"],
          let cowSettle = swaps["0xd1b5ca7b7616f827216d4fd541f87b5c4571e568754f1d05ad87370975d4c69a"],
          let oneInch = swaps["0x1756eca9ad24e025cec0f9963c93a7a98f85d8603cd4b16bd0accdf3c20d3ff8"]
    else {
        fatalError("fixtures or config/dex.yaml missing (run from the package root)")
    }
    func call(_ tx: Transaction) -> ContractCall {
        ContractCall(to: tx.to ?? .zero, data: tx.data, value: tx.value)
    }

    // Classification: the `to` lookup, then the DEX's decoder (per op, 1,000 per sample).
    let cases: [(String, ContractCall)] = [
        ("real Universal Router execute", call(universal)),
        ("real SwapRouter02 multicall", call(multicall)),
        ("real SushiSwap swapExactTokensForTokens", call(sushi)),
        ("unknown address (not a swap)", ContractCall(to: Address(precompile: 0xdead_beef), data: multicall.data, value: .zero)),
        ("real ParaSwap V6.2 swapExactAmountInOnCurveV1", call(paraswapCurve)),
        ("real ParaSwap V5 simpleBuy (wraps Camelot V3)", call(paraswapSimple)),
        ("real CoW settle (wraps two V2 routers)", call(cowSettle)),
        ("real 1inch V5 swap (route unknown)", call(oneInch)),
    ]
    aggregatorBenchmarks(loaded, swaps: swaps)
    directRouteBenchmarks(loaded)
    for (name, call) in cases {
        var classifier = SwapClassifier(loaded)
        Benchmark("Classify + decode: \(name) (per op, 1000 per sample)", configuration: .init(scalingFactor: .kilo)) { benchmark in
            for _ in benchmark.scaledIterations {
                blackHole(classifier.classify(call))
            }
        }
    }

    // The whole feed path over loopback: the replay server sends 20,000 frames as fast as the
    // socket takes them; the client reads, queues, decodes (transaction included) and tracks them
    // until every message has been delivered. One sample = all 20,000 frames; frames/s = 20,000 /
    // time. `framesRefetched` counts frames a full queue dropped, which the connection then asked
    // for again by reconnecting (none is lost).
    let frameCount = 20_000
    let frames = syntheticFeed(count: frameCount, carrying: sushi)
    let framesRefetched = BenchmarkMetric.custom("framesRefetched", polarity: .prefersSmaller, useScalingFactor: false)
    Benchmark("Feed client over loopback, 20,000 frames of a real 375-byte swap per op",
              configuration: .init(metrics: [.wallClock, framesRefetched], warmupIterations: 1, maxDuration: .seconds(30), maxIterations: 10)) { benchmark in
        let server = FeedReplayServer(frames: frames)
        guard (try? await server.start()) != nil else { fatalError("the loopback server did not start") }
        let client = FeedClient(configuration: FeedClientConfiguration(urls: [server.url]), decoder: FeedDecoder())
        benchmark.startMeasurement()
        let network = Task { await client.run() }
        var messages = 0
        for await delivery in client.deliveries() {
            messages += delivery.sequenceNumbers.count
            if messages >= frameCount { break }
        }
        benchmark.stopMeasurement()
        benchmark.measurement(framesRefetched, Int(client.stats.snapshot.framesDroppedByQueue))
        network.cancel()
        await network.value
        await server.stop()
    }

    // The same, the hot path's way (`run`, `replay`): each frame decoded and tracked on the feed's
    // event loop as it is read, no queue between (ADR 0013).
    Benchmark("Feed client over loopback, inline on the event loop, 20,000 frames of a real 375-byte swap per op",
              configuration: .init(metrics: [.wallClock], warmupIterations: 1, maxDuration: .seconds(30), maxIterations: 10)) { benchmark in
        let server = FeedReplayServer(frames: frames)
        guard (try? await server.start()) != nil else { fatalError("the loopback server did not start") }
        let client = FeedClient(configuration: FeedClientConfiguration(urls: [server.url]), decoder: FeedDecoder())
        benchmark.startMeasurement()
        var messages = 0
        await client.run { delivery in
            messages += delivery.sequenceNumbers.count
            return messages < frameCount
        }
        benchmark.stopMeasurement()
        await server.stop()
    }
}
