/// A concentrated-liquidity pool (Uniswap V3, Algebra): two tokens, the shared price, tick,
/// liquidity and tick table (`state`), and the pool's own
/// `swap(zeroForOne, amountSpecified, sqrtPriceLimitX96)`, quoted or applied under its rules.
///
/// Conforming gives the `PricingPool` members `tokens`, `amountOut(_:from:to:)` and
/// `swap(_:from:to:)`: an exact-input swap with no price limit.
public protocol ConcentratedLiquidityPool: PricingPool {
    /// The pool's token0.
    var token0: Address { get }
    /// The pool's token1.
    var token1: Address { get }
    /// The price, tick, active liquidity and initialized ticks.
    var state: ConcentratedLiquidityState { get }
    /// What the pool's `swap` would return and leave, without changing the pool. Positive
    /// `amountSpecified` is an exact input, negative an exact output.
    func quote(zeroForOne: Bool, amountSpecified: Int256, sqrtPriceLimitX96: UInt256) throws(PoolError) -> ConcentratedLiquiditySwapResult
    /// `quote` that also moves the pool to the state after the swap.
    mutating func swap(zeroForOne: Bool, amountSpecified: Int256, sqrtPriceLimitX96: UInt256) throws(PoolError) -> ConcentratedLiquiditySwapResult

    /// What the pool's swap loop runs with: how it finds the next tick and prices a step.
    associatedtype Rules: ConcentratedLiquidityRules
    /// The rules of a swap in this direction (its fee, the tick walk), as `quote` uses them.
    func rules(zeroForOne: Bool) -> Rules
}

extension ConcentratedLiquidityPool {
    /// token0 and token1.
    public var tokens: [Address] { [token0, token1] }

    /// The sqrt price as a Q64.96 (`slot0.sqrtPriceX96`, `globalState.price`).
    public var sqrtPriceX96: UInt256 { state.sqrtPriceX96 }
    /// The current tick.
    public var tick: Int32 { state.tick }
    /// The active liquidity (`liquidity()`).
    public var liquidity: UInt256 { state.liquidity }
    /// The initialized ticks.
    public var ticks: TickTable { state.ticks }
    /// The ticks the table is known to be complete for (the loaded table words), or nil when it
    /// holds every initialized tick of the pool.
    public var completeTickRange: ClosedRange<Int32>? { state.completeTickRange }

    /// The output of an exact-input swap of `amountIn` of `tokens[from]` with no price limit
    /// (`minSqrtRatio + 1` or `maxSqrtRatio - 1`, as routers pass for "none"). Where liquidity
    /// runs out before the input is used up, the pool takes less input and this is the output it
    /// pays. `invalidState` for indexes other than 0→1 and 1→0 or an amount above int256.
    @inlinable
    public func amountOut(_ amountIn: UInt256, from: Int, to: Int) throws(PoolError) -> UInt256 {
        let (zeroForOne, amount, limit) = try Self.exactInputArguments(amountIn, from: from, to: to)
        let result = try quote(zeroForOne: zeroForOne, amountSpecified: amount, sqrtPriceLimitX96: limit)
        return (zeroForOne ? result.amount1 : result.amount0).magnitude
    }

    /// `amountOut` that also moves the pool to the state after the swap.
    @inlinable
    public mutating func swap(_ amountIn: UInt256, from: Int, to: Int) throws(PoolError) -> UInt256 {
        let (zeroForOne, amount, limit) = try Self.exactInputArguments(amountIn, from: from, to: to)
        let result = try swap(zeroForOne: zeroForOne, amountSpecified: amount, sqrtPriceLimitX96: limit)
        return (zeroForOne ? result.amount1 : result.amount0).magnitude
    }

    /// The direction, signed amount and "no limit" price limit of an exact-input swap.
    @inlinable
    static func exactInputArguments(_ amountIn: UInt256, from: Int, to: Int) throws(PoolError) -> (Bool, Int256, UInt256) {
        let zeroForOne = try Self.zeroForOne(from: from, to: to)
        guard let amount = Int256(exactly: amountIn) else { throw .invalidState("amount \(amountIn) does not fit int256") }
        return (zeroForOne, amount, noPriceLimit(zeroForOne: zeroForOne))
    }

    /// `zeroForOne` of the token indexes 0→1 or 1→0; `invalidState` for any others.
    @inlinable
    static func zeroForOne(from: Int, to: Int) throws(PoolError) -> Bool {
        guard (from, to) == (0, 1) || (from, to) == (1, 0) else { throw .invalidState("token indexes \(from)→\(to) are not 0→1 or 1→0") }
        return from == 0
    }

    /// The price limit routers pass for "none": `minSqrtRatio + 1` going down, `maxSqrtRatio - 1` up.
    @inlinable
    static func noPriceLimit(zeroForOne: Bool) -> UInt256 {
        zeroForOne ? TickMath.minSqrtRatio &+ .one : TickMath.maxSqrtRatio &- .one
    }
}
