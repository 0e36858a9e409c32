import Kernel

/// The map `x ↦ k·x / (m + n·x)`: what a constant-product hop (or a concentrated-liquidity hop
/// that stays in its tick range) pays for an input `x`, in real numbers, before the pool's
/// integer rounding.
///
/// Composing two such maps gives another (`then`), so a whole cycle of them is one map and its
/// profit `x ↦ f(x) − x` has a closed-form maximum (`MobiusOptimum`).
///
/// Size and rounding policy: every coefficient is kept below 2^254, so that products of two fit
/// 508 bits, sums of two fit 255 bits, and `ProductSquareRoot` applies. A composition of three
/// pools with large reserves needs more (each product of coefficients doubles their width), so
/// `then` shifts `k`, `m` and `n` right by one common amount until the largest is below 2^253:
/// the ratios, and so the map, change only by the bits dropped, less than one unit of each
/// kept coefficient (the tests bound the change by `1/k + (1 + x)/(m + n·x)`, relatively). The
/// shift rounds `k` up and `m`, `n` down, so the map never decreases: a map that bounds a pool's
/// exact integer quote from above still does after normalising, which is what lets
/// `CycleSizer` prove an optimum.
public struct MobiusMap: Sendable, Hashable {
    /// The numerator's factor.
    public let k: UInt256
    /// The denominator's constant term.
    public let m: UInt256
    /// The denominator's factor on `x`.
    public let n: UInt256

    /// Coefficients are kept below 2^(`coefficientBits`).
    static let coefficientBits = 254

    /// The map `x ↦ k·x / (m + n·x)`, normalised as the type describes; nil when `m` or `n` is
    /// zero (no pool pays a linear or unbounded amount) or when normalising leaves `m` or `n`
    /// at zero.
    public init?(k: UInt256, m: UInt256, n: UInt256) {
        self.init(UInt512(k), UInt512(m), UInt512(n))
    }

    /// Normalises 512-bit coefficients into a map (nil as for `init(k:m:n:)`).
    init?(_ k: UInt512, _ m: UInt512, _ n: UInt512) {
        let widest = Swift.max(k.bitWidth, m.bitWidth, n.bitWidth)
        let shift = widest < Self.coefficientBits ? 0 : widest - (Self.coefficientBits - 1)
        let m = m.shiftedRight(shift), n = n.shiftedRight(shift)
        guard !m.isZero, !n.isZero else { return nil }
        self.k = shift == 0 ? k.low : k.shiftedRightRoundingUp(shift)
        self.m = m
        self.n = n
    }

    /// This map followed by `next`: `x ↦ next(self(x))`, i.e. `k₁k₂·x / (m₁m₂ + (m₂n₁ + k₁n₂)·x)`,
    /// normalised; nil when normalising leaves a zero denominator coefficient.
    public func then(_ next: MobiusMap) -> MobiusMap? {
        // Each product is below 2^508, so their sum cannot overflow 512 bits.
        guard let denominatorFactor = UInt512(next.m, times: n).adding(UInt512(k, times: next.n)) else { return nil }
        return MobiusMap(UInt512(k, times: next.k), UInt512(m, times: next.m), denominatorFactor)
    }
}
