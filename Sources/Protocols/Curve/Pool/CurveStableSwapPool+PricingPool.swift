import Kernel

/// `PricingPool` for every StableSwap variant. Only exact inputs are priced (`fill`'s default):
/// every variant's `exchange` fixes the input, and none of them is given a `get_dx` here. A
/// StableSwap pool has no closed form (`swapCurve` is nil); its marginal rate is a small quote's.
extension CurveStableSwapPool: PricingPool {
    /// The coins in index order.
    public var tokens: [Address] { coins }

    /// What `exchange(from, to, amountIn, 0)` pays.
    public func amountOut(_ amountIn: UInt256, from: Int, to: Int) throws(PoolError) -> UInt256 {
        try quote(amountIn, from: from, to: to)
    }

    /// Applies `exchange(from, to, amountIn, 0)` and returns what it pays.
    public mutating func swap(_ amountIn: UInt256, from: Int, to: Int) throws(PoolError) -> UInt256 {
        try exchange(amountIn, from: from, to: to)
    }

    /// Every event `apply(_:)` reads, of every variant and coin count.
    public static var stateEventTopics: [Hash32] { CurveStableSwapEvents.all }

    /// Moves `amplification` along the ramp to the block's time: A becomes the ramp's `_A()` at
    /// `timestamp`; the block number plays no part. Without a known ramp nothing changes. A time
    /// before the ramp's start reverts as `_A()` would, and leaves the pool as it was.
    public mutating func advance(toBlock number: UInt64, timestamp: UInt64) throws(PoolError) {
        guard let ramp else { return }
        let next = try ramp.amplification(at: UInt256(timestamp))
        // Setting A computes the pool's invariant anew: only when it moved.
        if next != amplification { amplification = next }
    }

    /// One small exact quote's rate (`quotedMarginalRate`: a millionth of `balances(from)`, at
    /// least 1 unit); nil for an index outside the coins or where `exchange` would revert.
    public func marginalRate(from: Int, to: Int) -> Double? {
        guard from >= 0, from < balances.count else { return nil }
        return quotedMarginalRate(from: from, to: to, balanceIn: balances[from])
    }
}
