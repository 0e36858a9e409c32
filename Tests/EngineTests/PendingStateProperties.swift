import Engine
import Kernel
import Testing
import UniswapV2

/// Properties of the pending state on random worlds of V2 pairs and random swaps.
@Suite struct PendingStateProperties {
    typealias W = EngineWorld

    /// Random pairs among WETH, A and B on both entries, and `count` messages of one to three
    /// random swaps each.
    static func world(_ random: inout SplitMix64, messages count: Int) throws -> (Snapshot, [SwapMessage]) {
        let tokens = [W.weth, W.tokenA, W.tokenB]
        var pools: [SnapshotPool] = []
        for dex in ["uniswap-v2", "sushiswap-v2"] {
            for (x, y) in [(0, 1), (1, 2), (0, 2)] {
                pools.append(try W.pair(dex, tokens[x], UInt64.random(in: 1_000_000...100_000_000, using: &random),
                                        tokens[y], UInt64.random(in: 1_000_000...100_000_000, using: &random)))
            }
        }
        let messages = (1...count).map { seq in
            W.message(UInt64(seq), (0..<Int.random(in: 1...3, using: &random)).map { _ in
                let pair = (0..<3).shuffled(using: &random)
                return W.swap(
                    Bool.random(using: &random) ? "uniswap-v2" : "sushiswap-v2", tokens[pair[0]], tokens[pair[1]],
                    exactIn: UInt64.random(in: 1_000...5_000_000, using: &random))
            })
        }
        return (Snapshot(block: 0, timestamp: 0, pools: pools), messages)
    }

    @Test(arguments: 0..<20)
    func overlayThenConfirmEqualsAFreshState(seed: UInt64) throws {
        var random = SplitMix64(seed: seed)
        let (snapshot, messages) = try Self.world(&random, messages: 8)
        let cut = Int.random(in: 0...messages.count, using: &random)
        // The chain: every message up to the cut, then the block's states.
        var chain = try Engine(snapshot: snapshot, plugins: W.plugins(), configuration: W.cheapFees)
        for message in messages.prefix(cut) { _ = chain.process(message) }
        let blockStates = try snapshot.pools.map { try #require(chain.pendingPool($0.pool.address)) }
        // The engine under test: every message, then the block confirmed.
        var engine = try Engine(snapshot: snapshot, plugins: W.plugins(), configuration: W.cheapFees)
        for message in messages { _ = engine.process(message) }
        let block = UInt64(cut) + ArbitrumOne.blockNumberOffset
        engine.confirm(block: block, timestamp: 0, pools: blockStates)
        // A fresh engine from the block's states, given the messages after it.
        let fresh = Snapshot(block: block, timestamp: 0, pools: zip(snapshot.pools, blockStates).map { SnapshotPool(dex: $0.dex, pool: $1) })
        var expected = try Engine(snapshot: fresh, plugins: W.plugins(), configuration: W.cheapFees)
        for message in messages.dropFirst(cut) { _ = expected.process(message) }
        for pool in snapshot.pools {
            #expect(try W.reserves(engine, pool.pool.address) == W.reserves(expected, pool.pool.address))
        }
    }
}
