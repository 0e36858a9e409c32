import Engine
import Kernel
import Testing
import TestSupport

/// `minNetProfit` only filters: the cycles the engine answers from their profit bound (the
/// floating-point bound beside the screening rates, then the exact closed form) are never ones
/// it would have reported. On random worlds of V2 pairs between WETH and two tokens, at random
/// prices and depths, a random swap's opportunities with `minNetProfit` set are exactly those
/// without it whose net profit reaches it, the same values field for field; and the bound let
/// some cycles go unpriced.
@Suite struct MinNetProfitFilterTests {
    typealias W = EngineWorld

    @Test func aFloorOnlyDropsWhatFallsBelowIt() throws {
        var random = SplitMix64(seed: 41)
        var compared = 0, skipped = 0
        for _ in 0..<60 {
            let tokens = [W.weth, W.tokenA, W.tokenB]
            var pools: [SnapshotPool] = []
            for (x, y) in [(0, 1), (1, 2), (2, 0)] {
                for dex in ["uniswap-v2", "sushiswap-v2"] {
                    let depth = UInt64.random(in: 1_000_000_000...4_000_000_000_000, using: &random)
                    let skew = Double.random(in: 0.9...1.1, using: &random)
                    pools.append(try W.pair(dex, tokens[x], depth, tokens[y], UInt64(Double(depth) * skew)))
                }
            }
            let (x, y) = [(0, 1), (1, 2), (2, 0)].randomElement(using: &random) ?? (0, 1)
            let dex = Bool.random(using: &random) ? "uniswap-v2" : "sushiswap-v2"
            let amount = UInt64.random(in: 1_000_000...400_000_000_000, using: &random)
            let message = W.message(2, timestamp: 0, [W.swap(dex, tokens[x], tokens[y], exactIn: amount)])
            func engine(_ minNetProfit: UInt256) throws -> Engine {
                var configuration = W.cheapFees
                configuration.minNetProfit = minNetProfit
                return try Engine(snapshot: Snapshot(block: 1, timestamp: 0, pools: pools), plugins: W.plugins(), configuration: configuration)
            }
            var unfiltered = try engine(.zero)
            let all = unfiltered.process(message)
            let profits = all.map(\.netProfitEth).sorted()
            guard let floor = profits.isEmpty ? nil : profits[profits.count / 2] else { continue }
            for minimum in [floor, floor + .one, profits[0]] {
                var filtered = try engine(minimum)
                let kept = filtered.process(message)
                #expect(kept == all.filter { $0.netProfitEth >= minimum })
                skipped += filtered.counters.belowCost - unfiltered.counters.belowCost
                compared += 1
            }
        }
        #expect(compared >= 30)
        #expect(skipped > 0)
    }
}
