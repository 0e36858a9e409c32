// Division of UInt256 (and of 512-bit numerators by UInt256): Knuth's algorithm D over 64-bit words.

extension UInt256 {
    /// Divides the 512-bit value `high * 2^256 + low` by `divisor`.
    ///
    /// Preconditions (checked by every caller, not here): `divisor != 0` and `high < divisor`,
    /// so that the quotient fits in 256 bits. Never allocates.
    @usableFromInline
    internal static func divideWide(high: UInt256, low: UInt256, by divisor: UInt256) -> (quotient: UInt256, remainder: UInt256) {
        let n = divisor.significantWordCount
        if n == 1 {
            // Short division by one normalized word, with a reciprocal instead of one hardware
            // division per word. The running remainder stays below the divisor.
            let s = divisor.w0.leadingZeroBitCount
            let d = divisor.w0 << UInt64(s)
            let reciprocal = reciprocal2by1(d)
            let nl = low.shiftedLeft(s)
            var r = s == 0 ? high.w0 : (high.w0 << UInt64(s) | low.w3 >> UInt64(64 - s))
            let q3: UInt64, q2: UInt64, q1: UInt64, q0: UInt64
            (q3, r) = divide2by1(r, nl.w3, d, reciprocal)
            (q2, r) = divide2by1(r, nl.w2, d, reciprocal)
            (q1, r) = divide2by1(r, nl.w1, d, reciprocal)
            (q0, r) = divide2by1(r, nl.w0, d, reciprocal)
            return (UInt256(q0, q1, q2, q3), UInt256(r >> UInt64(s)))
        }

        // Normalize so that the divisor's top word has its top bit set. Because high < divisor,
        // the shifted numerator still fits in 512 bits.
        let s = divisor.leadingZeroBitCount & 63
        let dn = divisor.shiftedLeft(s)
        let uh = s == 0 ? high : (high.shiftedLeft(s) | low.shiftedRight(256 - s))
        let ul = low.shiftedLeft(s)

        var u: (UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64) =
            (ul.w0, ul.w1, ul.w2, ul.w3, uh.w0, uh.w1, uh.w2, uh.w3)
        var v: (UInt64, UInt64, UInt64, UInt64) = (dn.w0, dn.w1, dn.w2, dn.w3)
        var q: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)

        // The numerator's significant length; quotient words above `ulen - n` are zero.
        let uLength: Int
        if uh.w3 != 0 { uLength = 8 } else if uh.w2 != 0 { uLength = 7 } else if uh.w1 != 0 { uLength = 6 }
        else if uh.w0 != 0 { uLength = 5 } else if ul.w3 != 0 { uLength = 4 } else if ul.w2 != 0 { uLength = 3 }
        else if ul.w1 != 0 { uLength = 2 } else { uLength = 1 }
        let jStart = Swift.min(3, uLength - n)
        if jStart < 0 {
            // Numerator below the divisor.
            return (.zero, low)
        }

        withUnsafeMutablePointer(to: &u) { uTuple in
            uTuple.withMemoryRebound(to: UInt64.self, capacity: 8) { u in
                withUnsafeMutablePointer(to: &v) { vTuple in
                    vTuple.withMemoryRebound(to: UInt64.self, capacity: 4) { v in
                        withUnsafeMutablePointer(to: &q) { qTuple in
                            qTuple.withMemoryRebound(to: UInt64.self, capacity: 4) { q in
                                knuthD(u: u, v: v, n: n, q: q, jStart: jStart)
                            }
                        }
                    }
                }
            }
        }

