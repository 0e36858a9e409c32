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

    init(k: Double, m: Double, n: Double) {
        self.k = k
        self.m = m
        self.n = n
    }
}

/// A quick upper bound on a cycle's profit from its hops' floating-point maps, to answer the
/// many screened cycles that cannot pay their cost without building their hops or the exact
/// 512-bit closed form.
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

    /// The bound, rounded up; nil where a hop had no usable map or the values left `Double`'s
    /// range.
    var value: Double? {
        guard k.isFinite, m.isFinite, n.isFinite, n > 0 else { return nil }
        let r = Self.relativeError
        let (a, b) = (k.squareRoot(), m.squareRoot())
        let gap = a - b + r * (a + b)
        guard gap > 0 else { return 0 }
        let bound = gap * gap / (n * (1 - r)) * (1 + r)
        return bound.isFinite ? bound.rounded(.up) : nil
    }

    /// The bound, where it shows that no input profits more than `minimum`; nil otherwise.
    func excluding(above minimum: UInt256) -> Double? {
        guard !minimum.isZero, let value, value <= minimum.approximateDouble * (1 - Self.relativeError) else { return nil }
        return value
    }
}
