import Kernel

extension CamelotV3Pool: PricingPool {
    /// token0 and token1.
    public var tokens: [Address] { [token0, token1] }

    /// The output of an exact-input swap of `amountIn` of `tokens[from]` with no price limit
    /// (`minSqrtRatio + 1` or `maxSqrtRatio − 1`). Where liquidity runs out first, the pool takes
    /// less input and this is what it pays. `invalidState` for indexes other than 0→1 and 1→0 or
    /// an amount above int256.
    public func amountOut(_ amountIn: UInt256, from: Int, to: Int) throws(PoolError) -> UInt256 {
        let (zeroForOne, amount, limit) = try exactInputArguments(amountIn, from: from, to: to)
        let result = try quote(zeroForOne: zeroForOne, amountSpecified: amount, sqrtPriceLimitX96: limit)
        return (zeroForOne ? result.amount1 : result.amount0).magnitude
    }

    /// `amountOut` that also moves the pool to the state after the swap.
    public mutating func swap(_ amountIn: UInt256, from: Int, to: Int) throws(PoolError) -> UInt256 {
        let (zeroForOne, amount, limit) = try exactInputArguments(amountIn, from: from, to: to)
        let result = try swap(zeroForOne: zeroForOne, amountSpecified: amount, sqrtPriceLimitX96: limit)
        return (zeroForOne ? result.amount1 : result.amount0).magnitude
    }

    /// The direction, signed amount and "no limit" price limit of an exact-input swap.
    private func exactInputArguments(_ amountIn: UInt256, from: Int, to: Int) throws(PoolError) -> (Bool, Int256, UInt256) {
        guard (from, to) == (0, 1) || (from, to) == (1, 0) else { throw .invalidState("token indexes \(from)→\(to) are not 0→1 or 1→0") }
        guard let amount = Int256(exactly: amountIn) else { throw .invalidState("amount \(amountIn) does not fit int256") }
        let zeroForOne = from == 0
        return (zeroForOne, amount, zeroForOne ? TickMath.minSqrtRatio &+ .one : TickMath.maxSqrtRatio &- .one)
    }
}
