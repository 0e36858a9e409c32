import Kernel

/// Algebra v1.9's swap rules as Camelot deployed them (cryptoalgebra/Algebra branch
/// `v1-modified-direction-based-fee`, `AlgebraPool._calculateSwapAndLock`), for
/// `ConcentratedLiquidityState`'s swap loop:
///
/// - next tick: `TickTable.nextTickInTheSameRow` walks a bitmap of raw ticks (256 ticks a
///   word, never compressed by `tickSpacing`), which is Uniswap's word walk with a spacing of 1,
///   clamped to the tick range as `boundTick` does;
/// - step: `PriceMovementMath.movePriceTowardsTarget` with the direction's fee (a uint16 in
///   millionths). Its branches give the same price, amounts and fee as Uniswap's
///   `SwapMath.computeSwapStep` on every input the loop passes (the target is always on the
///   swap's side of the price and the token-delta arguments are ordered), so that step is used.
///
/// The community fee (`fee · communityFee / 1000` of each step) only moves fee-growth
/// accumulators: a step's fee is below liquidity · 2^84, so its `LowGasSafeMath.mul` by at most
/// 250 and the fee-growth `mulDiv` cannot revert, and no amount depends on it.
public struct AlgebraRules: ConcentratedLiquidityRules {
    /// `globalState.feeZto` or `feeOtz`, whichever this swap's direction uses.
    public var fee: UInt16

    /// The rules of one swap.
    public init(fee: UInt16) {
        self.fee = fee
    }

    /// `nextTickInTheSameRow(tick, lte: zeroForOne)`: the raw-tick word walk.
    @inlinable
    public func nextTick(in table: TickTable, from tick: Int32, zeroForOne: Bool) -> (tick: Int32, index: Int?) {
        table.nextInitializedTickWithinOneWord(tick, spacing: 1, lte: zeroForOne)
    }

    /// `movePriceTowardsTarget` with the direction's fee.
    @inlinable
    public func step(current: UInt256, target: UInt256, liquidity: UInt256, amountRemaining: Int256) throws(PoolError) -> SwapStep {
        try SwapMath.computeSwapStep(sqrtRatioCurrentX96: current, sqrtRatioTargetX96: target, liquidity: liquidity,
                                     amountRemaining: amountRemaining, feePips: UInt32(fee))
    }

    /// The direction's fee.
    public var feePips: UInt32 { UInt32(fee) }
}
