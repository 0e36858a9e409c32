import Kernel

extension SizingHop {
    /// The direction `from` → `to` of `pool` as the engine sizes it: the first range's Möbius map
    /// and the input it holds up to (`PricingPool.swapCurve`), the ranges beyond
    /// (`PricingPool.swapSegments`, asked only when the optimum lies past the first), the input
    /// of an exact output (`PricingPool.fill` on a copy of the state, asked only where the
    /// cycle's runs of equal outputs are wide) and the exact quote, computed from the curve where
    /// the quote is that rounded down.
    public init<Pool: PricingPool>(pool: Pool, from: Int, to: Int) {
        let direction = PoolDirection(pool: pool, from: from, to: to)
        let curve = pool.swapCurve(from: from, to: to)
        self.init(
            map: curve.flatMap(MobiusMap.init(curve:)), inputLimit: curve?.inputLimit,
            segments: { limit in direction.segments(limit: limit) },
            exactOutputInput: { amountOut in direction.exactOutputInput(amountOut) },
            exactQuote: curve?.exactQuote,
            quote: { (amountIn: UInt256) throws(PoolError) -> UInt256 in try direction.quote(amountIn) })
    }
}

/// One direction of a pool, captured alone by every closure of its `SizingHop`: a closure
/// whose only capture is one object holds that object as its context, so the hop costs one
/// allocation rather than one per closure. It keeps the segments it computed, for the next
/// cycle that asks the same hop (`SizingHopMemo`).
private final class PoolDirection<Pool: PricingPool> {
    let pool: Pool
    let from: Int
    let to: Int
    /// The segments last asked for, and the limit they were asked with.
    private var computedSegments: (limit: Int, segments: [SwapSegment]?)?

    init(pool: Pool, from: Int, to: Int) {
        self.pool = pool
        self.from = from
        self.to = to
    }

    func quote(_ amountIn: UInt256) throws(PoolError) -> UInt256 {
        try pool.amountOut(amountIn, from: from, to: to)
    }

    func segments(limit: Int) -> [SwapSegment]? {
        if let computedSegments, computedSegments.limit == limit { return computedSegments.segments }
        let segments = pool.swapSegments(from: from, to: to, limit: limit)
        computedSegments = (limit, segments)
        return segments
    }

    /// The input of an exact output of `amountOut`, on a copy of the state; nil where the pool
    /// prices no exact outputs or cannot pay all of it.
    func exactOutputInput(_ amountOut: UInt256) -> UInt256? {
        var copy = pool
        guard let fill = try? copy.fill(PoolSwap(from: from, to: to, amount: .exactOut(amountOut))), fill.amountOut >= amountOut else { return nil }
        return fill.amountIn
    }
}
