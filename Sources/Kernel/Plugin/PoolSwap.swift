/// One swap through one pool as a router makes it: which way, how much is fixed, and the price
/// limit where the call passes one.
public struct PoolSwap: Sendable, Equatable {
    /// The index of the token paid in (`tokens[from]`).
    public var from: Int
    /// The index of the token paid out.
    public var to: Int
    /// Exactly this much in, or exactly this much out.
    public var amount: Fixed
    /// A concentrated-liquidity pool's `sqrtPriceLimitX96` as the call passes it; nil (or zero,
    /// as routers write "none") for no limit. Pools without a price limit refuse a non-zero one.
    public var sqrtPriceLimitX96: UInt256?

    /// The side of a swap the caller fixes.
    public enum Fixed: Sendable, Equatable {
        /// Exactly this input.
        case exactIn(UInt256)
        /// Exactly this output.
        case exactOut(UInt256)
    }

    /// Creates a swap.
    public init(from: Int, to: Int, amount: Fixed, sqrtPriceLimitX96: UInt256? = nil) {
        self.from = from
        self.to = to
        self.amount = amount
        self.sqrtPriceLimitX96 = sqrtPriceLimitX96
    }

    /// The price limit when one is set: nil for none and for zero.
    public var priceLimit: UInt256? {
        guard let limit = sqrtPriceLimitX96, !limit.isZero else { return nil }
        return limit
    }
}

/// What a pool took and paid for a `PoolSwap`. With a price limit a pool may fill less than
/// asked: the amounts are what it actually moved.
public struct PoolSwapFill: Sendable, Equatable {
    /// The input the pool took.
    public var amountIn: UInt256
    /// The output the pool paid.
    public var amountOut: UInt256

    /// Creates a fill.
    public init(amountIn: UInt256, amountOut: UInt256) {
        self.amountIn = amountIn
        self.amountOut = amountOut
    }
}
