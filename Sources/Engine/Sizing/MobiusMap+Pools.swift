import Kernel

extension MobiusMap {
    /// The map of a pool's closed form (`PricingPool.swapCurve`):
    /// `x ↦ x·feeMultiplier·reserveOut / (reserveIn·feeDenominator + x·feeMultiplier)`. A pair's
    /// integer quote is this value rounded down and a concentrated-liquidity pool's stays below
    /// it within its range, so the map bounds the pool's quote from above for inputs up to the
    /// curve's `inputLimit`, which the map does not carry. Nil for an empty output reserve or a
    /// zero multiplier.
    public init?(curve: SwapCurve) {
        guard !curve.reserveOut.isZero, !curve.feeMultiplier.isZero else { return nil }
        self.init(
            UInt512(curve.feeMultiplier, times: curve.reserveOut),
            UInt512(curve.feeDenominator, times: curve.reserveIn),
            UInt512(curve.feeMultiplier))
    }
}
