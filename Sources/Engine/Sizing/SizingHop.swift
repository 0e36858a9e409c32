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
    /// The pool's exact quote computed from its closed form, where the pool's quote is that
    /// rounded down (`SwapCurve.exactQuote`: a constant-product pair): the sizer quotes it in
    /// place of `quote`, the same amounts with no call through the pool.
    public var exactQuote: ConstantProductQuote?
    /// The pool's closed forms range by range (`PricingPool.swapSegments`), at most the number
    /// asked for; asked only when the cycle's optimum lies past some hop's `inputLimit`. Nil:
    /// the pool has none beyond `map`.
    public var segments: ((Int) -> [SwapSegment]?)?
    /// The input the pool's exact-output swap takes for a given output, as its contract computes
    /// it (rounded up, so at or a unit or two above the smallest input `quote` pays that for);
    /// nil where the pool cannot pay that output or prices no exact outputs. The sizer starts
    /// its search for where the cycle's output steps from it (`smallestInput(reaching:)`).
    public var exactOutputInput: ((UInt256) -> UInt256?)?

    /// A hop with its exact quote and, when it has them, its Möbius map, the inputs it holds
    /// for, the closed forms of the ranges beyond, its exact-output input and its quote from the
    /// closed form.
    public init(
        map: MobiusMap?, inputLimit: UInt256? = nil, segments: ((Int) -> [SwapSegment]?)? = nil,
        exactOutputInput: ((UInt256) -> UInt256?)? = nil, exactQuote: ConstantProductQuote? = nil, quote: @escaping Quote
    ) {
        self.map = map
        self.inputLimit = inputLimit
        self.segments = segments
        self.exactOutputInput = exactOutputInput
        self.exactQuote = exactQuote
        self.quote = quote
    }

    /// The pool's exact quote for `amountIn`, from `exactQuote` where it has one; nil where the
    /// swap would revert.
    @inline(__always)
    func amountOut(_ amountIn: UInt256) -> UInt256? {
        if let exactQuote { return exactQuote.amountOut(amountIn) }
        return try? quote(amountIn)
    }
}
