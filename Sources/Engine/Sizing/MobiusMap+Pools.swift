import Kernel

extension MobiusMap {
    /// A constant-product hop with a fee on input, as Uniswap V2 and its forks (Camelot's
    /// volatile pairs) compute `getAmountOut`:
    /// `x·feeMultiplier·reserveOut / (reserveIn·feeDenominator + x·feeMultiplier)`
    /// (997 over 1000 for 0.3 %). The pair's integer quote is this value rounded down, so the map
    /// bounds it from above. Nil for an empty reserve or a zero multiplier.
    public static func constantProduct(
        reserveIn: UInt256, reserveOut: UInt256, feeMultiplier: UInt256, feeDenominator: UInt256
    ) -> MobiusMap? {
        guard !reserveOut.isZero, !feeMultiplier.isZero else { return nil }
        return MobiusMap(
            UInt512(feeMultiplier, times: reserveOut),
            UInt512(feeDenominator, times: reserveIn),
            UInt512(feeMultiplier))
    }

    /// A Uniswap V3 (or Algebra) hop that stays inside the current tick range: the constant
    /// product of the virtual reserves `x = L·2^96 / sqrtPriceX96` (token0) and
    /// `y = L·sqrtPriceX96 / 2^96` (token1), with the fee in millionths taken from the input
    /// (`amountRemainingLessFee = amount·(10^6 − fee) / 10^6` in `SwapMath.computeSwapStep`).
    ///
    /// Within one step the pool's output is `floor(L·|Δ√P|)` at a next price rounded against the
    /// trader, which never exceeds this map with real reserves; the input-side reserve is
    /// rounded down and the output side up, so the map bounds the pool's quote from above. It
    /// describes the pool only while the swap stays in the range: beyond the next initialized
    /// tick the liquidity changes. Nil for zero liquidity or price, or a fee of 10^6 or more.
    public static func concentratedLiquidityInRange(
        liquidity: UInt256, sqrtPriceX96: UInt256, zeroForOne: Bool, feePips: UInt32
    ) -> MobiusMap? {
        let q96 = UInt256.one << 96
        guard feePips < 1_000_000, !liquidity.isZero, !sqrtPriceX96.isZero,
              let reserveIn = zeroForOne ? UInt256.mulDiv(liquidity, q96, sqrtPriceX96) : UInt256.mulDiv(liquidity, sqrtPriceX96, q96),
              let reserveOut = zeroForOne
                ? UInt256.mulDivRoundingUp(liquidity, sqrtPriceX96, q96) : UInt256.mulDivRoundingUp(liquidity, q96, sqrtPriceX96)
        else { return nil }
        return constantProduct(
            reserveIn: reserveIn, reserveOut: reserveOut,
            feeMultiplier: UInt256(UInt64(1_000_000 - feePips)), feeDenominator: UInt256(1_000_000))
    }
}

extension MobiusMap {
    /// The map of a pool's closed form (`PricingPool.swapCurve`); nil where it has none.
    init?(curve: SwapCurve) {
        guard let map = MobiusMap.constantProduct(
            reserveIn: curve.reserveIn, reserveOut: curve.reserveOut,
            feeMultiplier: curve.feeMultiplier, feeDenominator: curve.feeDenominator)
        else { return nil }
        self = map
    }
}