        let remainder = UInt256(u.0, u.1, u.2, u.3).shiftedRight(s)
        return (UInt256(q.0, q.1, q.2, q.3), remainder)
    }

    /// The reciprocal `floor((2^128 - 1) / d) - 2^64` of a normalized word `d` (top bit set),
    /// as in Möller and Granlund, "Improved division by invariant integers" (2011).
    @inlinable @inline(__always)
    internal static func reciprocal2by1(_ d: UInt64) -> UInt64 {
        // (2^128 - 1) - 2^64 * d = (~d) * 2^64 + (2^64 - 1), and ~d < d.
        d.dividingFullWidth((~d, .max)).quotient
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

    /// The main loop of Knuth's algorithm D (TAOCP vol. 2, 4.3.1) with 64-bit digits.
    ///
    /// `u` holds the normalized numerator (8 words), `v` the normalized divisor (`n` significant
    /// words, 2...4, top bit of `v[n-1]` set). Invariant at each step `j`: the number
    /// `u[j+n] ... u[j+1]` is below `v`, so each quotient digit fits in a word. Leaves the
    /// normalized remainder in `u[0..<n]` and the quotient digits in `q[0...jStart]`.
    @usableFromInline
    internal static func knuthD(
        u: UnsafeMutablePointer<UInt64>,
        v: UnsafeMutablePointer<UInt64>,
        n: Int,
        q: UnsafeMutablePointer<UInt64>,
        jStart: Int
    ) {
        let vTop = v[n - 1]
        let vNext = v[n - 2]
        let reciprocal = reciprocal2by1(vTop)
        var j = jStart
        while j >= 0 {
            let uTop = u[j + n]
            let uMid = u[j + n - 1]
            let uLow = u[j + n - 2]

            // Estimate the quotient digit from the top two numerator words. By the invariant
            // uTop <= vTop; when equal the estimate is B - 1 (dividingFullWidth would trap).
            var qhat: UInt64
            var rhat: UInt64
            var rhatOverflow: Bool
            if uTop >= vTop {
                qhat = .max
                // rhat = uTop*B + uMid - (B-1)*vTop = uMid + vTop (since uTop == vTop).
                (rhat, rhatOverflow) = uMid.addingReportingOverflow(vTop)
            } else {
                (qhat, rhat) = divide2by1(uTop, uMid, vTop, reciprocal)
                rhatOverflow = false
            }
            // Refine with the next divisor word: at most two decrements. Once rhat >= B the test
            // qhat*vNext > rhat*B + uLow is false.
            while !rhatOverflow {
                let p = qhat.multipliedFullWidth(by: vNext)
                if p.high > rhat || (p.high == rhat && p.low > uLow) {
                    qhat &-= 1
                    (rhat, rhatOverflow) = rhat.addingReportingOverflow(vTop)
                } else {
                    break
                }
            }

            // Multiply and subtract: u[j...j+n] -= qhat * v.
            var carry: UInt64 = 0
            var borrow: UInt64 = 0
            var i = 0
            while i < n {
                let p = qhat.multipliedFullWidth(by: v[i])
                let (pl, c) = p.low.addingReportingOverflow(carry)
                carry = p.high &+ (c ? 1 : 0)
                let (t1, b1) = u[i + j].subtractingReportingOverflow(pl)
                let (t2, b2) = t1.subtractingReportingOverflow(borrow)
                u[i + j] = t2
                borrow = (b1 || b2) ? 1 : 0
                i &+= 1
            }
            let (t1, b1) = uTop.subtractingReportingOverflow(carry)
            let (t2, b2) = t1.subtractingReportingOverflow(borrow)
            u[j + n] = t2

            if b1 || b2 {
                // The estimate was one too large (rare): add the divisor back.
                qhat &-= 1
                var c = false
                i = 0
                while i < n {
                    let (s1, o1) = u[i + j].addingReportingOverflow(v[i])
                    let (s2, o2) = s1.addingReportingOverflow(c ? 1 : 0)
                    u[i + j] = s2
                    c = o1 || o2
                    i &+= 1
                }
                u[j + n] &+= c ? 1 : 0
            }
            q[j] = qhat
            j -= 1
        }
    }

    /// The quotient and remainder of `self / divisor`, or nil when `divisor` is zero.
    ///
    /// This is the form to use on values from outside the process.
    @inlinable
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
    public func dividedReportingOverflow(by divisor: UInt256) -> (partialValue: UInt256, overflow: Bool) {
        guard let (q, _) = quotientAndRemainder(dividingBy: divisor) else { return (self, true) }
        return (q, false)
    }

    /// The remainder and whether the division overflowed, as in Swift: dividing by zero reports
    /// overflow with `self` as the partial value.
    @inlinable
    public func remainderReportingOverflow(dividingBy divisor: UInt256) -> (partialValue: UInt256, overflow: Bool) {
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
