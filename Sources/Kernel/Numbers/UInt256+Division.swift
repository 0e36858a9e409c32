// Division of UInt256 (and of 512-bit numerators by UInt256): Knuth's algorithm D over 64-bit
// words with Möller–Granlund quotient-digit estimates. Nothing here allocates.

extension UInt256 {
    /// Divides the 512-bit value `high * 2^256 + low` by `divisor`.
    ///
    /// Preconditions (checked by every caller, not here): `divisor != 0` and `high < divisor`,
    /// so that the quotient fits in 256 bits. Never allocates.
    ///
    /// Method: Knuth's algorithm D (TAOCP vol. 2, 4.3.1) on 64-bit words, with each quotient
    /// digit estimated by Möller and Granlund's division by invariant integers ("Improved
    /// division by invariant integers", IEEE Trans. Computers, 2011): one 128-by-64 division
    /// per call for the divisor's reciprocal, then multiplications only. A 1-word divisor takes
    /// short division, a 2-word one a 3-by-2 step per word, a power of two a shift.
    @inlinable @inline(__always)
    internal static func divideWide(high: UInt256, low: UInt256, by divisor: UInt256) -> (quotient: UInt256, remainder: UInt256) {
        wideDivision(high: high, low: low, by: divisor)
    }
}

/// `UInt256.divideWide`'s body, a free function rather than a static method: the optimizer
/// drops a static method's unused metatype by splitting it into a thunk (the public symbol)
/// and a body, and a call from another module through the thunk stalls on store forwarding
/// of its 256-bit arguments. Measured on a 234-by-123-bit division (a pair's quote): 39 ns
/// through the thunk, 21 ns without it.
@usableFromInline
internal func wideDivision(high: UInt256, low: UInt256, by divisor: UInt256) -> (quotient: UInt256, remainder: UInt256) {
    // Powers of two (Q64.96, Q128.128 fixed-point scales) are a shift.
    let divisorMinusOne = divisor &- .one
    if (divisor & divisorMinusOne).isZero {
        let k = divisor.trailingZeroBitCount
        let quotient = k == 0 ? low : (low.shiftedRight(k) | high.shiftedLeft(256 - k))
        return (quotient, low & divisorMinusOne)
    }

    let n = divisor.significantWordCount
    let s = divisor.leadingZeroBitCount & 63
    if n == 1 {
        // Short division by one normalized word. The running remainder stays below it.
        let d = divisor.w0 << UInt64(s)
        let reciprocal = UInt256.reciprocal2by1(d)
        let nl = low.shiftedLeft(s)
        var r = s == 0 ? high.w0 : (high.w0 << UInt64(s) | low.w3 >> UInt64(64 - s))
        let q3: UInt64, q2: UInt64, q1: UInt64, q0: UInt64
        (q3, r) = UInt256.divide2by1(r, nl.w3, d, reciprocal)
        (q2, r) = UInt256.divide2by1(r, nl.w2, d, reciprocal)
        (q1, r) = UInt256.divide2by1(r, nl.w1, d, reciprocal)
        (q0, r) = UInt256.divide2by1(r, nl.w0, d, reciprocal)
        return (UInt256(q0, q1, q2, q3), UInt256(r >> UInt64(s)))
    }

    // Normalize so that the divisor's top word has its top bit set. Because high < divisor,
    // the shifted numerator still fits in 512 bits.
    let dn = divisor.shiftedLeft(s)
    let uh = s == 0 ? high : (high.shiftedLeft(s) | low.shiftedRight(256 - s))
    let ul = low.shiftedLeft(s)

    if n == 2 {
        // Two-word divisor: every step is one 3-by-2 division, no multiply-subtract.
        let d1 = dn.w1, d0 = dn.w0
        let reciprocal = UInt256.reciprocal3by2(d1, d0)
        // high < divisor, so (uh.w1, uh.w0) < (d1, d0) and uh.w2 == uh.w3 == 0.
        var r1 = uh.w1, r0 = uh.w0
        var q: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)
        (q.3, r1, r0) = UInt256.divide3by2SkippingZeroDigit(r1, r0, ul.w3, d1, d0, reciprocal)
        (q.2, r1, r0) = UInt256.divide3by2SkippingZeroDigit(r1, r0, ul.w2, d1, d0, reciprocal)
        (q.1, r1, r0) = UInt256.divide3by2SkippingZeroDigit(r1, r0, ul.w1, d1, d0, reciprocal)
        (q.0, r1, r0) = UInt256.divide3by2SkippingZeroDigit(r1, r0, ul.w0, d1, d0, reciprocal)
        return (UInt256(q.0, q.1, q.2, q.3), UInt256(r0, r1, 0, 0).shiftedRight(s))
    }

    var u: (UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64) =
        (ul.w0, ul.w1, ul.w2, ul.w3, uh.w0, uh.w1, uh.w2, uh.w3)
    var v: (UInt64, UInt64, UInt64, UInt64) = (dn.w0, dn.w1, dn.w2, dn.w3)
    var q: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)

    // The numerator's significant length; quotient words above `uLength - n` are zero.
    let uLength: Int
    if uh.w3 != 0 { uLength = 8 } else if uh.w2 != 0 { uLength = 7 } else if uh.w1 != 0 { uLength = 6 }
    else if uh.w0 != 0 { uLength = 5 } else if ul.w3 != 0 { uLength = 4 } else if ul.w2 != 0 { uLength = 3 }
    else if ul.w1 != 0 { uLength = 2 } else { uLength = 1 }
    let jStart = Swift.min(3, uLength - n)
    if jStart < 0 {
        // Numerator below the divisor (then high is zero).
        return (.zero, low)
    }

    withUnsafeMutablePointer(to: &u) { uTuple in
        uTuple.withMemoryRebound(to: UInt64.self, capacity: 8) { u in
            withUnsafeMutablePointer(to: &v) { vTuple in
                vTuple.withMemoryRebound(to: UInt64.self, capacity: 4) { v in
                    withUnsafeMutablePointer(to: &q) { qTuple in
                        qTuple.withMemoryRebound(to: UInt64.self, capacity: 4) { q in
                            // Constant word counts let the compiler unroll the inner loops.
                            if n == 3 {
                                UInt256.knuthD(u: u, v: v, n: 3, q: q, jStart: jStart)
                            } else {
                                UInt256.knuthD(u: u, v: v, n: 4, q: q, jStart: jStart)
                            }
                        }
                    }
                }
            }
        }
    }

    let remainder = UInt256(u.0, u.1, u.2, u.3).shiftedRight(s)
    return (UInt256(q.0, q.1, q.2, q.3), remainder)
}

