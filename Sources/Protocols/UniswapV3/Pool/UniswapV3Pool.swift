import Kernel

/// A Uniswap V3 pool's pricing state: `slot0`'s price and tick, the active liquidity and the
/// initialized ticks, with the pool's fee and tick spacing. `quote` and `swap` run the
/// contract's swap loop (`ConcentratedLiquiditySwap` with `UniswapV3Rules`) bit for bit.
public struct UniswapV3Pool: Sendable, Equatable {
    /// The pool.
    public let address: Address
    /// The pool's token0.
    public let token0: Address
    /// The pool's token1.
    public let token1: Address
    /// The fee in millionths (500 = 0.05 %).
    public let fee: UInt32
    /// The tick spacing.
    public let tickSpacing: Int32
    /// `slot0.sqrtPriceX96`.
    public private(set) var sqrtPriceX96: UInt256
    /// `slot0.tick`.
    public private(set) var tick: Int32
    /// The active liquidity (`liquidity()`).
    public private(set) var liquidity: UInt256
    /// The initialized ticks.
    public private(set) var ticks: TickTable
    /// The ticks the table is known to be complete for (the loaded bitmap words), or nil when it
    /// holds every initialized tick of the pool. A swap that would end outside it is refused
    /// rather than guessed.
    public let completeTickRange: ClosedRange<Int32>?

    /// A pool with this state. `invalidState` for a fee of 10^6 or more, a tick spacing outside
    /// 1 … 16383, a price outside `[minSqrtRatio, maxSqrtRatio)`, a tick outside the tick range,
    /// liquidity of 2^128 or more, or a table tick that is not a multiple of the spacing.
    /// `completeTickRange` bounds the ticks `ticks` is known to be complete for (nil: all).
    public init(
        address: Address, token0: Address, token1: Address, fee: UInt32, tickSpacing: Int32,
        sqrtPriceX96: UInt256, tick: Int32, liquidity: UInt256, ticks: TickTable,
        completeTickRange: ClosedRange<Int32>? = nil
    ) throws(PoolError) {
        guard fee < 1_000_000 else { throw .invalidState("fee \(fee) is not below 1000000") }
        guard tickSpacing > 0, tickSpacing < 16384 else { throw .invalidState("tick spacing \(tickSpacing) outside 1...16383") }
        try ConcentratedLiquiditySwap.validateState(sqrtPriceX96: sqrtPriceX96, tick: tick, liquidity: liquidity)
        if let misplaced = ticks.ticks.first(where: { $0 % tickSpacing != 0 }) {
            throw .invalidState("tick \(misplaced) is not a multiple of the tick spacing \(tickSpacing)")
        }
        self.address = address
        self.token0 = token0
        self.token1 = token1
        self.fee = fee
        self.tickSpacing = tickSpacing
        self.sqrtPriceX96 = sqrtPriceX96
        self.tick = tick
        self.liquidity = liquidity
        self.ticks = ticks
        self.completeTickRange = completeTickRange
    }

    /// What `swap(recipient, zeroForOne, amountSpecified, sqrtPriceLimitX96, data)` would return
    /// and leave, without changing the pool. Positive `amountSpecified` is an exact input,
    /// negative an exact output. Reverts as the contract does (`"AS"`, `"SPL"`, `"LS"`, `"LA"`,
    /// `""` for its bare requires); `invalidState` if the swap would end outside
    /// `completeTickRange`.
    public func quote(zeroForOne: Bool, amountSpecified: Int256, sqrtPriceLimitX96: UInt256) throws(PoolError) -> ConcentratedLiquiditySwapResult {
        let result = try ConcentratedLiquiditySwap.swap(
            rules: UniswapV3Rules(fee: fee, tickSpacing: tickSpacing), ticks: ticks, sqrtPriceX96: sqrtPriceX96, tick: tick, liquidity: liquidity,
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

    /// Sets the state a `Swap` event reports.
    mutating func setSwapState(sqrtPriceX96: UInt256, tick: Int32, liquidity: UInt256) {
        self.sqrtPriceX96 = sqrtPriceX96
        self.tick = tick
        self.liquidity = liquidity
    }

    /// Adds a position's liquidity change between `tickLower` and `tickUpper`, as `_modifyPosition`.
    mutating func modifyPosition(tickLower: Int32, tickUpper: Int32, liquidityDelta: Int256) throws(PoolError) {
        guard tickLower < tickUpper, tickLower % tickSpacing == 0, tickUpper % tickSpacing == 0 else {
            throw .invalidState("position \(tickLower)...\(tickUpper) is not a valid range for spacing \(tickSpacing)")
        }
        (ticks, liquidity) = try ticks.applyingPosition(
            lower: tickLower, upper: tickUpper, liquidityDelta: liquidityDelta, currentTick: tick, liquidity: liquidity)
    }
}
