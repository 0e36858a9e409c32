import Kernel

/// A Camelot V3 pool (Algebra v1.9 with direction-based fees): `globalState`'s price, tick,
/// both directions' fees, the active liquidity and the initialized ticks.
/// `quote` and `swap` run the contract's swap loop (`ConcentratedLiquiditySwap` with
/// `AlgebraRules`) bit for bit, at the fee `globalState` holds for the direction.
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
    /// `globalState.price`.
    public internal(set) var sqrtPriceX96: UInt256
    /// `globalState.tick`.
    public internal(set) var tick: Int32
    /// `liquidity()`.
    public internal(set) var liquidity: UInt256
    /// The initialized ticks with their `liquidityDelta` (net) and `liquidityTotal` (gross).
    public internal(set) var ticks: TickTable
    /// The ticks the table is known to be complete for (the loaded tick-table words), or nil when
    /// it holds every initialized tick. A swap that would end outside it is refused, not guessed.
    public let completeTickRange: ClosedRange<Int32>?

    /// `Constants.MAX_TICK_SPACING`.
    public static let maxTickSpacing: Int32 = 500

    /// A pool with this state. `invalidState` for a tick spacing outside 1 … 500, a price outside `[minSqrtRatio, maxSqrtRatio)`, a tick outside the tick
    /// range or liquidity of 2^128 or more.
    public init(
        address: Address, token0: Address, token1: Address, tickSpacing: Int32,
        feeZeroToOne: UInt16, feeOneToZero: UInt16,
        sqrtPriceX96: UInt256, tick: Int32, liquidity: UInt256, ticks: TickTable,
        completeTickRange: ClosedRange<Int32>? = nil
    ) throws(PoolError) {
        guard tickSpacing > 0, tickSpacing <= Self.maxTickSpacing else { throw .invalidState("tick spacing \(tickSpacing) outside 1...500") }
        try ConcentratedLiquiditySwap.validateState(sqrtPriceX96: sqrtPriceX96, tick: tick, liquidity: liquidity)
        self.address = address
        self.token0 = token0
        self.token1 = token1
        self.tickSpacing = tickSpacing
        self.feeZeroToOne = feeZeroToOne
        self.feeOneToZero = feeOneToZero
        self.sqrtPriceX96 = sqrtPriceX96
        self.tick = tick
        self.liquidity = liquidity
        self.ticks = ticks
        self.completeTickRange = completeTickRange
    }

    /// What `swap(recipient, zeroToOne, amountRequired, limitSqrtPrice, data)` would return and
    /// leave, without changing the pool. Positive `amountSpecified` is an exact input, negative
    /// an exact output. Reverts as the pool does (`"AS"`, `"SPL"`, `"LS"`, `"LA"`, `""` for its
    /// bare requires); `invalidState` if the swap would end outside `completeTickRange`.
    public func quote(zeroForOne: Bool, amountSpecified: Int256, sqrtPriceLimitX96: UInt256) throws(PoolError) -> ConcentratedLiquiditySwapResult {
        let rules = AlgebraRules(fee: zeroForOne ? feeZeroToOne : feeOneToZero)
        let result = try ConcentratedLiquiditySwap.swap(
            rules: rules, ticks: ticks, sqrtPriceX96: sqrtPriceX96, tick: tick, liquidity: liquidity,
            zeroForOne: zeroForOne, amountSpecified: amountSpecified, sqrtPriceLimitX96: sqrtPriceLimitX96)
        try result.requireEnd(within: completeTickRange)
        return result
    }

    /// Runs `quote` and leaves the pool in the state the swap leaves.
    public mutating func swap(zeroForOne: Bool, amountSpecified: Int256, sqrtPriceLimitX96: UInt256) throws(PoolError) -> ConcentratedLiquiditySwapResult {
        let result = try quote(zeroForOne: zeroForOne, amountSpecified: amountSpecified, sqrtPriceLimitX96: sqrtPriceLimitX96)
        sqrtPriceX96 = result.sqrtPriceX96
        tick = result.tick
        liquidity = result.liquidity
        return result
    }

    /// A position's liquidity change between `bottomTick` and `topTick`, as
    /// `_updatePositionTicksAndFees`: both ticks' totals and deltas, and the active liquidity when
    /// `bottomTick <= tick < topTick`. Changes nothing when it throws.
    mutating func modifyPosition(bottomTick: Int32, topTick: Int32, liquidityDelta: Int256) throws(PoolError) {
        guard bottomTick < topTick else { throw .invalidState("position \(bottomTick)...\(topTick) is not a range") }
        guard !liquidityDelta.isZero else { return }
        (ticks, liquidity) = try ticks.applyingPosition(
            lower: bottomTick, upper: topTick, liquidityDelta: liquidityDelta, currentTick: tick, liquidity: liquidity)
    }
}
