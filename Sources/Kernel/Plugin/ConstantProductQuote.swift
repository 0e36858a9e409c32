/// A constant-product pair's exact-input quote, prepared from its curve
/// (`SwapCurve.exactQuote`) for the many quotes the engine's sizing asks of one pair: the
/// router's `getAmountOut`, `floor(x·m·reserveOut / (reserveIn·d + x·m))` for a fee of `m/d`,
/// computed as `floor(x·numeratorFactor / (base + x·multiplier))` with `numeratorFactor =
/// m·reserveOut` and `base = reserveIn·d` multiplied once. The same number, and the same
/// reverts: `x·numeratorFactor` overflows exactly where `(x·m)·reserveOut` does, which includes
/// every `x·m` that overflows.
public struct ConstantProductQuote: Sendable, Equatable {
    /// `multiplier · reserveOut`.
    @usableFromInline let numeratorFactor: UInt256
    /// `reserveIn · denominator`.
    @usableFromInline let base: UInt256
    /// The fee factor's numerator (one word: 997 for 0.3 % over 1000).
    @usableFromInline let multiplier: UInt64
    /// The largest input the pair accepts (`SwapCurve.exactInputLimit`).
    @usableFromInline let inputLimit: UInt256

    /// The quote of `curve`; nil where the curve is not exact (`exactInputLimit` nil), its fee
    /// multiplier is zero or wider than a word (no pair's is), or a product overflows (then the
    /// pair reverts on every input, SafeMath refusing the same product).
    init?(curve: SwapCurve) {
        guard let inputLimit = curve.exactInputLimit, let multiplier = curve.feeMultiplier.uint64Value, multiplier != 0 else { return nil }
        let (numeratorFactor, numeratorOverflow) = curve.reserveOut.multipliedReportingOverflow(by: curve.feeMultiplier)
        let (base, baseOverflow) = curve.reserveIn.multipliedReportingOverflow(by: curve.feeDenominator)
        guard !numeratorOverflow, !baseOverflow else { return nil }
        self.numeratorFactor = numeratorFactor
        self.base = base
        self.multiplier = multiplier
        self.inputLimit = inputLimit
    }

    /// The pair's output for `amountIn`, rounded down as the contract rounds it; nil where the
    /// pair reverts (no input, an input past the limit, an overflow or no output).
    @inlinable
    public func amountOut(_ amountIn: UInt256) -> UInt256? {
        guard !amountIn.isZero, amountIn <= inputLimit else { return nil }
        let (withFee, feeOverflow) = amountIn.multipliedAndAddedReportingOverflow(by: multiplier, adding: 0)
        let (numerator, numeratorOverflow) = amountIn.multipliedReportingOverflow(by: numeratorFactor)
        let (denominator, sumOverflow) = base.addingReportingOverflow(withFee)
        guard !(feeOverflow || numeratorOverflow || sumOverflow),
              let (amountOut, _) = numerator.quotientAndRemainder(dividingBy: denominator), !amountOut.isZero
        else { return nil }
        return amountOut
    }

    /// Whether the pair pays at least `target` for `amountIn` (false where it pays less or
    /// reverts), decided without the quote's division: `floor(N / D) >= y` exactly when
    /// `N >= y·D` for the quote's numerator `N` and denominator `D > 0`, and a product `y·D`
    /// past 256 bits exceeds every `N` that fits. One multiplication in place of a division, for
    /// a search that only asks on which side of an output an input lies.
    @inlinable
    public func pays(atLeast target: UInt256, for amountIn: UInt256) -> Bool {
        guard !amountIn.isZero, amountIn <= inputLimit else { return false }
        // An output of zero reverts: at least one unit is asked for in any case.
        let target = Swift.max(target, .one)
        let (withFee, feeOverflow) = amountIn.multipliedAndAddedReportingOverflow(by: multiplier, adding: 0)
        let (numerator, numeratorOverflow) = amountIn.multipliedReportingOverflow(by: numeratorFactor)
        let (denominator, sumOverflow) = base.addingReportingOverflow(withFee)
        guard !(feeOverflow || numeratorOverflow || sumOverflow) else { return false }
        let (needed, neededOverflow) = target.multipliedReportingOverflow(by: denominator)
        return !neededOverflow && numerator >= needed
    }

    /// The map `x ↦ k·x / (m + n·x)` the quote rounds down, in floating point: `(k, m, n)`.
    public var approximateMap: (k: Double, m: Double, n: Double) {
        (numeratorFactor.approximateDouble, base.approximateDouble, Double(multiplier))
    }
}
