/// What the swap loop tells a caller that follows a swap across tick ranges
/// (`ConcentratedLiquidityState.swapSegments`): every step that ends on a tick's price.
@usableFromInline
protocol SwapLoopObserver {
    /// A step ended on a tick's price: the loop leaves the state at `tick`, with `liquidity`
    /// (changed when it `crossed` an initialized tick), having used `specifiedUsed` of the
    /// specified amount and calculated `calculated` (negative: paid out, for an exact input) so
    /// far. False stops the loop there, as if the amount had run out.
    mutating func steppedOnto(
        tick: Int32, crossed: Bool, sqrtPriceX96: UInt256, liquidity: UInt256, specifiedUsed: Int256, calculated: Int256
    ) -> Bool
}

/// The observer of an ordinary quote or swap: it never stops the loop, and the compiler removes it.
///
/// It holds one byte it never reads: passed `inout` as a type without storage, it reached the
/// loop under Thread Sanitizer with an address whose shadow does not exist, and the sanitizer's
/// access check faulted (`scripts/test-tsan`, 2026-12-07). With storage it has a stack slot.
@usableFromInline
struct UnobservedSwapLoop: SwapLoopObserver {
    /// Storage for an address (see above); never read.
    @usableFromInline
    var slot: UInt8 = 0

    @inlinable
    init() {}

    @inlinable
    func steppedOnto(
        tick: Int32, crossed: Bool, sqrtPriceX96: UInt256, liquidity: UInt256, specifiedUsed: Int256, calculated: Int256
    ) -> Bool {
        true
    }
}
