import Kernel

/// The closed-form maximum of a cycle's profit `x ↦ f(x) − x` for `f(x) = K·x / (M + N·x)`,
/// and the inputs where that profit can still reach a given amount.
///
/// With `s = sqrt(K·M)`, the profit is `P* − N·(x − x*)² / (M + N·x)` where
/// `x* = (s − M) / N` and `P* = (K + M − 2s) / N`: it is concave, largest at `x*`, and positive
/// somewhere only when `K > M`. Everything here is integer arithmetic on the map's coefficients
/// (below 2^254), rounded so that the bounds hold.
struct MobiusOptimum {
    /// `floor(x*)`.
    let input: UInt256
    /// `ceil(P*)`: no input has a larger profit under the map.
    let profitBound: UInt256
    /// `floor(s)`.
    private let root: UInt256
    /// The map's `N`.
    private let slope: UInt256

    /// The optimum of `map`'s cycle profit; nil when `K <= M`, where every input loses.
    init?(_ map: MobiusMap) {
        guard map.k > map.m else { return nil }
        root = ProductSquareRoot.floor(map.k, map.m)
        slope = map.n
        // K + M < 2^255 and 2·root <= K + M (the arithmetic–geometric mean inequality).
        let excess = map.k + map.m - (root << 1)
        input = root > map.m ? (root - map.m) / map.n : .zero
        profitBound = Self.dividedRoundingUp(excess, map.n)
    }

    /// `ceil(a / b)` for a non-zero `b`.
    private static func dividedRoundingUp(_ a: UInt256, _ b: UInt256) -> UInt256 {
        guard let (quotient, remainder) = a.quotientAndRemainder(dividingBy: b) else { return .max }
        return remainder.isZero ? quotient : quotient + .one
    }

    /// The inputs whose profit under the map reaches `target`, as a closed range of integers that
    /// contains them all: `.empty` when `target` exceeds `profitBound`, `.tooWide` when the range
    /// would hold more than `limit` inputs (judged first in floating point, which spares the
    /// exact square root for the wide windows of deep pools) or cannot be computed in 256 bits.
    ///
    /// Solving `P* − N·d² / (s + N·d) ≥ T` for `d = x − x*` gives
    /// `d ∈ [(Δ − √(Δ² + 4Δ·s/N)) / 2, (Δ + √(Δ² + 4Δ·s/N)) / 2]` with `Δ = P* − T`. Both ends
    /// grow with `Δ` and `s/N`, so their upper bounds (`profitBound`, `ceil((root + 1) / N)`, a
    /// square root plus one) give a superset; `x*` itself lies in `[input, input + 2)`.
    func window(reaching target: UInt256, limit: Int) -> ProfitWindow {
        guard target <= profitBound else { return .empty }
        let delta = profitBound - target
        // The width is about Δ + √(Δ² + 4Δ·s/N); leave a margin over the exact one.
        let approximateDelta = delta.approximateDouble
        let approximateScale = root.approximateDouble / slope.approximateDouble
        let approximateWidth = approximateDelta + (approximateDelta * (approximateDelta + 4 * approximateScale)).squareRoot()
        guard approximateWidth <= 2 * Double(limit) + 8 else { return .tooWide }
        // s/N rounded up, with s below root + 1.
        let scale = Self.dividedRoundingUp(root + .one, slope)
        let (quadrupleScale, overflow) = scale.multipliedReportingOverflow(by: UInt256(4))
        guard !overflow else { return .tooWide }
        let (radicandFactor, sumOverflow) = delta.addingReportingOverflow(quadrupleScale)
        guard !sumOverflow, delta.bitWidth + radicandFactor.bitWidth <= 510 else { return .tooWide }
        let root = ProductSquareRoot.floor(delta, radicandFactor) + .one
        let right = (delta + root + .one) >> 1
        let left = (root - delta + .one) >> 1
        let (upper, upperOverflow) = input.addingReportingOverflow(right + UInt256(2))
        let (lower, lowerOverflow) = input.subtractingReportingOverflow(left)
        return .range(lower: lowerOverflow ? .zero : lower, upper: upperOverflow ? .max : upper)
    }
}

/// Where a cycle's profit can still reach an amount (`MobiusOptimum.window(reaching:)`).
enum ProfitWindow: Equatable {
    /// No input reaches it.
    case empty
    /// Every input that reaches it lies in `lower ... upper`.
    case range(lower: UInt256, upper: UInt256)
    /// More inputs than asked for, or too many to say.
    case tooWide
}
