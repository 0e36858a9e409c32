/// The checks a concentrated-liquidity pool value makes on its swap state: what it accepts when
/// built, and where a quote must end for its tick table to be trusted.
extension ConcentratedLiquiditySwap {
    /// `invalidState` for a price outside `[minSqrtRatio, maxSqrtRatio)`, a tick outside the tick
    /// range or liquidity of 2^128 or more (checked in that order).
    public static func validateState(sqrtPriceX96: UInt256, tick: Int32, liquidity: UInt256) throws(PoolError) {
        guard sqrtPriceX96 >= TickMath.minSqrtRatio, sqrtPriceX96 < TickMath.maxSqrtRatio else {
            throw .invalidState("sqrtPriceX96 \(sqrtPriceX96) outside the price range")
        }
        guard tick >= TickMath.minTick, tick <= TickMath.maxTick else { throw .invalidState("tick \(tick) outside the tick range") }
        guard liquidity < UInt256(0, 0, 1, 0) else { throw .invalidState("liquidity \(liquidity) does not fit uint128") }
    }
}

extension ConcentratedLiquiditySwapResult {
    /// `invalidState` when the swap ends at a tick outside `completeTickRange`, the ticks the
    /// pool's table is known to be complete for (nil: it holds every initialized tick).
    ///
    /// The range's lowest tick is the one a swap down leaves after crossing the loaded words'
    /// lowest tick; its own bit lies in the word below, not loaded. A swap may stop above its
    /// price, but not exactly on it: had that tick been initialized, the pool would have crossed it
    /// there (new liquidity, the tick below, the fee of a step that reached its target).
    @inlinable
    public func requireEnd(within completeTickRange: ClosedRange<Int32>?) throws(PoolError) {
        guard let completeTickRange else { return }
        var known = completeTickRange.contains(tick)
        if known, tick == completeTickRange.lowerBound { known = sqrtPriceX96 != (try TickMath.sqrtRatio(atTick: tick)) }
        if !known {
            throw .invalidState("the swap ends at tick \(tick), outside the loaded ticks \(completeTickRange)")
        }
    }
}
