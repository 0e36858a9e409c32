import Kernel

extension CycleSizer {
    /// Sizes `cycle` on the pools' states `pools` (by hop), input within `bounds`; no trade when
    /// none can profit more than `minimumProfit`.
    ///
    /// Every hop with a closed form (`PricingPool.swapCurve`) gets its Möbius map. A curve that
    /// holds only up to an input (a concentrated-liquidity pool up to its next initialized tick)
    /// is trusted only where the closed-form optimum (`CycleSizer.mapsHold`) and the sized trade
    /// stay within it; otherwise the cycle is sized by the bracketed search alone, on the exact
    /// quotes (the quotes of both attempts counted).
    func size(_ cycle: Cycle, pools: [any PricingPool], within bounds: SizingBounds, minimumProfit: UInt256 = .zero) -> CycleSizing {
        var hops: [SizingHop] = []
        hops.reserveCapacity(cycle.count)
        for (hop, pool) in zip(cycle, pools) {
            let curve = pool.swapCurve(from: hop.from, to: hop.to)
            let (from, to) = (hop.from, hop.to)
            hops.append(SizingHop(map: curve.flatMap(MobiusMap.init(curve:)), inputLimit: curve?.inputLimit) { (amount: UInt256) throws(PoolError) -> UInt256 in
                try pool.amountOut(amount, from: from, to: to)
            })
        }
        // A cycle that loses at the margin loses at every size, each hop giving less per unit as
        // its input grows: then the closed form is right whatever the limits.
        let sizing = size(hops, within: bounds, minimumProfit: minimumProfit)
        guard sizing.method != .bracketed, let trade = sizing.trade else { return sizing }
        let inputs = [trade.amountIn] + trade.amountsOut.dropLast()
        guard zip(inputs, hops).contains(where: { input, hop in hop.inputLimit.map { input > $0 } ?? false }) else { return sizing }
        for index in hops.indices { hops[index].map = nil }
        let bracketed = size(hops, within: bounds)
        return CycleSizing(trade: bracketed.trade, method: bracketed.method,
                           quoteEvaluations: sizing.quoteEvaluations + bracketed.quoteEvaluations, profitBound: nil)
    }
}
