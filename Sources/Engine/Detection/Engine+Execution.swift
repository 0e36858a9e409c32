import Kernel

extension Engine {
    /// What `opportunity`'s cycle pays now, on the newest pending state, for its sized input:
    /// each hop quoted exactly in turn. Nil when a pool has left the state or a hop would revert.
    /// The executor re-quotes this way just before signing, to bound the slippage since detection.
    public func requote(_ opportunity: Opportunity) -> UInt256? {
        var amount = opportunity.amountIn
        for hop in opportunity.executorHops {
            guard let pool = pendingPool(hop.pool),
                  let next = try? pool.amountOut(amount, from: Int(hop.tokenIn), to: Int(hop.tokenOut)) else { return nil }
            amount = next
        }
        return amount
    }

    /// The fees the engine prices with now: the L2 base fee and the L1 price per unit, in wei.
    public var fees: (l2BaseFee: UInt256, l1PricePerUnit: UInt256) {
        (pricer.l2BaseFee, pricer.l1PricePerUnit)
    }
}
