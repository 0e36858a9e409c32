// Uniswap's FullMath and UnsafeMath semantics: a * b / denominator with a 512-bit intermediate.

extension UInt256 {
    /// `floor(a * b / denominator)` computed with a full 512-bit product, as Uniswap's
    /// `FullMath.mulDiv`.
    ///
    /// Returns nil exactly where `FullMath.mulDiv` reverts: `denominator == 0`, or the quotient
    /// does not fit in 256 bits. Never allocates.
    @inlinable @inline(__always)
    public static func mulDiv(_ a: UInt256, _ b: UInt256, _ denominator: UInt256) -> UInt256? {
        fullMulDiv(a, b, denominator)
    }
}

/// `UInt256.mulDiv`'s body, a free function for the reason `wideDivision` gives (55 ns rather
/// than 59 called from another module).
@usableFromInline
func fullMulDiv(_ a: UInt256, _ b: UInt256, _ denominator: UInt256) -> UInt256? {
    guard !denominator.isZero else { return nil }
    let (high, low) = a.multipliedFullWidth(by: b)
    if high.isZero {
        return low.quotientAndRemainder(dividingBy: denominator)?.quotient
    }
    guard high < denominator else { return nil }
    return UInt256.divideWide(high: high, low: low, by: denominator).quotient
}

extension UInt256 {
    /// `ceil(a * b / denominator)` computed with a full 512-bit product, as Uniswap's
    /// `FullMath.mulDivRoundingUp`.
    ///
    /// Returns nil where `FullMath.mulDivRoundingUp` reverts: `denominator == 0`, the floor
    /// quotient does not fit in 256 bits, or rounding it up would exceed 2^256 − 1.
    public static func mulDivRoundingUp(_ a: UInt256, _ b: UInt256, _ denominator: UInt256) -> UInt256? {
        guard !denominator.isZero else { return nil }
        let (high, low) = a.multipliedFullWidth(by: b)
        let quotient: UInt256
        let remainder: UInt256
        if high.isZero {
            guard let qr = low.quotientAndRemainder(dividingBy: denominator) else { return nil }
            (quotient, remainder) = qr
        } else {
            guard high < denominator else { return nil }
            (quotient, remainder) = divideWide(high: high, low: low, by: denominator)
        }
        if remainder.isZero { return quotient }
        let (rounded, overflow) = quotient.addingReportingOverflow(.one)
        return overflow ? nil : rounded
    }

    /// `ceil(x / y)`, as Uniswap's `UnsafeMath.divRoundingUp`, except that a zero divisor gives
    /// nil instead of the EVM's silent zero. Cannot overflow otherwise.
    @inlinable
    static func divRoundingUp(_ x: UInt256, _ y: UInt256) -> UInt256? {
        guard let (q, r) = x.quotientAndRemainder(dividingBy: y) else { return nil }
        // q < 2^256 - 1 whenever r != 0 (then y >= 2), so the increment cannot wrap.
        return r.isZero ? q : q &+ .one
    }

    /// `(a * b) mod modulus` with a 512-bit intermediate (the EVM's `MULMOD`); nil for a zero
    /// modulus.
    static func mulMod(_ a: UInt256, _ b: UInt256, _ modulus: UInt256) -> UInt256? {
        guard !modulus.isZero else { return nil }
        let (high, low) = a.multipliedFullWidth(by: b)
        if high.isZero {
            return low.quotientAndRemainder(dividingBy: modulus)?.remainder
        }
        // Reduce the high half first so that the wide division's precondition holds.
        let reducedHigh = high < modulus ? high : divideWide(high: .zero, low: high, by: modulus).remainder
        return divideWide(high: reducedHigh, low: low, by: modulus).remainder
    }
}
