import Kernel
import Testing

/// `PricingPool`'s defaults for what the engine asks, on a pool that pays 3 for every 2 in and
/// reverts on any input but the one it expects.
struct PricingPoolDefaultsTests {
    /// A two-token pool paying `amountIn · 3 / 2`; `"unexpected input"` for an input other than
    /// `expected` (when set), `"nothing in"` for zero.
    struct ThreeForTwo: PricingPool {
        var address = Address.zero
        var tokens = [Address.zero, Address.zero]
        var expected: UInt256?
        var paid = UInt256.zero

        func amountOut(_ amountIn: UInt256, from: Int, to: Int) throws(PoolError) -> UInt256 {
            guard !amountIn.isZero else { throw .revert("nothing in") }
            guard expected.map({ $0 == amountIn }) ?? true else { throw .revert("unexpected input") }
            return amountIn * UInt256(3) / UInt256(2)
        }

        mutating func swap(_ amountIn: UInt256, from: Int, to: Int) throws(PoolError) -> UInt256 {
            let out = try amountOut(amountIn, from: from, to: to)
            paid += out
            return out
        }

        static var stateEventTopics: [Hash32] { [] }

        mutating func apply(_ log: EventLog) throws(PoolError) -> EventEffect { .ignored }
    }

    @Test func theDefaultFillIsAnExactInputWithoutALimit() throws {
        var pool = ThreeForTwo()
        #expect(try pool.fill(PoolSwap(from: 0, to: 1, amount: .exactIn(UInt256(10)), sqrtPriceLimitX96: .zero)) == PoolSwapFill(amountIn: UInt256(10), amountOut: UInt256(15)))
        #expect(throws: PoolError.invalidState("exact output is not priced for this pool type")) {
            try pool.fill(PoolSwap(from: 0, to: 1, amount: .exactOut(UInt256(15))))
        }
        #expect(throws: PoolError.invalidState("a price limit on a pool without one")) {
            try pool.fill(PoolSwap(from: 0, to: 1, amount: .exactIn(UInt256(10)), sqrtPriceLimitX96: .one))
        }
        #expect(pool.paid == UInt256(15))
        #expect(pool.swapCurve(from: 0, to: 1) == nil && pool.marginalRate(from: 0, to: 1) == nil)
    }

    /// The probe is a millionth of the balance, at least 1 unit, and its quote's rate (rounding
    /// included: 1 unit in pays 1) is the answer.
    @Test func theQuotedRateProbesAMillionthOfTheBalance() {
        let cases = [(UInt256(4_000_000_000), UInt256(4_000), 1.5), (UInt256(999_999), UInt256.one, 1.0), (UInt256.zero, UInt256.one, 1.0)]
        for (balance, probe, rate) in cases {
            #expect(ThreeForTwo(expected: probe).quotedMarginalRate(from: 0, to: 1, balanceIn: balance) == rate, "\(balance)")
        }
        #expect(ThreeForTwo(expected: UInt256(5)).quotedMarginalRate(from: 0, to: 1, balanceIn: UInt256(4_000_000_000)) == nil)
    }

    @Test func aCurvesMarginalRateIsItsFeeTimesItsPrice() {
        let curve = SwapCurve(reserveIn: UInt256(1_000), reserveOut: UInt256(3_000), feeMultiplier: UInt256(997), feeDenominator: UInt256(1_000), inputLimit: nil)
        #expect(curve.marginalRate.map { abs($0 - 2.991) < 1e-12 } == true)
        #expect(SwapCurve(reserveIn: .zero, reserveOut: UInt256(3_000), feeMultiplier: UInt256(997), feeDenominator: UInt256(1_000), inputLimit: nil).marginalRate == nil)
    }
}
