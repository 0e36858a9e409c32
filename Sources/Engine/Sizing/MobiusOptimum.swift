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
    /// An upper bound on `s / N` (which equals `x* + M / N`), used for the window's width.
    private let scale: UInt256

    /// The optimum of `map`'s cycle profit; nil when `K <= M`, where every input loses.
    init?(_ map: MobiusMap) {
        guard map.k > map.m else { return nil }
        let root = ProductSquareRoot.floor(map.k, map.m)
        // K + M < 2^255 and 2·root <= K + M (the arithmetic–geometric mean inequality).
        let excess = map.k + map.m - (root << 1)
        input = root > map.m ? (root - map.m) / map.n : .zero
        profitBound = excess / map.n + (excess % map.n == .zero ? .zero : .one)
        let rootBound = root + .one
        scale = rootBound / map.n + (rootBound % map.n == .zero ? .zero : .one)
    }

    /// The inputs whose profit under the map reaches `target`, as a closed range of integers that
    /// contains them all: `.empty` when `target` exceeds `profitBound`, `.unbounded` when the
    /// range is too wide to compute in 256 bits.
    ///
    /// Solving `P* − N·d² / (s + N·d) ≥ T` for `d = x − x*` gives
    /// `d ∈ [(Δ − √(Δ² + 4Δ·s/N)) / 2, (Δ + √(Δ² + 4Δ·s/N)) / 2]` with `Δ = P* − T`. Both ends
    /// grow with `Δ` and `s/N`, so their upper bounds (`profitBound`, `scale`, a square root
    /// plus one) give a superset; `x*` itself lies in `[input, input + 2)`.
    func window(reaching target: UInt256) -> ProfitWindow {
        guard target <= profitBound else { return .empty }
        let delta = profitBound - target
        let (quadrupleScale, overflow) = scale.multipliedReportingOverflow(by: UInt256(4))
        guard !overflow else { return .unbounded }
        let (radicandFactor, sumOverflow) = delta.addingReportingOverflow(quadrupleScale)
        guard !sumOverflow, delta.bitWidth + radicandFactor.bitWidth <= 510 else { return .unbounded }
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
    /// Too wide to say.
    case unbounded
}
