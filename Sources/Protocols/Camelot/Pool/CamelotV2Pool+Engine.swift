import Kernel

/// What the engine asks of a Camelot pair. Only exact inputs are priced (`fill`'s default):
/// Camelot's router has no exact-output functions and the pair no `getAmountIn`, so no call
/// asks a Camelot pair for an exact output, and a pair has no price limit.
extension CamelotV2Pool {
    /// A volatile pair's reserves with the input token's fee over 100,000: the pair's
    /// `getAmountOut` is this curve's value rounded down, for every input the pair accepts
    /// (`inputLimit` nil): those up to `exactInputLimit`, where the input reserve reaches
    /// 2^112 − 1 (past it the pair's K check overflows). Nil for a stable pair (no constant
    /// product), token indexes other than 0→1 and 1→0 or an empty reserve.
    public func swapCurve(from: Int, to: Int) -> SwapCurve? {
        guard !stableSwap, let zeroForOne = try? Self.direction(from: from, to: to) else { return nil }
        let (reserveIn, reserveOut) = zeroForOne ? (reserve0, reserve1) : (reserve1, reserve0)
        guard !reserveIn.isZero, !reserveOut.isZero else { return nil }
        // A uint16, below FEE_DENOMINATOR: the multiplier is positive.
        let feePercent = UInt256(UInt64(zeroForOne ? token0FeePercent : token1FeePercent))
        return SwapCurve(
            reserveIn: reserveIn, reserveOut: reserveOut, feeMultiplier: CamelotVolatileMath.feeDenominator &- feePercent,
            feeDenominator: CamelotVolatileMath.feeDenominator, inputLimit: nil,
            exactInputLimit: Self.maxReserve > reserveIn ? Self.maxReserve &- reserveIn : .zero)
    }

    /// A volatile pair's: its curve's. A stable pair's: one small exact quote
    /// (`quotedMarginalRate`, a millionth of the input-side reserve, at least 1 unit). Nil for
    /// token indexes other than 0→1 and 1→0, or where the pair would revert.
    public func marginalRate(from: Int, to: Int) -> Double? {
        guard stableSwap else { return swapCurve(from: from, to: to)?.marginalRate }
        guard let zeroForOne = try? Self.direction(from: from, to: to) else { return nil }
        return quotedMarginalRate(from: from, to: to, balanceIn: zeroForOne ? reserve0 : reserve1)
    }
}
