import Kernel

/// The pool events that change the pricing state (`ConcentratedLiquidityEvent`'s topics).
public enum UniswapV3PoolEvents {
    /// topic0 of `Swap(address,address,int256,int256,uint160,uint128,int24)`.
    public static let swap = ConcentratedLiquidityEvent.swapTopic
    /// topic0 of `Mint(address,address,int24,int24,uint128,uint256,uint256)`.
    public static let mint = ConcentratedLiquidityEvent.mintTopic
    /// topic0 of `Burn(address,int24,int24,uint128,uint256,uint256)`.
    public static let burn = ConcentratedLiquidityEvent.burnTopic
}

extension UniswapV3Pool {
    /// Swap, Mint and Burn.
    public static var stateEventTopics: [Hash32] { [UniswapV3PoolEvents.swap, UniswapV3PoolEvents.mint, UniswapV3PoolEvents.burn] }

    /// Applies a `Swap` (price, tick and liquidity as the event reports them), a `Mint` or a
    /// `Burn` (the position's liquidity added to or removed from its bounds' ticks, and from the
    /// active liquidity when the range holds the current tick): `applied`; a `Burn` of 0 (a fee
    /// poke) and other topics are `ignored`. `needsReload` for a position change the held state
    /// cannot take (more liquidity removed than its ticks hold, e.g. a position on ticks beyond
    /// the loaded ones). `malformed` for a log the pool cannot have emitted
    /// (`ConcentratedLiquidityEvent.decode`; bounds must be multiples of `tickSpacing`).
    public mutating func apply(_ log: EventLog) throws(PoolError) -> EventEffect {
        guard let event = try ConcentratedLiquidityEvent.decode(log, tickSpacing: tickSpacing) else { return .ignored }
        return state.apply(event)
    }
}
