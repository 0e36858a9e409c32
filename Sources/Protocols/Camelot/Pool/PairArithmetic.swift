import Kernel

/// The pair's arithmetic as Solidity 0.5.16 compiles it: `SafeMath`'s checked `add`/`sub`/`mul`
/// revert with their ds-math reasons, raw `+ - *` wrap modulo 2^256 (the `&` operators), and a
/// raw `/` by zero reverts.
enum PairArithmetic {
    /// 10^18, the stable math's fixed-point one.
    static let e18 = UInt256(1_000_000_000_000_000_000)

    /// `SafeMath.add`.
    @inline(__always)
    static func add(_ a: UInt256, _ b: UInt256) throws(PoolError) -> UInt256 {
        try a.adding(b, orRevert: CamelotPairReason.addOverflow)
    }

    /// `SafeMath.sub`.
    @inline(__always)
    static func sub(_ a: UInt256, _ b: UInt256) throws(PoolError) -> UInt256 {
        try a.subtracting(b, orRevert: CamelotPairReason.subUnderflow)
    }

    /// `SafeMath.mul`.
    @inline(__always)
    static func mul(_ a: UInt256, _ b: UInt256) throws(PoolError) -> UInt256 {
        try a.multiplied(by: b, orRevert: CamelotPairReason.mulOverflow)
    }

    /// A raw `/`: floor division, reverting on a zero divisor.
    @inline(__always)
    static func div(_ a: UInt256, _ b: UInt256) throws(PoolError) -> UInt256 {
        if b.w1 | b.w2 | b.w3 == 0, b.w0 != 0 { return divide(a, byWord: b.w0) }
        return try a.divided(by: b, orRevert: CamelotPairReason.divisionByZero)
    }

    /// `a / 1e18`, which cannot fail.
    @inline(__always)
    static func divE18(_ a: UInt256) -> UInt256 {
        divide(a, byWord: 1_000_000_000_000_000_000)
    }

    /// `floor(a / divisor)` for a non-zero one-word divisor: schoolbook division one 64-bit word
    /// at a time (each step's remainder is below the divisor, as `dividingFullWidth` requires).
    @inline(__always)
    static func divide(_ a: UInt256, byWord divisor: UInt64) -> UInt256 {
        let (q3, r3) = a.w3.quotientAndRemainder(dividingBy: divisor)
        let (q2, r2) = divisor.dividingFullWidth((r3, a.w2))
        let (q1, r1) = divisor.dividingFullWidth((r2, a.w1))
        let (q0, _) = divisor.dividingFullWidth((r1, a.w0))
        return UInt256(q0, q1, q2, q3)
    }
}
