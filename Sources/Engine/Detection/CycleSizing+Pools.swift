import Kernel

extension CycleSizer {
    /// Sizes `cycle` on the pools' states `pools` (by hop), input within `bounds`; no trade when
    /// none can profit more than `minimumProfit`. Each hop is its pool as `SizingHop(pool:from:to:)`
    /// describes it.
    func size(_ cycle: Cycle, pools: [any PricingPool], within bounds: SizingBounds, minimumProfit: UInt256 = .zero) -> CycleSizing {
        var hops: [SizingHop] = []
        hops.reserveCapacity(cycle.count)
        for (hop, pool) in zip(cycle, pools) {
            hops.append(SizingHop(pool: pool, from: hop.from, to: hop.to))
        }
        return size(hops, within: bounds, minimumProfit: minimumProfit)
    }
}
