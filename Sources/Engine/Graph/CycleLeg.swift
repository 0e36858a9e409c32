import Kernel

/// One hop of a cycle with its addresses, for reports, the executor and tests; the hot path reads
/// `CycleHop`s instead.
public struct CycleLeg: Hashable, Sendable, CustomStringConvertible {
    /// The pool swapped through.
    public var pool: Address
    /// The token paid in: the pool's coin `from`.
    public var tokenIn: Address
    /// The token taken out: the pool's coin `to`.
    public var tokenOut: Address
    /// The index of `tokenIn` among the pool's coins.
    public var from: Int
    /// The index of `tokenOut` among the pool's coins.
    public var to: Int

    /// Creates a leg.
    public init(pool: Address, tokenIn: Address, tokenOut: Address, from: Int, to: Int) {
        self.pool = pool
        self.tokenIn = tokenIn
        self.tokenOut = tokenOut
        self.from = from
        self.to = to
    }

    /// `tokenIn -[pool from→to]-> tokenOut`.
    public var description: String { "\(tokenIn) -[\(pool) \(from)→\(to)]-> \(tokenOut)" }
}