extension UInt256 {

    /// The reciprocal `floor((2^128 - 1) / d) - 2^64` of a normalized word `d` (top bit set)
    /// (Möller and Granlund, section 3).
    @inlinable @inline(__always)
    internal static func reciprocal2by1(_ d: UInt64) -> UInt64 {
        // (2^128 - 1) - 2^64 * d = (~d) * 2^64 + (2^64 - 1), and ~d < d.
        d.dividingFullWidth((~d, .max)).quotient
    }

    /// The reciprocal `floor((2^192 - 1) / (d1 * 2^64 + d0)) - 2^64` of a normalized two-word
    /// divisor (Möller and Granlund, algorithm 6).
    @inlinable @inline(__always)
    internal static func reciprocal3by2(_ d1: UInt64, _ d0: UInt64) -> UInt64 {
        var v = UInt256.reciprocal2by1(d1)
        var p = d1 &* v
        p &+= d0
        if p < d0 {
            v &-= 1
            if p >= d1 {
                v &-= 1
                p &-= d1
            }
            p &-= d1
        }
        let t = v.multipliedFullWidth(by: d0)
        p &+= t.high
        if p < t.high {
            v &-= 1
            if p > d1 || (p == d1 && t.low >= d0) {
                v &-= 1
            }
        }
        return v
    }

    /// `(u1 * 2^64 + u0) / d` and its remainder for a normalized `d` with reciprocal `v` and
    /// `u1 < d` (Möller and Granlund, algorithm 4): two multiplications instead of a division.
    @inlinable @inline(__always)
    internal static func divide2by1(_ u1: UInt64, _ u0: UInt64, _ d: UInt64, _ v: UInt64) -> (quotient: UInt64, remainder: UInt64) {
        let p = v.multipliedFullWidth(by: u1)
        let (q0, c) = p.low.addingReportingOverflow(u0)
        var q1 = p.high &+ u1 &+ (c ? 1 : 0) &+ 1
        var r = u0 &- q1 &* d
        if r > q0 {
            q1 &-= 1
            r &+= d
        }
        if r >= d {
            q1 &+= 1
            r &-= d
        }
        return (q1, r)
    }

