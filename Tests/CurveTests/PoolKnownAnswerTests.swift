import Curve
import Kernel
import Testing

/// Known answers and the reverts Curve's own test suites expect.
@Suite struct PoolKnownAnswerTests {
    /// curvesim's `CurvePool.exchange` docstring: A = 250 (precise 25000), D = 10^6 · 10^18 over two
    /// 6-decimal coins (500,000 each), default fee 0.04 %: 150 coins in pay 149.939820 out, and the
    /// same model's balances after are [500150000000, 499850030181].
    @Test func curvesimDocstringExample() throws {
        var pool = try PoolSample.pool(a: 25_000, fee: 4_000_000, balances: [UInt256(500_000_000_000), UInt256(500_000_000_000)])
        #expect(try pool.quote(UInt256(150_000_000), from: 0, to: 1) == UInt256(149_939_820))
        #expect(try pool.exchange(UInt256(150_000_000), from: 0, to: 1) == UInt256(149_939_820))
        #expect(pool.balances.array == [UInt256(500_150_000_000), UInt256(499_850_030_181)])
    }

    /// A balanced pool without fee pays less than it takes in (the `- 1` and the curve), and the fee
    /// comes off the output: fee 0 pays more than fee 0.04 %.
    @Test func feeAndRoundingFavourThePool() throws {
        let dx = UInt256(1_000_000_000)
        let free = try PoolSample.pool(fee: 0, balances: [UInt256(10_000_000_000_000), UInt256(10_000_000_000_000)])
        let paid = try free.quote(dx, from: 0, to: 1)
        #expect(paid < dx)
        let charged = try PoolSample.pool(fee: 4_000_000, balances: free.balances.array)
        #expect(try charged.quote(dx, from: 0, to: 1) < paid)
    }

    /// stableswap-ng tests/pools/exchange/test_exchange_reverts.py: `test_zero_amount_swap` and
    /// `test_same_coin` revert on NG pools.
    @Test func ngRevertsOfItsTestSuite() throws {
        let pool = try PoolSample.pool(.stableswapNG, multiplier: 20_000_000_000)
        #expect(throws: PoolError.revert(CurveRevert.zeroInput)) { try pool.quote(.zero, from: 0, to: 1) }
        #expect(throws: PoolError.revert(CurveRevert.zeroInput)) { try pool.quote(.zero, from: 1, to: 0) }
        for index in 0..<2 {
            #expect(throws: PoolError.revert(CurveRevert.sameCoin)) { try pool.quote(.zero, from: index, to: index) }
        }
    }

    /// The NG dynamic fee: with a multiplier above 10^10 an imbalanced pool charges more than the
    /// base fee, and a multiplier of at most 10^10 is the plain fee.
    @Test func ngDynamicFeeRaisesTheFeeOffPeg() throws {
        let imbalanced = [UInt256(100_000_000_000_000), UInt256(10_000_000_000_000)]
        let dx = UInt256(1_000_000_000)
        let flat = try PoolSample.pool(.stableswapNG, multiplier: 10_000_000_000, balances: imbalanced).quote(dx, from: 0, to: 1)
        let none = try PoolSample.pool(.stableswapNG, multiplier: 0, balances: imbalanced).quote(dx, from: 0, to: 1)
        let dynamic = try PoolSample.pool(.stableswapNG, multiplier: 50_000_000_000, balances: imbalanced).quote(dx, from: 0, to: 1)
        #expect(flat == none)
        #expect(dynamic < flat)
    }
}
