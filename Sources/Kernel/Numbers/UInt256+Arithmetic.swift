// Addition, subtraction, multiplication, bitwise operations and shifts for UInt256.

extension UInt256 {
    /// `a * b + addend + carry` as a 128-bit (high, low) pair; never overflows.
    @inlinable @inline(__always)
    internal static func mac(_ a: UInt64, _ b: UInt64, _ addend: UInt64, _ carry: UInt64) -> (high: UInt64, low: UInt64) {
        let p = a.multipliedFullWidth(by: b)
        let (l1, c1) = p.low.addingReportingOverflow(addend)
        let (l2, c2) = l1.addingReportingOverflow(carry)
        // p.high <= 2^64 - 2, so adding two carries cannot overflow.
        return (p.high &+ (c1 ? 1 : 0) &+ (c2 ? 1 : 0), l2)
    }

    /// The sum and whether it exceeded 2^256 − 1 (the partial value is the sum modulo 2^256).
    @inlinable @inline(__always)
    public func addingReportingOverflow(_ other: UInt256) -> (partialValue: UInt256, overflow: Bool) {
        let (r0, c0) = w0.addingReportingOverflow(other.w0)
        var (r1, c1) = w1.addingReportingOverflow(other.w1)
        var (r2, c2) = w2.addingReportingOverflow(other.w2)
        var (r3, c3) = w3.addingReportingOverflow(other.w3)
        if c0 { let t = r1.addingReportingOverflow(1); r1 = t.partialValue; c1 = c1 || t.overflow }
        if c1 { let t = r2.addingReportingOverflow(1); r2 = t.partialValue; c2 = c2 || t.overflow }
        if c2 { let t = r3.addingReportingOverflow(1); r3 = t.partialValue; c3 = c3 || t.overflow }
        return (UInt256(r0, r1, r2, r3), c3)
    }

    /// The difference and whether it was negative (the partial value is the difference modulo 2^256).
    @inlinable @inline(__always)
    public func subtractingReportingOverflow(_ other: UInt256) -> (partialValue: UInt256, overflow: Bool) {
        let (r0, b0) = w0.subtractingReportingOverflow(other.w0)
        var (r1, b1) = w1.subtractingReportingOverflow(other.w1)
        var (r2, b2) = w2.subtractingReportingOverflow(other.w2)
        var (r3, b3) = w3.subtractingReportingOverflow(other.w3)
        if b0 { let t = r1.subtractingReportingOverflow(1); r1 = t.partialValue; b1 = b1 || t.overflow }
        if b1 { let t = r2.subtractingReportingOverflow(1); r2 = t.partialValue; b2 = b2 || t.overflow }
        if b2 { let t = r3.subtractingReportingOverflow(1); r3 = t.partialValue; b3 = b3 || t.overflow }
        return (UInt256(r0, r1, r2, r3), b3)
    }

    /// The full 512-bit product as two 256-bit halves.
    @inlinable
    public func multipliedFullWidth(by other: UInt256) -> (high: UInt256, low: UInt256) {
        let a0 = w0, a1 = w1, a2 = w2, a3 = w3
        let b0 = other.w0, b1 = other.w1, b2 = other.w2, b3 = other.w3
        var c: UInt64
        var r0: UInt64, r1: UInt64, r2: UInt64, r3: UInt64, r4: UInt64, r5: UInt64, r6: UInt64, r7: UInt64
        // Row 0.
        (c, r0) = Self.mac(a0, b0, 0, 0)
        (c, r1) = Self.mac(a0, b1, 0, c)
        (c, r2) = Self.mac(a0, b2, 0, c)
        (r4, r3) = Self.mac(a0, b3, 0, c)
        // Row 1.
        (c, r1) = Self.mac(a1, b0, r1, 0)
        (c, r2) = Self.mac(a1, b1, r2, c)
        (c, r3) = Self.mac(a1, b2, r3, c)
        (r5, r4) = Self.mac(a1, b3, r4, c)
        // Row 2.
        (c, r2) = Self.mac(a2, b0, r2, 0)
        (c, r3) = Self.mac(a2, b1, r3, c)
        (c, r4) = Self.mac(a2, b2, r4, c)
        (r6, r5) = Self.mac(a2, b3, r5, c)
        // Row 3.
        (c, r3) = Self.mac(a3, b0, r3, 0)
        (c, r4) = Self.mac(a3, b1, r4, c)
        (c, r5) = Self.mac(a3, b2, r5, c)
        (r7, r6) = Self.mac(a3, b3, r6, c)
        return (UInt256(r4, r5, r6, r7), UInt256(r0, r1, r2, r3))
    }

