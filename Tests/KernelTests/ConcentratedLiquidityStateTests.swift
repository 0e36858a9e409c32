import Kernel
import Testing

/// `ConcentratedLiquidityState`: what it accepts, the effect of each event on it, and quotes that
/// leave it alone while swaps move it.
struct ConcentratedLiquidityStateTests {
    /// Tick 5 inside a position of 1,000 on [-10, 20], table complete for [-100, 100].
    func state() throws -> ConcentratedLiquidityState {
        try ConcentratedLiquidityState(
            sqrtPriceX96: TickMath.sqrtRatio(atTick: 5), tick: 5, liquidity: UInt256(1_000),
            ticks: TickTable([TickTable.Entry(tick: -10, liquidityNet: 1_000), TickTable.Entry(tick: 20, liquidityNet: -1_000)]),
            completeTickRange: -100 ... 100)
    }

    @Test func outOfRangeStatesAreRefused() throws {
        let price = try TickMath.sqrtRatio(atTick: 0)
        #expect(throws: PoolError.invalidState("sqrtPriceX96 \(TickMath.maxSqrtRatio) outside the price range")) {
            try ConcentratedLiquidityState(sqrtPriceX96: TickMath.maxSqrtRatio, tick: 0, liquidity: .zero, ticks: TickTable())
        }
        #expect(throws: PoolError.invalidState("tick 887273 outside the tick range")) {
            try ConcentratedLiquidityState(sqrtPriceX96: price, tick: 887_273, liquidity: .zero, ticks: TickTable())
        }
        #expect(throws: PoolError.self) {
            try ConcentratedLiquidityState(sqrtPriceX96: price, tick: 0, liquidity: UInt256.one << 128, ticks: TickTable())
        }
    }

    @Test func eachEventHasItsEffect() throws {
        var state = try state()
        let price = try TickMath.sqrtRatio(atTick: -3)
        #expect(state.apply(.swap(sqrtPriceX96: price, tick: -3, liquidity: UInt256(1_000))) == .applied)
        #expect(state.sqrtPriceX96 == price && state.tick == -3)
        // In range: both ticks and the active liquidity; out of range: the ticks only.
        #expect(state.apply(.position(tickLower: -5, tickUpper: 0, liquidityDelta: Int256(40))) == .applied)
        #expect(state.liquidity == UInt256(1_040) && state.ticks.ticks == [-10, -5, 0, 20])
        #expect(state.apply(.position(tickLower: 0, tickUpper: 30, liquidityDelta: Int256(7))) == .applied)
        #expect(state.liquidity == UInt256(1_040) && state.ticks.ticks == [-10, -5, 0, 20, 30])
        let before = state
        #expect(state.apply(.position(tickLower: -5, tickUpper: 0, liquidityDelta: .zero)) == .ignored)
        // More removed than the ticks hold (a position the table does not have): a reload.
        let effect = state.apply(.position(tickLower: -50, tickUpper: 50, liquidityDelta: Int256(-1)))
        guard case .needsReload(let reason) = effect else {
            Issue.record("\(effect)")
            return
        }
        #expect(reason.contains("-50...50"))
        #expect(state == before)
    }

    @Test func quoteLeavesTheStateAndSwapMovesIt() throws {
        var state = try state()
        let rules = UniswapV3Rules(fee: 3_000, tickSpacing: 10)
        let limit = try TickMath.sqrtRatio(atTick: 15)
        let before = state
        let quoted = try state.quote(rules, zeroForOne: false, amountSpecified: Int256(1_000_000), sqrtPriceLimitX96: limit)
        #expect(state == before)
        #expect(quoted.sqrtPriceX96 == limit && quoted.tick == 15 && quoted.liquidity == UInt256(1_000))
        let swapped = try state.swap(rules, zeroForOne: false, amountSpecified: Int256(1_000_000), sqrtPriceLimitX96: limit)
        #expect(swapped == quoted)
        #expect(state.sqrtPriceX96 == limit && state.tick == 15 && state.liquidity == UInt256(1_000))
        #expect(throws: PoolError.revert("AS")) { try state.swap(rules, zeroForOne: true, amountSpecified: .zero, sqrtPriceLimitX96: TickMath.minSqrtRatio &+ .one) }
        // Beyond the complete range the table may miss ticks: refused rather than guessed.
        #expect(throws: PoolError.invalidState("the swap ends at tick 887271, outside the loaded ticks -100...100")) {
            try state.quote(rules, zeroForOne: false, amountSpecified: Int256(1_000_000), sqrtPriceLimitX96: TickMath.maxSqrtRatio &- .one)
        }
    }
}
