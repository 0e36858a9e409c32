import Kernel

/// A Uniswap V3 pool's pricing state: `slot0`'s price and tick, the active liquidity and the
/// initialized ticks (`state`), with the pool's fee and tick spacing. `quote` and `swap` run the
/// contract's swap loop (`ConcentratedLiquidityState` with `UniswapV3Rules`) bit for bit.
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
    /// `slot0`'s price and tick, the active liquidity and the initialized ticks; every position
    /// in the table is a multiple of `tickSpacing`.
    public internal(set) var state: ConcentratedLiquidityState

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
        state = try ConcentratedLiquidityState(
            sqrtPriceX96: sqrtPriceX96, tick: tick, liquidity: liquidity, ticks: ticks, completeTickRange: completeTickRange)
        if let misplaced = ticks.ticks.first(where: { $0 % tickSpacing != 0 }) {
            throw .invalidState("tick \(misplaced) is not a multiple of the tick spacing \(tickSpacing)")
        }
        self.address = address
        self.token0 = token0
        self.token1 = token1
        self.fee = fee
        self.tickSpacing = tickSpacing
    }

    /// The pool's rules, the same both ways: its fee and the bitmap compressed by its spacing.
    public func rules(zeroForOne: Bool) -> UniswapV3Rules { UniswapV3Rules(fee: fee, tickSpacing: tickSpacing) }

    /// What `swap(recipient, zeroForOne, amountSpecified, sqrtPriceLimitX96, data)` would return
    /// and leave, without changing the pool. Positive `amountSpecified` is an exact input,
    /// negative an exact output. Reverts as the contract does (`"AS"`, `"SPL"`, `"LS"`, `"LA"`,
    /// `""` for its bare requires); `invalidState` if the swap would end outside
    /// `completeTickRange`.
    public func quote(zeroForOne: Bool, amountSpecified: Int256, sqrtPriceLimitX96: UInt256) throws(PoolError) -> ConcentratedLiquiditySwapResult {
        try state.quote(rules(zeroForOne: zeroForOne), zeroForOne: zeroForOne, amountSpecified: amountSpecified, sqrtPriceLimitX96: sqrtPriceLimitX96)
    }

    /// Runs `quote` and leaves the pool in the state the swap leaves.
    public mutating func swap(zeroForOne: Bool, amountSpecified: Int256, sqrtPriceLimitX96: UInt256) throws(PoolError) -> ConcentratedLiquiditySwapResult {
        try state.swap(rules(zeroForOne: zeroForOne), zeroForOne: zeroForOne, amountSpecified: amountSpecified, sqrtPriceLimitX96: sqrtPriceLimitX96)
    }
}
