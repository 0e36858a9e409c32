import Kernel
import Testing
import Camelot

/// What the engine asks of Camelot pools beyond the transcription's cases: pairs price exact
/// inputs only and have no price limit; Algebra's curve uses the fee of its direction and ends
/// on the next initialized tick.
@Suite struct CamelotEngineTests {
    @Test func pairsRefuseExactOutputsAndPriceLimits() throws {
        var pair = try CamelotV2Pool(
            address: .zero, token0: .zero, token1: .zero, reserve0: UInt256(1_000_000_000), reserve1: UInt256(2_000_000_000),
            token0FeePercent: 300, token1FeePercent: 500, stableSwap: false, decimals0: 18, decimals1: 18)
        let before = pair
        #expect(throws: PoolError.invalidState("exact output is not priced for this pool type")) {
            try pair.fill(PoolSwap(from: 0, to: 1, amount: .exactOut(1_000)))
        }
        #expect(throws: PoolError.invalidState("a price limit on a pool without one")) {
            try pair.fill(PoolSwap(from: 0, to: 1, amount: .exactIn(1_000), sqrtPriceLimitX96: .one))
        }
        #expect(pair == before)
        // The direction's fee: token1 in pays 500 over 100,000.
        let curve = try #require(pair.swapCurve(from: 1, to: 0))
        #expect(curve == SwapCurve(reserveIn: UInt256(2_000_000_000), reserveOut: UInt256(1_000_000_000), feeMultiplier: UInt256(99_500),
                                   feeDenominator: UInt256(100_000), inputLimit: nil, exactInputLimit: CamelotV2Pool.maxReserve - UInt256(2_000_000_000)))
        #expect(pair.swapCurve(from: 0, to: 2) == nil && pair.marginalRate(from: 1, to: 1) == nil)
    }

    @Test func algebraCurvesUseTheDirectionsFeeAndEndOnTheNextTick() throws {
        // Positions on raw ticks -7 and 13 (Algebra's table is never compressed by the spacing).
        let pool = try CamelotV3Pool(
            address: .zero, token0: .zero, token1: .zero, tickSpacing: 60, feeZeroToOne: 100, feeOneToZero: 2_500,
            sqrtPriceX96: try TickMath.sqrtRatio(atTick: 5), tick: 5, liquidity: UInt256(10_000_000_000_000),
            ticks: TickTable([TickTable.Entry(tick: -7, liquidityNet: 4_000_000_000_000), TickTable.Entry(tick: 13, liquidityNet: -4_000_000_000_000)]))
        for (zeroForOne, fee, next) in [(true, UInt32(100), Int32(-7)), (false, 2_500, 13)] {
            let (from, to) = zeroForOne ? (0, 1) : (1, 0)
            let curve = try #require(pool.swapCurve(from: from, to: to))
            #expect(curve.feeMultiplier == UInt256(UInt64(1_000_000 - fee)) && curve.feeDenominator == UInt256(1_000_000))
            let limit = try #require(curve.inputLimit.flatMap { Int256(exactly: $0) })
            let noLimit = zeroForOne ? TickMath.minSqrtRatio + .one : TickMath.maxSqrtRatio - .one
            let atLimit = try pool.quote(zeroForOne: zeroForOne, amountSpecified: limit, sqrtPriceLimitX96: noLimit)
            #expect(atLimit.sqrtPriceX96 == (try TickMath.sqrtRatio(atTick: next)))
            let beyond = try pool.quote(zeroForOne: zeroForOne, amountSpecified: limit + 1_000_000, sqrtPriceLimitX96: noLimit)
            #expect(zeroForOne ? beyond.sqrtPriceX96 < atLimit.sqrtPriceX96 : beyond.sqrtPriceX96 > atLimit.sqrtPriceX96)
            let scaled = limit.magnitude * curve.feeMultiplier
            let bound = try #require(UInt256.mulDiv(scaled, curve.reserveOut, curve.reserveIn * curve.feeDenominator + scaled))
            #expect((zeroForOne ? atLimit.amount1 : atLimit.amount0).magnitude <= bound)
        }
    }
}
