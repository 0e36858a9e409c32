extension ConcentratedLiquidityState {
    /// The sqrt price up to which a swap in this direction runs on the active liquidity alone:
    /// the price of the next initialized tick (at or below the current tick going down, above it
    /// going up; crossing it changes the liquidity), or, before it, the end of what is known or
    /// allowed:
    ///
    /// - of the loaded ticks (`completeTickRange`), the outermost price a swap may end on exactly:
    ///   that of the range's lowest tick plus one going down (a swap may not end on the lowest
    ///   tick's own price), of its highest tick going up;
    /// - the "no limit" prices routers pass, `minSqrtRatio + 1` and `maxSqrtRatio - 1`.
    ///
    /// Never beyond the current price: where the current price is already at or past that end
    /// (the price sits on the next initialized tick), the end is the current price.
    func rangeEndSqrtPrice(zeroForOne: Bool) throws(PoolError) -> UInt256 {
        let nextTick = ticks.nearestInitializedTick(tick, lte: zeroForOne)
        if zeroForOne {
            var end = TickMath.minSqrtRatio &+ .one
            if let nextTick { end = max(end, try TickMath.sqrtRatio(atTick: nextTick)) }
            if let lowest = completeTickRange?.lowerBound { end = max(end, try Self.sqrtRatio(atClampedTick: lowest + 1)) }
            return min(end, sqrtPriceX96)
        }
        var end = TickMath.maxSqrtRatio &- .one
        if let nextTick { end = min(end, try TickMath.sqrtRatio(atTick: nextTick)) }
        if let highest = completeTickRange?.upperBound { end = min(end, try Self.sqrtRatio(atClampedTick: highest)) }
        return max(end, sqrtPriceX96)
    }

    /// The sqrt price of `tick` brought into the tick range (a loaded range's bounds may lie a
    /// word beyond it).
    private static func sqrtRatio(atClampedTick tick: Int32) throws(PoolError) -> UInt256 {
        try TickMath.sqrtRatio(atTick: min(max(tick, TickMath.minTick), TickMath.maxTick))
    }
}