    /// The product modulo 2^256 (only the low half is computed).
    @inlinable
    func multipliedWrapping(by other: UInt256) -> UInt256 {
        let a0 = w0, a1 = w1, a2 = w2, a3 = w3
        let b0 = other.w0, b1 = other.w1, b2 = other.w2, b3 = other.w3
        var c: UInt64
        var r0: UInt64, r1: UInt64, r2: UInt64, r3: UInt64
        (c, r0) = Self.mac(a0, b0, 0, 0)
        (c, r1) = Self.mac(a0, b1, 0, c)
        (c, r2) = Self.mac(a0, b2, 0, c)
        r3 = a0 &* b3 &+ c
        (c, r1) = Self.mac(a1, b0, r1, 0)
        (c, r2) = Self.mac(a1, b1, r2, c)
        r3 = r3 &+ a1 &* b2 &+ c
        (c, r2) = Self.mac(a2, b0, r2, 0)
        r3 = r3 &+ a2 &* b1 &+ c
        r3 = r3 &+ a3 &* b0
        return UInt256(r0, r1, r2, r3)
    }

    /// The product and whether it exceeded 2^256 − 1 (the partial value is the product modulo 2^256).
    @inlinable
    public func multipliedReportingOverflow(by other: UInt256) -> (partialValue: UInt256, overflow: Bool) {
        // Fast path: both operands below 2^128 cannot overflow.
        if (w2 | w3 | other.w2 | other.w3) == 0 {
            return (multipliedWrapping(by: other), false)
        }
        let (high, low) = multipliedFullWidth(by: other)
        return (low, !high.isZero)
    }

    /// The product of `self` and a 64-bit factor plus a 64-bit addend, and whether it exceeded
    /// 2^256 − 1. Used by decimal parsing and base conversions.
    @inlinable
    func multipliedAndAddedReportingOverflow(by factor: UInt64, adding addend: UInt64) -> (partialValue: UInt256, overflow: Bool) {
        var c: UInt64
        var r0: UInt64, r1: UInt64, r2: UInt64, r3: UInt64
        (c, r0) = Self.mac(w0, factor, addend, 0)
        (c, r1) = Self.mac(w1, factor, 0, c)
        (c, r2) = Self.mac(w2, factor, 0, c)
        (c, r3) = Self.mac(w3, factor, 0, c)
        return (UInt256(r0, r1, r2, r3), c != 0)
    }

    // MARK: Wrapping operators

    /// Addition modulo 2^256.
    @inlinable @inline(__always)
    public static func &+ (a: UInt256, b: UInt256) -> UInt256 { a.addingReportingOverflow(b).partialValue }

    /// Subtraction modulo 2^256.
    @inlinable @inline(__always)
    public static func &- (a: UInt256, b: UInt256) -> UInt256 { a.subtractingReportingOverflow(b).partialValue }

    /// Multiplication modulo 2^256.
    @inlinable @inline(__always)
    public static func &* (a: UInt256, b: UInt256) -> UInt256 { a.multipliedWrapping(by: b) }

    /// Adds modulo 2^256 in place.
    @inlinable @inline(__always)
    public static func &+= (a: inout UInt256, b: UInt256) { a = a &+ b }

    /// Subtracts modulo 2^256 in place.
    @inlinable @inline(__always)
    public static func &-= (a: inout UInt256, b: UInt256) { a = a &- b }

    /// Multiplies modulo 2^256 in place.
    @inlinable @inline(__always)
    public static func &*= (a: inout UInt256, b: UInt256) { a = a &* b }

    // MARK: Trapping operators

    /// Addition that traps on overflow, like Swift's integers. For trusted, internal arithmetic
    /// only: values from outside use `addingReportingOverflow`.
    @inlinable @inline(__always)
    public static func + (a: UInt256, b: UInt256) -> UInt256 {
        let (r, o) = a.addingReportingOverflow(b)
        precondition(!o, "UInt256 arithmetic overflow in +")
        return r
    }

    /// Subtraction that traps when the result would be negative. For trusted, internal arithmetic
    /// only: values from outside use `subtractingReportingOverflow`.
    @inlinable @inline(__always)
    public static func - (a: UInt256, b: UInt256) -> UInt256 {
        let (r, o) = a.subtractingReportingOverflow(b)
        precondition(!o, "UInt256 arithmetic overflow in -")
        return r
    }

    /// Multiplication that traps on overflow. For trusted, internal arithmetic only: values from
    /// outside use `multipliedReportingOverflow` or `mulDiv`.
    @inlinable @inline(__always)
    public static func * (a: UInt256, b: UInt256) -> UInt256 {
        let (r, o) = a.multipliedReportingOverflow(by: b)
        precondition(!o, "UInt256 arithmetic overflow in *")
        return r
    }

