import Kernel

extension SizingHop {
    /// The direction `from` → `to` of `pool` as the engine sizes it: the first range's Möbius map
    /// and the input it holds up to (`PricingPool.swapCurve`), the ranges beyond
    /// (`PricingPool.swapSegments`, asked only when the optimum lies past the first), the input
    /// of an exact output (`PricingPool.fill` on a copy of the state, asked only where the
    /// cycle's runs of equal outputs are wide) and the exact quote.
    public init<Pool: PricingPool>(pool: Pool, from: Int, to: Int) {
        let curve = pool.swapCurve(from: from, to: to)
        self.init(
            map: curve.flatMap(MobiusMap.init(curve:)), inputLimit: curve?.inputLimit,
            segments: { limit in pool.swapSegments(from: from, to: to, limit: limit) },
            exactOutputInput: { amountOut in
                var copy = pool
                guard let fill = try? copy.fill(PoolSwap(from: from, to: to, amount: .exactOut(amountOut))), fill.amountOut >= amountOut
                else { return nil }
                return fill.amountIn
            },
            quote: { (amountIn: UInt256) throws(PoolError) -> UInt256 in try pool.amountOut(amountIn, from: from, to: to) })
    }
}
