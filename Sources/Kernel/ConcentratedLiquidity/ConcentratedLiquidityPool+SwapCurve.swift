extension ConcentratedLiquidityPool {
    /// The constant product of the current range's virtual reserves, `x = L·2^96/√P` (token0) and
    /// `y = L·√P/2^96` (token1), with the direction's fee in millionths taken from the input
    /// (`amountRemainingLessFee = amount·(10^6 − fee)/10^6` in `SwapMath.computeSwapStep`).
    ///
    /// Within the range the pool pays `floor(L·|Δ√P|)` at a next price rounded against the
    /// trader, which never exceeds the curve with real reserves; the input-side reserve is
    /// rounded down and the output side up, so the curve bounds the exact quote from above.
    /// `inputLimit` is the input, fee included and rounded up as the swap loop charges it, that
    /// moves the price to `rangeEndSqrtPrice` (the next initialized tick, the end of the loaded
    /// ticks or the "no limit" price): every input up to it stays in the range. It is 0 where
    /// the price already sits on that end (the first step would cross a tick), and at most
    /// int256's maximum.
    ///
    /// Nil for token indexes other than 0→1 and 1→0, zero active liquidity (the price jumps to
    /// the next tick) or a fee of 10^6 or more.
    public func swapCurve(from: Int, to: Int) -> SwapCurve? {
        guard let zeroForOne = try? Self.zeroForOne(from: from, to: to) else { return nil }
        let liquidity = state.liquidity, price = state.sqrtPriceX96
        let rules = rules(zeroForOne: zeroForOne)
        let q96 = UInt256.one << 96
        guard rules.feePips < 1_000_000, !liquidity.isZero,
              let reserveIn = zeroForOne ? UInt256.mulDiv(liquidity, q96, price) : UInt256.mulDiv(liquidity, price, q96),
              let reserveOut = zeroForOne ? UInt256.mulDivRoundingUp(liquidity, price, q96) : UInt256.mulDivRoundingUp(liquidity, q96, price),
              let end = try? state.rangeEndSqrtPrice(zeroForOne: zeroForOne),
              let step = try? rules.step(current: price, target: end, liquidity: liquidity, amountRemaining: .max)
        else { return nil }
        // A step charges at most the amount it is given (input and fee together): no overflow.
        return SwapCurve(
            reserveIn: reserveIn, reserveOut: reserveOut,
            feeMultiplier: UInt256(UInt64(1_000_000 - rules.feePips)), feeDenominator: UInt256(1_000_000),
            inputLimit: step.amountIn &+ step.feeAmount)
    }
}