    /// Adds in place, trapping on overflow.
    @inlinable @inline(__always)
    public static func += (a: inout UInt256, b: UInt256) { a = a + b }

    /// Subtracts in place, trapping on overflow.
    @inlinable @inline(__always)
    public static func -= (a: inout UInt256, b: UInt256) { a = a - b }

    /// Multiplies in place, trapping on overflow.
    @inlinable @inline(__always)
    public static func *= (a: inout UInt256, b: UInt256) { a = a * b }

    // MARK: Bitwise operators

    /// Bitwise AND.
    @inlinable @inline(__always)
    public static func & (a: UInt256, b: UInt256) -> UInt256 {
        UInt256(a.w0 & b.w0, a.w1 & b.w1, a.w2 & b.w2, a.w3 & b.w3)
    }

    /// Bitwise OR.
    @inlinable @inline(__always)
    public static func | (a: UInt256, b: UInt256) -> UInt256 {
        UInt256(a.w0 | b.w0, a.w1 | b.w1, a.w2 | b.w2, a.w3 | b.w3)
    }

    /// Bitwise XOR.
    @inlinable @inline(__always)
    public static func ^ (a: UInt256, b: UInt256) -> UInt256 {
        UInt256(a.w0 ^ b.w0, a.w1 ^ b.w1, a.w2 ^ b.w2, a.w3 ^ b.w3)
    }

    /// Bitwise NOT.
    @inlinable @inline(__always)
    public static prefix func ~ (a: UInt256) -> UInt256 {
        UInt256(~a.w0, ~a.w1, ~a.w2, ~a.w3)
    }

    /// Bitwise AND in place.
    @inlinable @inline(__always)
    public static func &= (a: inout UInt256, b: UInt256) { a = a & b }

    /// Bitwise OR in place.
    @inlinable @inline(__always)
    public static func |= (a: inout UInt256, b: UInt256) { a = a | b }

    /// Bitwise XOR in place.
    @inlinable @inline(__always)
    public static func ^= (a: inout UInt256, b: UInt256) { a = a ^ b }

    // MARK: Shifts

    /// `self << shift` for `0 <= shift < 256`.
    @inlinable @inline(__always)
    internal func shiftedLeft(_ shift: Int) -> UInt256 {
        let words = shift >> 6
        let bits = UInt64(shift & 63)
        var a = w0, b = w1, c = w2, d = w3
        switch words {
        case 0: break
        case 1: (a, b, c, d) = (0, a, b, c)
        case 2: (a, b, c, d) = (0, 0, a, b)
        default: (a, b, c, d) = (0, 0, 0, a)
        }
        if bits == 0 { return UInt256(a, b, c, d) }
        let back = 64 &- bits
        return UInt256(a &<< bits, b &<< bits | a &>> back, c &<< bits | b &>> back, d &<< bits | c &>> back)
    }

    /// `self >> shift` for `0 <= shift < 256`.
    @inlinable @inline(__always)
    internal func shiftedRight(_ shift: Int) -> UInt256 {
        let words = shift >> 6
        let bits = UInt64(shift & 63)
        var a = w0, b = w1, c = w2, d = w3
        switch words {
        case 0: break
        case 1: (a, b, c, d) = (b, c, d, 0)
        case 2: (a, b, c, d) = (c, d, 0, 0)
        default: (a, b, c, d) = (d, 0, 0, 0)
        }
        if bits == 0 { return UInt256(a, b, c, d) }
        let back = 64 &- bits
        return UInt256(a &>> bits | b &<< back, b &>> bits | c &<< back, c &>> bits | d &<< back, d &>> bits)
    }

    /// Left shift with Swift's smart-shift semantics: a shift of 256 or more gives zero, a
    /// negative shift shifts right.
    @inlinable
    public static func << (a: UInt256, shift: Int) -> UInt256 {
        if shift >= 0 {
            return shift < 256 ? a.shiftedLeft(shift) : .zero
        }
        return shift > -256 ? a.shiftedRight(-shift) : .zero
    }

    /// Right shift with Swift's smart-shift semantics: a shift of 256 or more gives zero, a
    /// negative shift shifts left.
    @inlinable
    public static func >> (a: UInt256, shift: Int) -> UInt256 {
        if shift >= 0 {
            return shift < 256 ? a.shiftedRight(shift) : .zero
        }
        return shift > -256 ? a.shiftedLeft(-shift) : .zero
    }

    /// Shifts left in place (smart-shift semantics).
    @inlinable @inline(__always)
    public static func <<= (a: inout UInt256, shift: Int) { a = a << shift }

    /// Shifts right in place (smart-shift semantics).
    @inlinable @inline(__always)
    public static func >>= (a: inout UInt256, shift: Int) { a = a >> shift }
}
