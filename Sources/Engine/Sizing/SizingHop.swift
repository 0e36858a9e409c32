import Kernel

/// One pool of a cycle, as the sizer sees it: the pool's exact quote and, where the pool has
/// one, the Möbius map that describes it.
public struct SizingHop {
    /// The pool's exact-input quote (`amountOut(amountIn)` as the contract computes it). A
    /// thrown error means the swap would revert: the sizer counts that input as no profit.
    public typealias Quote = (UInt256) throws(PoolError) -> UInt256

    /// The map `x ↦ k·x / (m + n·x)` that bounds `quote` from above near the optimum (a
    /// constant-product pool, a concentrated-liquidity pool that stays in its tick range), or
    /// nil when the pool has no closed form (ticks crossed, Curve, Camelot stable pairs).
    public var map: MobiusMap?
    /// The largest input `map` describes (a concentrated-liquidity pool's input to its next
    /// initialized tick); nil when it describes every input.
    public var inputLimit: UInt256?
    /// The exact quote.
    public var quote: Quote

    /// A hop with its exact quote and, when it has one, its Möbius map and the inputs it holds for.
    public init(map: MobiusMap?, inputLimit: UInt256? = nil, quote: @escaping Quote) {
        self.map = map
        self.inputLimit = inputLimit
        self.quote = quote
    }
}
