import Kernel

/// Golden-section search for the input that maximises a cycle's exact profit, for cycles with a
/// hop that has no closed form (Curve, Camelot stable pairs) or whose tick ranges run out before
/// the optimum.
///
/// It needs the profit to be unimodal over the bracket (it is for any chain of pools whose
/// output grows with diminishing returns, up to the pools' rounding; a revert ranks below every
/// loss, so inputs that revert above some size only shrink the bracket from the right).
///
/// Method: the bracket `[a, c]` holds the best input so far, `b`. Each step quotes a point `x`
/// in the longer of `[a, b]` and `[b, c]`, a fraction 2 − φ ≈ 0.382 of the way from `b`, and
/// keeps the part of the bracket that must hold the maximum: `x` becomes the best if it is
/// better, otherwise it becomes an end. "Longer" and "of the way" are measured in ratios while a
/// side spans a factor of 2 or more (fraction 3/8, computed with square roots), then in
/// differences: so the bracket first closes in on the optimum's order of magnitude whatever the
/// bounds, then on its digits. Placing each point from the current bracket, rather than
/// mirroring the previous one, keeps rounding from eroding the golden ratio. When the bracket
/// holds no more inputs than quotes remain, they are all quoted.
///
/// Budget and precision: at most `maxEvaluations` (40) quotes of the cycle, and it stops once
/// the bracket is narrower than `2^-precisionBits` (about 10^-6) of the best profit found. No
/// hop pays less for more, so the profit falls by at most one unit per unit of input beyond the
/// optimum, and before it rises by less than a unit per unit (the cycle's marginal rate less one):
/// an input within `d` of the optimum loses at most `d`, whether the profit is smooth there or
/// has a kink (a pool's last tick). So a search that stops on precision finds a profit within
/// 10^-6 of the optimum's, relatively, plus the pools' own rounding (a unit of each hop's
/// output). Bringing a bracket of ratio `upper/lower` down to a factor of 2 takes about
/// `log(log2(upper/lower)) / log(1.6)` quotes (9 for 1 ... 10^24); each later quote shrinks it by
/// about 0.618, so a profit of 4·10^-4 of the input (a few dollars on a 10 ETH cycle) needs about
/// 30 more, and the budget can end the search first: on the demo feed, when it still sized the
/// tick-crossing cycles that `PiecewiseOptimum` sizes now, 40 quotes left 174 of 411
/// opportunities more than 10^-6 short of a 400-quote search (ADR 0007). The tests check the
/// 10^-6 target against the closed form's bound on deep pools, where the profit is smooth.
enum GoldenSectionSearch {
    /// The most cycle quotes one search makes.
    static let maxEvaluations = 40
    /// The search stops once `c − a` is at most the best profit shifted right by this.
    static let precisionBits = 20

    /// `2 − φ` (0.381966…).
    private static let goldenFraction = 0.381_966_011_250_105_15

    /// Searches `lower ... upper`, leaving the best input quoted in `evaluator`.
    static func search(_ evaluator: inout CycleEvaluator, lower: UInt256, upper: UInt256) {
        var budget = maxEvaluations
        var (a, c) = (lower, upper)
        // c − a never overflows: a <= c throughout.
        if c - a < UInt256(UInt64(budget)) {
            scan(&evaluator, from: a, through: c, skipping: nil)
            return
        }
        var b = point(from: a, towards: c)
        var atB = evaluator.outcome(b)
        budget -= 1
        while budget > 0, c - a > (atB.profit ?? .zero) >> Self.precisionBits {
            // The unquoted inputs left are those of [a, c] except b.
            if c - a <= UInt256(UInt64(budget)) {
                scan(&evaluator, from: a, through: c, skipping: b)
                return
            }
            let x = isRightLonger(a, b, c) ? point(from: b, towards: c) : point(from: b, towards: a)
            let atX = evaluator.outcome(x)
            budget -= 1
            if atX > atB {
                if x > b { a = b } else { c = b }
                (b, atB) = (x, atX)
            } else if x > b {
                c = x
            } else {
                a = x
            }
        }
    }

    /// Whether `[b, c]` is the side to probe: the longer (in ratio while either side spans a
    /// factor of 2, in difference after) when it has an input strictly inside, or the only side
    /// that has one.
    private static func isRightLonger(_ a: UInt256, _ b: UInt256, _ c: UInt256) -> Bool {
        guard c - b >= UInt256(2) else { return false }
        guard b - a >= UInt256(2) else { return true }
        if c >> 1 >= b || b >> 1 >= a {
            return c.approximateDouble / b.approximateDouble > b.approximateDouble / a.approximateDouble
        }
        return c - b > b - a
    }

    /// An input strictly between `from` and `towards` (which differ by at least 2), 2 − φ of the
    /// way from `from`: in ratio (3/8 of the logarithm) when one is at least twice the other,
    /// otherwise in difference. Floating point is precise enough for a probe's position.
    private static func point(from origin: UInt256, towards target: UInt256) -> UInt256 {
        let upward = target > origin
        let (low, high) = upward ? (origin, target) : (target, origin)
        let candidate: UInt256
        if high >> 1 >= low {
            // (high/low)^(3/8), with the square roots the standard library has.
            let ratio = high.approximateDouble / low.approximateDouble
            let factor = (ratio * ratio * ratio).squareRoot().squareRoot().squareRoot()
            candidate = UInt256(truncating: upward ? origin.approximateDouble * factor : origin.approximateDouble / factor)
        } else {
            let offset = UInt256(truncating: (high - low).approximateDouble * goldenFraction)
            candidate = upward ? origin + offset : origin - offset
        }
        return Swift.min(Swift.max(candidate, low + .one), high - .one)
    }

    /// Quotes every input of `first ... last` except `skipped`.
    private static func scan(_ evaluator: inout CycleEvaluator, from first: UInt256, through last: UInt256, skipping skipped: UInt256?) {
        var input = first
        while true {
            if input != skipped { evaluator.evaluate(input) }
            if input == last { return }
            input = input + .one
        }
    }
}
