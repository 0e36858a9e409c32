import Curve
import Kernel
import Testing

/// What the engine asks of a StableSwap pool: exact inputs only, no closed form, and a marginal
/// rate from one small quote.
@Suite struct PoolEngineTests {
    @Test func onlyExactInputsWithoutALimitAreFilled() throws {
        var pool = try PoolSample.pool()
        let before = pool
        #expect(throws: PoolError.invalidState("exact output is not priced for this pool type")) {
            try pool.fill(PoolSwap(from: 0, to: 1, amount: .exactOut(UInt256(1_000_000))))
        }
        #expect(throws: PoolError.invalidState("a price limit on a pool without one")) {
            try pool.fill(PoolSwap(from: 0, to: 1, amount: .exactIn(UInt256(1_000_000)), sqrtPriceLimitX96: .one))
        }
        #expect(pool == before)
        let dx = UInt256(1_000_000_000)
        let paid = try pool.quote(dx, from: 0, to: 1)
        #expect(try pool.fill(PoolSwap(from: 0, to: 1, amount: .exactIn(dx))) == PoolSwapFill(amountIn: dx, amountOut: paid))
        #expect(pool.balances.array[0] == before.balances.array[0] + dx)
        #expect(pool.swapCurve(from: 0, to: 1) == nil)
    }

    /// On the 2pool's parameters, balanced and off peg, three coins, and NG with its dynamic fee:
    /// the rate of a millionth of the input balance agrees with a quote ten times larger (the
    /// curve bends little in between), and a balanced pool's is one less its fee.
    @Test func theMarginalRateIsASmallQuotes() throws {
        let pools = [
            try PoolSample.pool(),
            try PoolSample.pool(balances: [UInt256(90_000_000_000_000), UInt256(10_000_000_000_000)]),
            try PoolSample.pool(.stableswapNG, multiplier: 20_000_000_000, balances: [UInt256(70_000_000_000_000), UInt256(30_000_000_000_000)]),
            try PoolSample.pool(balances: [UInt256(5_000_000_000_000), UInt256(6_000_000_000_000), UInt256(7_000_000_000_000)]),
        ]
        for pool in pools {
            for from in pool.balances.array.indices {
                for to in pool.balances.array.indices where to != from {
                    let rate = try #require(pool.marginalRate(from: from, to: to))
                    let dx = pool.balances.array[from] / UInt256(100_000)
                    let ratio = try pool.quote(dx, from: from, to: to).approximateDouble / dx.approximateDouble
                    #expect(abs(ratio - rate) <= rate * 1e-4, "\(pool.balances.array) \(from) → \(to)")
                }
            }
        }
        let balanced = try PoolSample.pool(fee: 4_000_000, balances: [UInt256(10_000_000_000_000), UInt256(10_000_000_000_000)])
        #expect(abs(try #require(balanced.marginalRate(from: 0, to: 1)) - (1 - 0.0004)) < 1e-6)
        #expect(balanced.marginalRate(from: 0, to: 0) == nil && balanced.marginalRate(from: 2, to: 0) == nil && balanced.marginalRate(from: -1, to: 0) == nil)
    }
}