    /// `(u2, u1, u0) / (d1, d0)` (big-endian word triples) and its two-word remainder, for a
    /// normalized divisor with reciprocal `v` (from `reciprocal3by2`) and `(u2, u1) < (d1, d0)`
    /// (Möller and Granlund, algorithm 5).
    @inlinable @inline(__always)
    internal static func divide3by2(
        _ u2: UInt64, _ u1: UInt64, _ u0: UInt64, _ d1: UInt64, _ d0: UInt64, _ v: UInt64
    ) -> (quotient: UInt64, r1: UInt64, r0: UInt64) {
        // <q1, q0> = v * u2 + <u2, u1>
        let p = v.multipliedFullWidth(by: u2)
        let (q0, c) = p.low.addingReportingOverflow(u1)
        var q1 = p.high &+ u2 &+ (c ? 1 : 0)
        // <r1, r0> = <u1 - q1*d1, u0> - d0*q1 - <d1, d0>   (mod 2^128)
        let r1a = u1 &- q1 &* d1
        let t = d0.multipliedFullWidth(by: q1)
        var (r0, b0) = u0.subtractingReportingOverflow(t.low)
        var r1 = r1a &- t.high &- (b0 ? 1 : 0)
        (r0, b0) = r0.subtractingReportingOverflow(d0)
        r1 = r1 &- d1 &- (b0 ? 1 : 0)
        q1 &+= 1
        if r1 >= q0 {
            q1 &-= 1
            let (s0, c0) = r0.addingReportingOverflow(d0)
            r0 = s0
            r1 = r1 &+ d1 &+ (c0 ? 1 : 0)
        }
        if r1 > d1 || (r1 == d1 && r0 >= d0) {
            q1 &+= 1
            let (s0, b) = r0.subtractingReportingOverflow(d0)
            r0 = s0
            r1 = r1 &- d1 &- (b ? 1 : 0)
        }
        return (q1, r1, r0)
    }

    /// `divide3by2`, except that a step whose digit is plainly zero (`u2 == 0` and `u1 < d1`:
    /// the three words are below the divisor) only shifts the words: a numerator of fewer words
    /// than the quotient allows (a pair's quote divides about 4 words by 2) skips its leading
    /// steps for two comparisons.
    @inlinable @inline(__always)
    internal static func divide3by2SkippingZeroDigit(
        _ u2: UInt64, _ u1: UInt64, _ u0: UInt64, _ d1: UInt64, _ d0: UInt64, _ v: UInt64
    ) -> (quotient: UInt64, r1: UInt64, r0: UInt64) {
        if u2 == 0 && u1 < d1 { return (0, u1, u0) }
        return UInt256.divide3by2(u2, u1, u0, d1, d0, v)
    }

    /// The main loop of Knuth's algorithm D with 64-bit digits, for divisors of 3 or 4 words.
    ///
    /// `u` holds the normalized numerator (8 words), `v` the normalized divisor (`n` significant
    /// words, top bit of `v[n-1]` set). Invariant at each step `j`: the number
    /// `u[j+n] ... u[j+1]` is below `v`, so each quotient digit fits in a word. Leaves the
    /// normalized remainder in `u[0..<n]` and the quotient digits in `q[0...jStart]`.
    @inline(__always)
    internal static func knuthD(
        u: UnsafeMutablePointer<UInt64>,
        v: UnsafeMutablePointer<UInt64>,
        n: Int,
        q: UnsafeMutablePointer<UInt64>,
        jStart: Int
    ) {
        let d1 = v[n &- 1]
        let d0 = v[n &- 2]
        let reciprocal = UInt256.reciprocal3by2(d1, d0)
        var j = jStart
        while j >= 0 {
            let u2 = u[j &+ n]
            let u1 = u[j &+ n &- 1]
            let u0 = u[j &+ n &- 2]
            var qhat: UInt64
            if u2 == d1 && u1 == d0 {
                // The 3-by-2 division would overflow. Then the digit is exactly B - 1: with
                // T = (d1, d0) * B^(n-1), the numerator part is at least T, while
                // (B - 1) * v = v * B - v < T + B^(n-1) - v < T. So no add-back is needed.
                qhat = .max
                var carry: UInt64 = 0
                var borrow = false
                var i = 0
                while i < n {
                    let p = qhat.multipliedFullWidth(by: v[i])
                    let (pl, c) = p.low.addingReportingOverflow(carry)
                    carry = p.high &+ (c ? 1 : 0)
                    let (t1, b1) = u[i &+ j].subtractingReportingOverflow(pl)
                    let (t2, b2) = t1.subtractingReportingOverflow(borrow ? 1 : 0)
                    u[i &+ j] = t2
                    borrow = b1 || b2
                    i &+= 1
                }
                u[j &+ n] = u2 &- carry &- (borrow ? 1 : 0)
                assert(u[j &+ n] == 0, "UInt256 division: quotient digit B - 1 went negative")
            } else {
                // The 3-by-2 estimate is the true digit or one more; it also gives the top two
                // remainder words, so only the lower n - 2 words need a multiply-subtract.
                let (estimate, r1, r0) = UInt256.divide3by2(u2, u1, u0, d1, d0, reciprocal)
                qhat = estimate
                var carry: UInt64 = 0
                var borrow = false
                var i = 0
                while i < n &- 2 {
                    let p = qhat.multipliedFullWidth(by: v[i])
                    let (pl, c) = p.low.addingReportingOverflow(carry)
                    carry = p.high &+ (c ? 1 : 0)
                    let (t1, b1) = u[i &+ j].subtractingReportingOverflow(pl)
                    let (t2, b2) = t1.subtractingReportingOverflow(borrow ? 1 : 0)
                    u[i &+ j] = t2
                    borrow = b1 || b2
                    i &+= 1
                }
                // Subtract the lower part's carry-out from the top two remainder words.
                let (a1, c1) = r0.subtractingReportingOverflow(carry)
                let (a2, c2) = a1.subtractingReportingOverflow(borrow ? 1 : 0)
                let (h1, c3) = r1.subtractingReportingOverflow((c1 || c2) ? 1 : 0)
                u[j &+ n &- 2] = a2
                u[j &+ n &- 1] = h1
                // A borrow out of the top means the estimate was one too large: the n+1-word
                // value is negative (top word all ones) until the divisor is added back.
                u[j &+ n] = c3 ? .max : 0
                if c3 {
                    qhat &-= 1
                    UInt256.addBack(u: u + j, v: v, count: n)
                }
            }
            q[j] = qhat
            j &-= 1
        }
    }

