import Kernel

/// A Camelot V3 pool (Algebra v1.9 with direction-based fees): `globalState`'s price and tick,
/// the active liquidity and the initialized ticks (`state`), with both directions' fees and the
/// tick spacing. `quote` and `swap` run the contract's swap loop (`ConcentratedLiquidityState`
/// with `AlgebraRules`) bit for bit, at the fee `globalState` holds for the direction.
///
/// The pool recomputes its fees (adaptive fee, `Fee` event) on its first swap or liquidity change
/// in a block, before that swap runs: a quote uses the fees of the last `Fee` event applied.
public struct CamelotV3Pool: Sendable, Equatable {
    /// The pool.
    public let address: Address
    /// The pool's token0.
    public let token0: Address
    /// The pool's token1.
    public let token1: Address
    /// `tickSpacing()`: only positions minted from now on respect it (Algebra can change it), so
    /// the table's ticks need not be multiples of it, and swaps ignore it.
    public internal(set) var tickSpacing: Int32
    /// `globalState.feeZto`: the fee in millionths of a token0 → token1 swap.
    public internal(set) var feeZeroToOne: UInt16
    /// `globalState.feeOtz`: the fee in millionths of a token1 → token0 swap.
    public internal(set) var feeOneToZero: UInt16
    /// `globalState`'s price and tick, `liquidity()`, and the initialized ticks with their
    /// `liquidityDelta` (net) and `liquidityTotal` (gross).
    public internal(set) var state: ConcentratedLiquidityState

    /// `Constants.MAX_TICK_SPACING`.
    public static let maxTickSpacing: Int32 = 500

    /// A pool with this state. `invalidState` for a tick spacing outside 1 … 500, a price outside
    /// `[minSqrtRatio, maxSqrtRatio)`, a tick outside the tick range or liquidity of 2^128 or more.
    /// `completeTickRange` bounds the ticks `ticks` is known to be complete for (nil: all).
    public init(
        address: Address, token0: Address, token1: Address, tickSpacing: Int32,
        feeZeroToOne: UInt16, feeOneToZero: UInt16,
        sqrtPriceX96: UInt256, tick: Int32, liquidity: UInt256, ticks: TickTable,
        completeTickRange: ClosedRange<Int32>? = nil
    ) throws(PoolError) {
        guard tickSpacing > 0, tickSpacing <= Self.maxTickSpacing else { throw .invalidState("tick spacing \(tickSpacing) outside 1...500") }
        state = try ConcentratedLiquidityState(
            sqrtPriceX96: sqrtPriceX96, tick: tick, liquidity: liquidity, ticks: ticks, completeTickRange: completeTickRange)
        self.address = address
        self.token0 = token0
        self.token1 = token1
        self.tickSpacing = tickSpacing
        self.feeZeroToOne = feeZeroToOne
        self.feeOneToZero = feeOneToZero
    }

    /// The rules of a swap in this direction: the raw-tick table walk and the direction's fee.
    public func rules(zeroForOne: Bool) -> AlgebraRules {
        AlgebraRules(fee: zeroForOne ? feeZeroToOne : feeOneToZero)
    }

    /// What `swap(recipient, zeroToOne, amountRequired, limitSqrtPrice, data)` would return and
    /// leave, without changing the pool. Positive `amountSpecified` is an exact input, negative
    /// an exact output. Reverts as the pool does (`"AS"`, `"SPL"`, `"LS"`, `"LA"`, `""` for its
    /// bare requires); `invalidState` if the swap would end outside `completeTickRange`.
    public func quote(zeroForOne: Bool, amountSpecified: Int256, sqrtPriceLimitX96: UInt256) throws(PoolError) -> ConcentratedLiquiditySwapResult {
        try state.quote(rules(zeroForOne: zeroForOne), zeroForOne: zeroForOne, amountSpecified: amountSpecified, sqrtPriceLimitX96: sqrtPriceLimitX96)
    }

    /// Runs `quote` and leaves the pool in the state the swap leaves.
    public mutating func swap(zeroForOne: Bool, amountSpecified: Int256, sqrtPriceLimitX96: UInt256) throws(PoolError) -> ConcentratedLiquiditySwapResult {
        try state.swap(rules(zeroForOne: zeroForOne), zeroForOne: zeroForOne, amountSpecified: amountSpecified, sqrtPriceLimitX96: sqrtPriceLimitX96)
    }
}
