extension ConcentratedLiquidityPool {
    /// The pool's `swap` as a router or a direct caller makes it: an exact input (positive
    /// `amountSpecified`) or an exact output (negative), with the call's price limit or, for
    /// none, `minSqrtRatio + 1` / `maxSqrtRatio - 1`. The fill is what the pool moved: less than
    /// asked where the limit (or the end of the liquidity) stops the swap first; the caller
    /// compares it with the request (a router's exact-output call requires the full output).
    ///
    /// `invalidState` for token indexes other than 0→1 and 1→0, an exact input above int256's
    /// maximum or an exact output above 2^255; the pool's reverts (`"AS"` for a zero amount,
    /// `"SPL"` for a limit on the wrong side of the price, …) as `quote` gives them. On any error
    /// the pool is left as it was.
    public mutating func fill(_ swap: PoolSwap) throws(PoolError) -> PoolSwapFill {
        let zeroForOne = try Self.zeroForOne(from: swap.from, to: swap.to)
        let amountSpecified: Int256
        switch swap.amount {
        case .exactIn(let amount):
            guard let exact = Int256(exactly: amount) else { throw .invalidState("exact input \(amount) does not fit int256") }
            amountSpecified = exact
        case .exactOut(let amount):
            guard amount <= Int256.min.magnitude else { throw .invalidState("exact output \(amount) is above 2^255") }
            amountSpecified = Int256(bitPattern: .zero &- amount)
        }
        let limit = swap.priceLimit ?? Self.noPriceLimit(zeroForOne: zeroForOne)
        let result = try self.swap(zeroForOne: zeroForOne, amountSpecified: amountSpecified, sqrtPriceLimitX96: limit)
        let (paid, received) = zeroForOne ? (result.amount0, result.amount1) : (result.amount1, result.amount0)
        return PoolSwapFill(amountIn: paid.magnitude, amountOut: received.magnitude)
    }
}
