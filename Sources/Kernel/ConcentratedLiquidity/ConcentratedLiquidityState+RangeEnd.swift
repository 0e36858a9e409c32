extension ConcentratedLiquidityState {
    /// The sqrt price up to which a swap in this direction runs on the active liquidity alone,
    /// as a price the swap loop steps to exactly: walking the ticks as the loop does
    /// (`rules.nextTick`, one table word at a time), the first initialized tick's (crossing it
    /// changes the liquidity); else the last tick of the walk the loaded ticks
    /// (`completeTickRange`) still cover; else the "no limit" price, `minSqrtRatio + 1` or
    /// `maxSqrtRatio - 1`. The current price where the walk's first tick is already there (the
    /// price sits on an initialized tick) or beyond the loaded ticks.
    func rangeEndSqrtPrice<Rules: ConcentratedLiquidityRules>(_ rules: Rules, zeroForOne: Bool) throws(PoolError) -> UInt256 {
        var current = tick
        var end: Int32?
        while true {
            let (next, index) = rules.nextTick(in: ticks, from: current, zeroForOne: zeroForOne)
            let clamped = zeroForOne ? next <= TickMath.minTick : next >= TickMath.maxTick
            // The tick the loop leaves after stepping to `next`: at its price, known unless outside
            // the loaded ticks (going down, the tick below `next`, whose own price is not reached).
            let after = clamped ? (zeroForOne ? TickMath.minTick : TickMath.maxTick - 1) : (zeroForOne ? next - 1 : next)
            if let completeTickRange, !completeTickRange.contains(after) { break }
            if clamped { return zeroForOne ? TickMath.minSqrtRatio &+ .one : TickMath.maxSqrtRatio &- .one }
            end = next
            if index != nil { break }
            current = after
        }
        guard let end else { return sqrtPriceX96 }
        let price = try TickMath.sqrtRatio(atTick: end)
        return zeroForOne ? min(price, sqrtPriceX96) : max(price, sqrtPriceX96)
    }
}
