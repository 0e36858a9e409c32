import Kernel

/// What the engine asks of a pair: router swaps both ways round, and the pair's closed form.
extension UniswapV2Pool {
    /// An exact input (`swap(exactIn:zeroForOne:)`) or an exact output
    /// (`swap(exactOut:zeroForOne:)`: the router's `getAmountIn`, then the pair), as the routers'
    /// `swapExactTokensFor…` and `swapTokensForExact…` make them. A pair has no price limit: a
    /// non-zero one is `invalidState`. On any error the reserves are left as they were.
    public mutating func fill(_ swap: PoolSwap) throws(PoolError) -> PoolSwapFill {
        guard swap.priceLimit == nil else { throw .invalidState("a price limit on a V2 pair, which has none") }
        let zeroForOne = try Self.direction(from: swap.from, to: swap.to)
        switch swap.amount {
        case .exactIn(let amountIn):
            return PoolSwapFill(amountIn: amountIn, amountOut: try self.swap(exactIn: amountIn, zeroForOne: zeroForOne))
        case .exactOut(let amountOut):
            return PoolSwapFill(amountIn: try self.swap(exactOut: amountOut, zeroForOne: zeroForOne), amountOut: amountOut)
        }
    }

    /// The reserves and the fee's multiplier and denominator: `getAmountOut` is this curve's
    /// value rounded down, for every input the pair accepts (`inputLimit` nil): those up to
    /// `exactInputLimit`, where the input reserve reaches 2^112 − 1. Nil for token indexes other
    /// than 0→1 and 1→0 or an empty reserve (the router refuses to quote).
    public func swapCurve(from: Int, to: Int) -> SwapCurve? {
        guard let zeroForOne = try? Self.direction(from: from, to: to) else { return nil }
        let (reserveIn, reserveOut) = reserves(zeroForOne: zeroForOne)
        guard !reserveIn.isZero, !reserveOut.isZero else { return nil }
        return SwapCurve(
            reserveIn: reserveIn, reserveOut: reserveOut, feeMultiplier: fee.multiplier, feeDenominator: fee.denominator, inputLimit: nil,
            exactInputLimit: Self.maxReserve > reserveIn ? Self.maxReserve &- reserveIn : .zero)
    }
}
