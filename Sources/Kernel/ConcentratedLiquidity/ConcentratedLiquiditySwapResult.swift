/// What a concentrated-liquidity swap paid and where it left the pool.
public struct ConcentratedLiquiditySwapResult: Sendable, Equatable {
    /// token0 paid into the pool (negative: paid out), as `swap` returns it.
    public var amount0: Int256
    /// token1 paid into the pool (negative: paid out), as `swap` returns it.
    public var amount1: Int256
    /// The sqrt price after the swap.
    public var sqrtPriceX96: UInt256
    /// The tick after the swap.
    public var tick: Int32
    /// The active liquidity after the swap.
    public var liquidity: UInt256

    /// Creates a result.
    public init(amount0: Int256, amount1: Int256, sqrtPriceX96: UInt256, tick: Int32, liquidity: UInt256) {
        self.amount0 = amount0
        self.amount1 = amount1
        self.sqrtPriceX96 = sqrtPriceX96
        self.tick = tick
        self.liquidity = liquidity
    }
}
