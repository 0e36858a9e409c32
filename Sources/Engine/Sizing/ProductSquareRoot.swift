import Kernel

/// `floor(sqrt(a · b))` for 256-bit `a` and `b` whose product is below 2^510, using
/// `UInt256.mulDiv` for the 512-bit quotients.
enum ProductSquareRoot {
    /// `floor(sqrt(a · b))`, exact, for `a.bitWidth + b.bitWidth <= 510` (Möbius maps keep
    /// their coefficients below 2^254, so their products qualify).
    ///
    /// Newton's iteration `s ← (s + a·b/s) / 2` from a `Double` estimate (about 52 correct bits,
    /// so three or four steps reach 256 bits), raised to at least `2^((bits(a) + bits(b) − 2) / 2)`
    /// so that every quotient `a·b/s` fits 256 bits under the size condition. After the first
    /// step the iterate is at or above the root and decreases strictly until it stops at
    /// `floor(sqrt(a · b))` (the usual integer argument: `s + floor(r²/s) ≥ 2r` for
    /// `r = floor(sqrt(a·b))`); once a step is small enough to leave less than a unit, products
    /// settle the rest.
    static func floor(_ a: UInt256, _ b: UInt256) -> UInt256 {
        if a.isZero || b.isZero { return .zero }
        let lowerBound = UInt256.one << ((a.bitWidth + b.bitWidth - 2) / 2)
        var root = newtonStep(Swift.max(estimate(a, b), lowerBound), a, b)
        while true {
            let next = newtonStep(root, a, b)
            if next >= root { return root }
            // Newton from above leaves an error of about step²/(2·root): once that is below a
            // quarter, the iterate is the root or a unit above, which products settle without
            // another division.
            if 2 * (root - next).bitWidth + 2 <= next.bitWidth { return settle(next, a, b) }
            root = next
        }
    }

    /// `root` lowered until `root² <= a·b` (it starts a unit or two above the answer at most).
    private static func settle(_ root: UInt256, _ a: UInt256, _ b: UInt256) -> UInt256 {
        let product = UInt512(a, times: b)
        var root = root
        while UInt512(root, times: root) > product { root = root - .one }
        return root
    }

    /// `floor((s + floor(a·b/s)) / 2)`. Under the size condition the quotient fits 256 bits for
    /// every `s` the iteration visits; were it not to, the step would stop at `s`.
    private static func newtonStep(_ s: UInt256, _ a: UInt256, _ b: UInt256) -> UInt256 {
        guard let quotient = UInt256.mulDiv(a, b, s) else { return s }
        let (sum, carry) = s.addingReportingOverflow(quotient)
        let half = sum >> 1
        return carry ? half | (UInt256.one << 255) : half
    }

    /// `sqrt(a) · sqrt(b)` in floating point, truncated back to an integer.
    private static func estimate(_ a: UInt256, _ b: UInt256) -> UInt256 {
        UInt256(truncating: a.approximateDouble.squareRoot() * b.approximateDouble.squareRoot())
    }
}
