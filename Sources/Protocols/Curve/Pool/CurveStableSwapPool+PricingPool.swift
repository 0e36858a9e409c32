import Kernel

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

    /// Applies one log; see `applyLog` for which events are applied and which ask for a reload
    /// (`PoolError.invalidState` starting with "needs reload").
    public mutating func apply(_ log: EventLog) throws(PoolError) {
        try applyLog(log)
    }
}
