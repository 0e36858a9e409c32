import Kernel

extension CycleSizer {
    /// Sizes `cycle` on the pools' states `pools` (by hop), input within `bounds`; no trade when
    /// none can profit more than `minimumProfit`.
    ///
    /// Every hop with a closed form (`PricingPool.swapCurve`) gets its Möbius map and the input
    /// it holds up to (a concentrated-liquidity pool's next initialized tick), and is asked for
    /// its ranges beyond (`PricingPool.swapSegments`) only when the optimum lies past them, and
    /// its exact-output input (`PricingPool.fill`) only where the cycle's runs of equal outputs
    /// are wide.
    func size(_ cycle: Cycle, pools: [any PricingPool], within bounds: SizingBounds, minimumProfit: UInt256 = .zero) -> CycleSizing {
        var hops: [SizingHop] = []
        hops.reserveCapacity(cycle.count)
        for (hop, pool) in zip(cycle, pools) {
            let curve = pool.swapCurve(from: hop.from, to: hop.to)
            let (from, to) = (hop.from, hop.to)
            hops.append(SizingHop(
                map: curve.flatMap(MobiusMap.init(curve:)), inputLimit: curve?.inputLimit,
                segments: { limit in pool.swapSegments(from: from, to: to, limit: limit) },
                exactOutputInput: { amountOut in Self.exactOutputInput(pool, amountOut, from: from, to: to) },
                quote: { (amount: UInt256) throws(PoolError) -> UInt256 in try pool.amountOut(amount, from: from, to: to) }))
        }
        return size(hops, within: bounds, minimumProfit: minimumProfit)
    }

    /// The input `pool`'s exact-output swap takes for `amountOut` (`PricingPool.fill` on a copy
    /// of its state); nil where the pool prices no exact outputs or cannot pay all of it.
    static func exactOutputInput<Pool: PricingPool>(_ pool: Pool, _ amountOut: UInt256, from: Int, to: Int) -> UInt256? {
        var copy = pool
        guard let fill = try? copy.fill(PoolSwap(from: from, to: to, amount: .exactOut(amountOut))), fill.amountOut >= amountOut else { return nil }
        return fill.amountIn
    }
}
