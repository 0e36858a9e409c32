import Kernel

/// One hop's Möbius map in floating point, `x ↦ k·x / (m + n·x)`, where the map holds for every
/// input (a constant-product pair); not a number otherwise (no closed form, or one that ends at
/// a concentrated-liquidity range's edge, past which it bounds nothing).
struct FloatingMap {
    var k: Double
    var m: Double
    var n: Double

    /// No usable map.
    static let none = FloatingMap(k: .nan, m: .nan, n: .nan)

    /// The map of `curve` (`MobiusMap(curve:)`'s coefficients, each a product rounded twice);
    /// `none` where the curve ends at an input limit.
    init(curve: SwapCurve?) {
        guard let curve, curve.inputLimit == nil, !curve.reserveOut.isZero, !curve.feeMultiplier.isZero else {
            self = .none
            return
        }
        let multiplier = curve.feeMultiplier.approximateDouble
        self.init(k: multiplier * curve.reserveOut.approximateDouble, m: curve.feeDenominator.approximateDouble * curve.reserveIn.approximateDouble,
                  n: multiplier)
    }

    /// The map of a pair's exact quote (`ConstantProductQuote.approximateMap`).
    init(_ map: (k: Double, m: Double, n: Double)) {
        self.init(k: map.k, m: map.m, n: map.n)
    }

    init(k: Double, m: Double, n: Double) {
        self.k = k
        self.m = m
        self.n = n
    }
}

/// A quick upper bound on a cycle's profit from its hops' floating-point maps, to answer the
/// many screened cycles that cannot pay their cost without building their hops or the exact
/// 512-bit closed form, and to settle most cycles of constant-product pairs without it
/// (`CycleSizer`).
///
/// With `K`, `M`, `N` the composition of the maps, no input profits more than
/// `P* = (√K − √M)² / N` (`MobiusOptimum`; every map bounds its pool's exact quote from above, so
/// the composed real map bounds the cycle's). Here `K`, `M`, `N` are composed in `Double`: each
/// conversion and operation rounds by at most 2^-53 relatively, some fifteen of them for three
/// hops, so `relativeError` (10^-14) covers each many times over. Then
/// `√K − √M <= a − b + r·(a + b)` for the computed roots `a`, `b`, and `P*` is at most that
/// squared over `N·(1 − r)`, with one more `r` for the last operations.
struct FloatingProfitBound {
    /// The relative error allowed for each of `K`, `M`, `N` and the final operations.
    static let relativeError = 1e-14

    private var k = 1.0
    private var m = 1.0
    private var n = 0.0

    /// The bound before any hop.
    init() {}

    /// Composes the next hop's map.
    mutating func append(_ map: FloatingMap) {
        (k, m, n) = (k * map.k, m * map.m, map.m * n + k * map.n)
    }

    /// The bound and where the maps reach it, their square roots taken once; nil where a hop
    /// had no usable map or the values left `Double`'s range.
    var peak: Peak? {
        guard let (a, b) = roots, let bound = Self.bound(a, b, n) else { return nil }
        guard bound > 0 else { return Peak(bound: 0, input: 0, scale: a * b / n) }
        let input = b * (a - b) / n
        guard input.isFinite else { return nil }
        return Peak(bound: bound, input: Swift.max(input, 0), scale: a * b / n)
    }

    /// Whether the bound shows that no input profits more than `minimum` (`Peak.excludes`),
    /// computing the bound alone.
    func excludes(above minimum: UInt256) -> Bool {
        guard let (a, b) = roots, let bound = Self.bound(a, b, n) else { return false }
        return Peak.excludes(minimum, bound: bound)
    }

    /// `√K` and `√M`; nil where a hop had no usable map or the values left `Double`'s range.
    @inline(__always)
    private var roots: (Double, Double)? {
        guard k.isFinite, m.isFinite, n.isFinite, n > 0 else { return nil }
        return (k.squareRoot(), m.squareRoot())
    }

    /// The bound from the roots `a` and `b` (rounded up; 0 where no input profits); nil where
    /// it leaves `Double`'s range.
    @inline(__always)
    private static func bound(_ a: Double, _ b: Double, _ n: Double) -> Double? {
        let r = relativeError
        let gap = a - b + r * (a + b)
        guard gap > 0 else { return 0 }
        let bound = gap * gap / (n * (1 - r)) * (1 + r)
        return bound.isFinite ? bound.rounded(.up) : nil
    }

    /// The maps' profit at its peak.
    struct Peak {
        /// No input profits more (rounded up; 0 where none profits).
        let bound: Double
        /// The input where the maps reach it, `x* = (√(K·M) − M) / N = √M·(√K − √M) / N`: a start
        /// for the exact search, not a bound (the cancellation in `√K − √M` leaves it relatively
        /// less exact than the bound's allowance); 0 where no input profits.
        let input: Double
        /// `√(K·M) / N`.
        let scale: Double

        /// Whether the bound shows that no input profits more than `minimum` (never for zero).
        func excludes(_ minimum: UInt256) -> Bool {
            Self.excludes(minimum, bound: bound)
        }

        /// Whether `bound` shows that no input profits more than `minimum`.
        @inline(__always)
        static func excludes(_ minimum: UInt256, bound: Double) -> Bool {
            !minimum.isZero && bound <= minimum.approximateDouble * (1 - FloatingProfitBound.relativeError)
        }

        /// About how many inputs the maps let reach a profit of `target`:
        /// `Δ + √(Δ² + 4Δ·√(K·M)/N)` with `Δ` the bound less `target`
        /// (`MobiusOptimum.window(reaching:limit:)`'s width, in floating point).
        func windowWidth(reaching target: Double) -> Double {
            let delta = Swift.max(bound - target, 0)
            return delta + (delta * (delta + 4 * scale)).squareRoot()
        }
    }
}
