/// What differs between the concentrated-liquidity pools that share `ConcentratedLiquidityState`'s
/// swap loop:
/// how the next tick is found in the tick table, and how one step moves the price and charges its
/// fee. Everything else in the swap loop (price-limit checks, amount bookkeeping, tick crossing,
/// the tick after a step) is the same for Uniswap V3 and Algebra.
///
/// The protocol's (or Algebra's community) share of a step's fee only moves fee-growth
/// accumulators, never an amount, so it is not modelled; neither is the fee-growth
/// `FullMath.mulDiv(fee, 2^128, liquidity)`, which cannot revert: a step's fee is below
/// liquidity · 2^84 (at most 10^6 times an input of at most liquidity · 2^64).
///
/// Conformers are small value types (the fee of this swap, the tick spacing); the loop is
/// generic over them, so calls are direct.
public protocol ConcentratedLiquidityRules: Sendable {
    /// The next tick to step to from `tick` (`TickBitmap.nextInitializedTickWithinOneWord` or the
    /// pool's own table walk), and its index in `table` when it is initialized. The loop clamps
    /// the tick to `TickMath.minTick ... maxTick`.
    func nextTick(in table: TickTable, from tick: Int32, zeroForOne: Bool) -> (tick: Int32, index: Int?)

    /// One swap step towards `target` (`SwapMath.computeSwapStep` or the pool's own version),
    /// fee included.
    func step(current: UInt256, target: UInt256, liquidity: UInt256, amountRemaining: Int256) throws(PoolError) -> SwapStep

    /// The fee a step takes from its input, in millionths.
    var feePips: UInt32 { get }
}

/// Uniswap V3's rules: the tick bitmap compressed by `tickSpacing` and `SwapMath.computeSwapStep`
/// with the pool's fee.
public struct UniswapV3Rules: ConcentratedLiquidityRules {
    /// The pool's fee in millionths (a uint24).
    public var fee: UInt32
    /// The pool's tick spacing (1 … 16383).
    public var tickSpacing: Int32

    /// Creates the rules of one swap.
    public init(fee: UInt32, tickSpacing: Int32) {
        self.fee = fee
        self.tickSpacing = tickSpacing
    }

    /// The bitmap word walk compressed by `tickSpacing`.
    @inlinable
    public func nextTick(in table: TickTable, from tick: Int32, zeroForOne: Bool) -> (tick: Int32, index: Int?) {
        table.nextInitializedTickWithinOneWord(tick, spacing: tickSpacing, lte: zeroForOne)
    }

    /// `SwapMath.computeSwapStep` with the pool's fee.
    @inlinable
    public func step(current: UInt256, target: UInt256, liquidity: UInt256, amountRemaining: Int256) throws(PoolError) -> SwapStep {
        try SwapMath.computeSwapStep(sqrtRatioCurrentX96: current, sqrtRatioTargetX96: target, liquidity: liquidity,
                                     amountRemaining: amountRemaining, feePips: fee)
    }

    /// The pool's fee.
    public var feePips: UInt32 { fee }
}
