import Benchmark
import BenchmarkSupport
import Engine
import Host
import Kernel
import UniswapV2

/// The case for the whole path, on the synthetic universe (`PairUniverse`: its 9,900
/// two-coin pools as Uniswap V2 pairs at consistent prices, 436,314 cycles, through the real
/// config): a frame holding a signed Uniswap V2 Router02 `swapExactTokensForTokens` of 1/30 of
/// the input reserve through the pair in 198 cycles, decoded, classified, simulated, every cycle
/// through the pair screened, those that pass sized, those that could clear the cost and
/// `minNetProfit` priced, to the opportunities; as a message of its one transaction and as a
/// batch of 20 (the swap, then 19 real Arbitrum One transactions that are not swaps).
///
/// With `minNetProfit` 0 the swap opens 56 cycles with a net profit, most of a few 10^11 wei;
/// here `minNetProfit` is the third best's, as a searcher sets a floor worth a transaction: of
/// the 198 cycles screened, 99 pass the screen, 96 are answered from their profit bound and 3
/// are sized exactly (3 cycle quotes each) and priced. Between frames (untimed) `confirm` puts
/// the pair back, so every frame meets the same state.
func syntheticPipelineBenchmarks() {
    guard let setup = SyntheticPipelineSetup() else { fatalError("the config or the real transactions are missing (run from the package root)") }
    for (name, frame) in [("1 transaction", setup.single), ("20 transactions", setup.batch)] {
        let state = SyntheticPipelineState(setup)
        Benchmark("Frame bytes to priced opportunities, \(name), V2 swap on a pair in 198 cycles of the synthetic universe (per op)") { benchmark in
            benchmark.startMeasurement()
            blackHole(opportunities(in: frame, state.decoder, &state.classifier, &state.engine))
            benchmark.stopMeasurement()
            state.restore()
        }
    }
}

/// The engine a benchmark runs on, and the pair it puts back between frames: `confirm` with the
/// pair as it was drops the swap the frame applied, and the engine's arrays stay its own (no
/// copy on the next frame's first write).
private final class SyntheticPipelineState: @unchecked Sendable {
    var engine: Engine
    var classifier: SwapClassifier
    let decoder = FeedDecoder()
    let pair: UniswapV2Pool

    init(_ setup: SyntheticPipelineSetup) {
        engine = setup.engine
        classifier = setup.classifier
        pair = setup.pair
    }

    func restore() {
        engine.confirm(block: 1 << 40, timestamp: 0, pools: [pair])
    }
}

/// The synthetic engine and the frames of the swap through its probe pair.
struct SyntheticPipelineSetup {
    let classifier: SwapClassifier
    let engine: Engine
    /// The swapped pair before the swap.
    let pair: UniswapV2Pool
    /// The swap, one transaction in a frame.
    let single: [UInt8]
    /// The same swap followed by 19 real non-swap transactions.
    let batch: [UInt8]

    init?() {
        guard let loaded = try? ConfigLoader().load(path: "config/dex.yaml"), let plugin = loaded.enabledPlugins["uniswap-v2"],
              // The `uniswap-v2` entry's Router02 (config/dex.yaml).
              let router = try? Address(hex: "0x4752ba5dbc23f44d87826276bf6fd6b1c372ad24"),
              let key = try? PrivateKey(hex: "0x4c0883a69102937d6231471b5dbb6204fe5129617082792ae468d01a3f362318")
        else { return nil }
        let universe = SyntheticUniverse()
        func engine(_ pairs: [UniswapV2Pool], minNetProfit: UInt256 = .zero) -> Engine? {
            var configuration = loaded.engine
            configuration.minNetProfit = minNetProfit
            return try? Engine(snapshot: Snapshot(block: 0, timestamp: 0, pools: pairs.map { SnapshotPool(dex: "uniswap-v2", pool: $0) }),
                               plugins: loaded.enabledPlugins, configuration: configuration)
        }
        // The pair in the number of cycles nearest 200, then the same universe with that pair at
        // the address its factory derives, so that a router call names it.
        guard let first = engine(PairUniverse.pairs(universe)) else { return nil }
        var probe: (pair: Address, distance: Int)?
        for spec in universe.pools where spec.tokens.count == 2 {
            guard let slot = first.index.slot(of: spec.address) else { continue }
            let distance = abs(first.index.cycles(through: slot).count - 200)
            if probe.map({ distance < $0.distance }) ?? true { probe = (spec.address, distance) }
        }
        guard let probe, let spec = universe.pools.first(where: { $0.address == probe.pair }),
              let derived = plugin.poolAddress(spec.tokens[0], spec.tokens[1], fee: nil)
        else { return nil }
        let pairs = PairUniverse.pairs(universe) { pool, _, _ in pool == probe.pair ? derived : pool }
        guard let unfiltered = engine(pairs), let pair = unfiltered.pendingPool(derived) as? UniswapV2Pool else { return nil }

        // swapExactTokensForTokens(reserve0 / 30, 0, [token0, token1], sender, never).
        let signer = TransactionSigner(key: key)
        var data = FunctionSelector.bytes(FunctionSelector.of("swapExactTokensForTokens(uint256,uint256,address[],address,uint256)"))
        for word in [pair.reserve0 / UInt256(30), .zero, UInt256(0xA0)] { data.appendWord(word) }
        data.appendWord(signer.address)
        data.appendWord(UInt256.max)
        data.appendWord(UInt256(2))
        data.appendWord(pair.tokens[0])
        data.appendWord(pair.tokens[1])
        let swap = signer.sign(TransactionTemplate(nonce: 0, maxFeePerGas: UInt256(20_000_000), gasLimit: 300_000, to: router).transaction(data: data)).raw
        var classifier = SwapClassifier(loaded)
        guard let others = PipelineSetup.nonSwaps(&classifier, count: 19) else { return nil }
        single = PipelineSetup.batchFrame(sequenceNumber: 1, blockNumber: 1, timestamp: 1_765_000_000, transactions: [swap])
        batch = PipelineSetup.batchFrame(sequenceNumber: 1, blockNumber: 1, timestamp: 1_765_000_000, transactions: [swap] + others)

        // The third best net profit as the floor; both frames must report at least one.
        let decoder = FeedDecoder()
        var trial = unfiltered
        guard let decoded = try? decoder.decode(single[...]), let transaction = decoded.entries.first?.transactions.first, let to = transaction.to,
              case .swap(_, let recognised) = classifier.classify(ContractCall(to: to, data: transaction.data, value: transaction.value))
        else { return nil }
        let profits = trial.process(SwapMessage(sequenceNumber: 1, timestamp: 1_765_000_000, transactions: [SwapTransaction(hash: transaction.hash, legs: recognised.legs)]))
            .map(\.netProfitEth).sorted(by: >)
        guard profits.count >= 3, let engine = engine(pairs, minNetProfit: profits[2]) else { return nil }
        for frame in [single, batch] {
            var check = engine
            guard opportunities(in: frame, decoder, &classifier, &check) >= 3 else { return nil }
        }
        self.classifier = classifier
        self.engine = engine
        self.pair = pair
    }
}
