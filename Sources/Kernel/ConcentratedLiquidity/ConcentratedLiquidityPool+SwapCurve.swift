extension ConcentratedLiquidityPool {
    /// The constant product of the current range's virtual reserves, `x = L·2^96/√P` (token0) and
    /// `y = L·√P/2^96` (token1), with the direction's fee in millionths taken from the input
    /// (`amountRemainingLessFee = amount·(10^6 − fee)/10^6` in `SwapMath.computeSwapStep`).
    ///
    /// Within the range the pool pays `floor(L·|Δ√P|)` at a next price rounded against the
    /// trader, which never exceeds the curve with real reserves; the input-side reserve is
    /// rounded down and the output side up, so the curve bounds the exact quote from above.
    /// `inputLimit` is the input, fees included, that the pool's own swap loop charges to move
    /// the price to the range's end (`rangeEndSqrtPrice`: the next initialized tick, the last
    /// tick of the loaded ones, or the "no limit" price): an exact input of it, without a price
    /// limit, ends exactly there, and any smaller one at or before it. It is 0 where the price already
    /// sits on that end (the first step would cross a tick), and int256's maximum where no
    /// int256 input reaches it.
    ///
    /// Nil for token indexes other than 0→1 and 1→0, zero active liquidity (the price jumps to
    /// the next tick), a fee of 10^6 or more, or where the pool's quote up to the end fails
    /// (crossing the end's tick would revert).
    public func swapCurve(from: Int, to: Int) -> SwapCurve? {
        guard let zeroForOne = try? Self.zeroForOne(from: from, to: to) else { return nil }
        let rules = rules(zeroForOne: zeroForOne)
        guard var curve = inRangeCurve(zeroForOne: zeroForOne, feePips: rules.feePips),
              let end = try? state.rangeEndSqrtPrice(rules, zeroForOne: zeroForOne),
              let inputLimit = end == state.sqrtPriceX96 ? .zero : try? inputToReach(end, zeroForOne: zeroForOne, rules: rules)
        else { return nil }
        curve.inputLimit = inputLimit
        return curve
    }

    /// `swapCurve`'s marginal rate from the same virtual reserves and fee, without finding the
    /// range's end (a tick walk and a swap loop): the engine refreshes it whenever the pool moves.
    /// Nil for other indexes, zero liquidity or a fee of 10^6 or more.
    public func marginalRate(from: Int, to: Int) -> Double? {
        guard let zeroForOne = try? Self.zeroForOne(from: from, to: to) else { return nil }
        return inRangeCurve(zeroForOne: zeroForOne, feePips: rules(zeroForOne: zeroForOne).feePips)?.marginalRate
    }

    /// The curve of each tick range the swap `from` → `to` runs through, in order, at most
    /// `limit` (`ConcentratedLiquidityState.swapSegments`); nil for other indexes or where the
    /// first range has none.
    public func swapSegments(from: Int, to: Int, limit: Int) -> [SwapSegment]? {
        guard let zeroForOne = try? Self.zeroForOne(from: from, to: to) else { return nil }
        let segments = state.swapSegments(rules(zeroForOne: zeroForOne), zeroForOne: zeroForOne, limit: limit)
        return segments.isEmpty ? nil : segments
    }

    /// The current range's virtual reserves with the direction's fee, without an input limit.
    private func inRangeCurve(zeroForOne: Bool, feePips: UInt32) -> SwapCurve? {
        ConcentratedLiquidityState.rangeCurve(liquidity: state.liquidity, sqrtPriceX96: state.sqrtPriceX96, zeroForOne: zeroForOne, feePips: feePips)
    }

    /// The input an exact-input swap takes to move the price to `end` (beyond the current price
    /// in the swap's direction): the loop run with as much input as int256 holds and `end` as
    /// its price limit, which stops there.
    private func inputToReach(_ end: UInt256, zeroForOne: Bool, rules: Rules) throws(PoolError) -> UInt256 {
        let result = try state.quote(rules, zeroForOne: zeroForOne, amountSpecified: .max, sqrtPriceLimitX96: end)
        return (zeroForOne ? result.amount0 : result.amount1).magnitude
    }
}
