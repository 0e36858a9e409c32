import Kernel

extension CycleSizer {
    /// Sizes `cycle` on the pools' states `pools` (by hop), input within `bounds`.
    ///
    /// Every hop with a closed form (`PricingPool.swapCurve`) gets its Möbius map. A curve that
    /// holds only up to an input (a concentrated-liquidity pool up to its next initialized tick)
    /// is trusted only if the sized trade stays within it; otherwise the cycle is sized again by
    /// the bracketed search alone, on the exact quotes.
    func size(_ cycle: Cycle, pools: [any PricingPool], within bounds: SizingBounds) -> CycleSizing {
        var hops: [SizingHop] = []
        var limits: [UInt256?] = []
        hops.reserveCapacity(cycle.count)
        for (hop, pool) in zip(cycle, pools) {
            let curve = pool.swapCurve(from: hop.from, to: hop.to)
            let (from, to) = (hop.from, hop.to)
            hops.append(SizingHop(map: curve.flatMap(MobiusMap.init(curve:))) { (amount: UInt256) throws(PoolError) -> UInt256 in
                try pool.amountOut(amount, from: from, to: to)
            })
            limits.append(curve?.inputLimit)
        }
        // Without a trade the closed form is right whatever the limits: a cycle that loses at
        // the margin loses at every size, each hop giving less per unit as its input grows.
        let sizing = size(hops, within: bounds)
        guard sizing.method != .bracketed, let trade = sizing.trade else { return sizing }
        let inputs = [trade.amountIn] + trade.amountsOut.dropLast()
        guard zip(inputs, limits).contains(where: { input, limit in limit.map { input > $0 } ?? false }) else { return sizing }
        for index in hops.indices { hops[index].map = nil }
        return size(hops, within: bounds)
    }
}
