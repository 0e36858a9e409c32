import Kernel

/// Vyper's checked `uint256` operators: each failure reverts with `CurveRevert.safeMath`.
enum CheckedMath {
    /// `a + b`.
    @inline(__always)
    static func add(_ a: UInt256, _ b: UInt256) throws(PoolError) -> UInt256 {
        try a.adding(b, orRevert: CurveRevert.safeMath)
    }

    /// `a - b`.
    @inline(__always)
    static func sub(_ a: UInt256, _ b: UInt256) throws(PoolError) -> UInt256 {
        try a.subtracting(b, orRevert: CurveRevert.safeMath)
    }

    /// `a * b`.
    @inline(__always)
    static func mul(_ a: UInt256, _ b: UInt256) throws(PoolError) -> UInt256 {
        try a.multiplied(by: b, orRevert: CurveRevert.safeMath)
    }

    /// `a / b`, reverting on a zero divisor.
    @inline(__always)
    static func div(_ a: UInt256, _ b: UInt256) throws(PoolError) -> UInt256 {
        try a.divided(by: b, orRevert: CurveRevert.safeMath)
    }

    /// `unsafe_div(a, b)`: the EVM's `DIV`, 0 for a zero divisor.
    @inline(__always)
    static func unsafeDiv(_ a: UInt256, _ b: UInt256) -> UInt256 {
        a.quotientAndRemainder(dividingBy: b)?.quotient ?? .zero
    }

    /// Whether `a` and `b` differ by at most 1: the Newton loops' stop test.
    @inline(__always)
    static func withinOne(_ a: UInt256, _ b: UInt256) -> Bool {
        let difference = a > b ? a &- b : b &- a
        return difference <= .one
    }
}