    /// `u[0...count] += v[0..<count]`, dropping the final carry (it cancels the borrow of the
    /// multiply-subtract that went negative).
    @inline(__always)
    internal static func addBack(u: UnsafeMutablePointer<UInt64>, v: UnsafeMutablePointer<UInt64>, count: Int) {
        var c = false
        var i = 0
        while i < count {
            let (s1, o1) = u[i].addingReportingOverflow(v[i])
            let (s2, o2) = s1.addingReportingOverflow(c ? 1 : 0)
            u[i] = s2
            c = o1 || o2
            i &+= 1
        }
        u[count] &+= c ? 1 : 0
    }

    /// The quotient and remainder of `self / divisor`, or nil when `divisor` is zero.
    ///
    /// This is the form to use on values from outside the process.
    @inlinable @inline(__always)
    public func quotientAndRemainder(dividingBy divisor: UInt256) -> (quotient: UInt256, remainder: UInt256)? {
        if (divisor.w1 | divisor.w2 | divisor.w3) == 0 {
            let v = divisor.w0
            if v == 0 { return nil }
            if (w1 | w2 | w3) == 0 {
                let (q, r) = w0.quotientAndRemainder(dividingBy: v)
                return (UInt256(q), UInt256(r))
            }
        }
        if self < divisor { return (.zero, self) }
        return Self.divideWide(high: .zero, low: self, by: divisor)
    }

    /// The quotient and whether the division overflowed, as in Swift: dividing by zero reports
    /// overflow with `self` as the partial value.
    @inlinable
    func dividedReportingOverflow(by divisor: UInt256) -> (partialValue: UInt256, overflow: Bool) {
        guard let (q, _) = quotientAndRemainder(dividingBy: divisor) else { return (self, true) }
        return (q, false)
    }

    /// The remainder and whether the division overflowed, as in Swift: dividing by zero reports
    /// overflow with `self` as the partial value.
    @inlinable
    func remainderReportingOverflow(dividingBy divisor: UInt256) -> (partialValue: UInt256, overflow: Bool) {
        guard let (_, r) = quotientAndRemainder(dividingBy: divisor) else { return (self, true) }
        return (r, false)
    }

    /// Division that traps on a zero divisor, like Swift's integers. For trusted, internal
    /// arithmetic only: values from outside use `quotientAndRemainder(dividingBy:)`.
    @inlinable
    public static func / (a: UInt256, b: UInt256) -> UInt256 {
        guard let (q, _) = a.quotientAndRemainder(dividingBy: b) else {
            preconditionFailure("UInt256 division by zero")
        }
        return q
    }

    /// Remainder that traps on a zero divisor, like Swift's integers. For trusted, internal
    /// arithmetic only: values from outside use `quotientAndRemainder(dividingBy:)`.
    @inlinable
    public static func % (a: UInt256, b: UInt256) -> UInt256 {
        guard let (_, r) = a.quotientAndRemainder(dividingBy: b) else {
            preconditionFailure("UInt256 division by zero")
        }
        return r
    }

    /// Divides in place, trapping on a zero divisor.
    @inlinable @inline(__always)
    public static func /= (a: inout UInt256, b: UInt256) { a = a / b }

    /// Takes the remainder in place, trapping on a zero divisor.
    @inlinable @inline(__always)
    public static func %= (a: inout UInt256, b: UInt256) { a = a % b }
}
