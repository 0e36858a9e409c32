import Kernel

extension CycleSizer {
    /// Sizes `cycle` on the pools' states `pools` (by hop), input within `bounds`; no trade when
    /// none can profit more than `minimumProfit`.
    ///
    /// Every hop with a closed form (`PricingPool.swapCurve`) gets its Möbius map and the input
    /// it holds up to (a concentrated-liquidity pool's next initialized tick), and is asked for
    /// its ranges beyond (`PricingPool.swapSegments`) only when the optimum lies past them.
    func size(_ cycle: Cycle, pools: [any PricingPool], within bounds: SizingBounds, minimumProfit: UInt256 = .zero) -> CycleSizing {
        var hops: [SizingHop] = []
        hops.reserveCapacity(cycle.count)
        for (hop, pool) in zip(cycle, pools) {
            let curve = pool.swapCurve(from: hop.from, to: hop.to)
            let (from, to) = (hop.from, hop.to)
            hops.append(SizingHop(
                map: curve.flatMap(MobiusMap.init(curve:)), inputLimit: curve?.inputLimit,
                segments: { limit in pool.swapSegments(from: from, to: to, limit: limit) },
                quote: { (amount: UInt256) throws(PoolError) -> UInt256 in try pool.amountOut(amount, from: from, to: to) }))
        }
        return size(hops, within: bounds, minimumProfit: minimumProfit)
    }
}
