import Kernel

/// Brent's search for the input that maximises a cycle's exact profit, for cycles with a hop
/// that has no closed form (Curve, Camelot stable pairs) or whose tick ranges run out before
/// the optimum: golden-section steps that always shrink the bracket, and, where the profit is
/// smooth enough, the vertex of the parabola through the three best inputs, which closes in on
/// a smooth optimum in far fewer quotes (R. P. Brent, "Algorithms for Minimization without
/// Derivatives", 1973, chapter 5; the safeguards are his).
///
/// It needs the profit to be unimodal over the bracket (it is for any chain of pools whose
/// output grows with diminishing returns, up to the pools' rounding; a revert ranks below every
/// loss, so inputs that revert above some size only shrink the bracket from the right).
///
/// Method: the bracket `[a, c]` holds the best input so far, `b`. Each step quotes one point
/// `x` and keeps the part of the bracket that must hold the maximum: `x` becomes the best if it
/// is better, otherwise it becomes an end.
/// - While a side spans a factor of 2 or more, `x` is a golden step in ratio (3/8 of the
///   logarithm, computed with square roots) into the longer side, so the bracket first closes in
///   on the optimum's order of magnitude whatever the bounds.
/// - Then `x` is the parabola's vertex when it lies inside the bracket, at least `tolerance`
///   from its ends, and less than half the step before last away from `b` (else the steps could
///   crawl: the rule that makes Brent's method converge at least as surely as golden section),
///   and, for a small profit whose search must end in the exhaustive scan, while the quotes
///   left allow it (`hasSlack`); otherwise a golden step, a fraction 2 − φ ≈ 0.382 of the
///   longer side from `b`. A step
///   shorter than `tolerance` (a quarter of the width the search stops at) is lengthened to it,
///   so that once the optimum is pinned the probes a tolerance either side of it close the
///   bracket. The parabola's values are differences of exact profits, taken in integers first.
/// - When the bracket holds no more inputs than quotes remain, they are all quoted.
///
/// Budget and precision: at most `maxEvaluations` (40) quotes of the cycle, and it stops once
/// the bracket is narrower than `2^-precisionBits` (about 10^-6) of the best profit found. No
/// hop pays less for more, so the profit falls by at most one unit per unit of input beyond the
/// optimum, and before it rises by less than a unit per unit (the cycle's marginal rate less one):
/// an input within `d` of the optimum loses at most `d`, whether the profit is smooth there or
/// has a kink (a pool's last tick). So a search that stops on precision finds a profit within
/// 10^-6 of the optimum's, relatively, plus the pools' own rounding (a unit of each hop's
/// output); the parabola only chooses where to quote, never what the bracket keeps. Golden
/// steps alone brought a bracket of ratio `upper/lower` to a factor of 2 in about
/// `log(log2(upper/lower)) / log(1.6)` quotes (9 for 1 ... 10^24), then shrank it by 0.618 a
/// quote: about 30 more for a profit of 4·10^-4 of the input, so the budget often ended the
/// search first (on the demo feed, when it still sized the tick-crossing cycles that
/// `PiecewiseOptimum` sizes now, 40 quotes left 174 of 411 opportunities more than 10^-6 short
/// of a 400-quote search, ADR 0007). The tests check the 10^-6 target against the closed
/// form's bound on deep pools, where the profit is smooth, and count the quotes.
enum BracketedSearch {
    /// The most cycle quotes one search makes.
    static let maxEvaluations = 40
    /// The search stops once `c − a` is at most the best profit shifted right by this.
    static let precisionBits = 20

    /// `2 − φ` (0.381966…).
    private static let goldenFraction = 0.381_966_011_250_105_15

    /// An input quoted inside the bracket and its outcome.
    private struct Probe {
        let input: UInt256
        let outcome: CycleOutcome
    }

    /// Searches `lower ... upper`, leaving the best input quoted in `evaluator`.
    static func search(_ evaluator: inout CycleEvaluator, lower: UInt256, upper: UInt256) {
        var budget = maxEvaluations
        var (a, c) = (lower, upper)
        // c − a never overflows: a <= c throughout.
        if c - a < UInt256(UInt64(budget)) {
            scan(&evaluator, from: a, through: c, skipping: nil)
            return
        }
        var best = Probe(input: point(from: a, towards: c), outcome: .reverted)
        best = Probe(input: best.input, outcome: evaluator.outcome(best.input))
        budget -= 1
        // The second and third best inputs quoted (Brent's w and v), for the parabola.
        var second: Probe?
        var third: Probe?
        // How far the last step and the one before it moved from the best (Brent's d and e).
        var lastStep = 0.0
        var stepBefore = 0.0
        while budget > 0, c - a > (best.outcome.profit ?? .zero) >> Self.precisionBits {
            // The unquoted inputs left are those of [a, c] except b.
            if c - a <= UInt256(UInt64(budget)) {
                scan(&evaluator, from: a, through: c, skipping: best.input)
                return
            }
            let b = best.input
            let x: UInt256
            if isLogarithmic(a, b, c) {
                x = isRightLonger(a, b, c) ? point(from: b, towards: c) : point(from: b, towards: a)
                (stepBefore, lastStep) = (0, 0)
            } else {
                let target = ((best.outcome.profit ?? .zero) >> Self.precisionBits).approximateDouble
                let tolerance = Swift.max(1, target / 4)
                let left = (b - a).approximateDouble, right = (c - b).approximateDouble
                var step: Double
                if stepBefore > 0, hasSlack(budget: budget, width: left + right, target: target),
                   let vertex = parabolaVertex(best, second, third), abs(vertex) < 0.5 * stepBefore,
                   vertex > -left, vertex < right {
                    step = vertex
                    // Too near an end: a tolerance towards the middle instead.
                    if vertex + left < 2 * tolerance || right - vertex < 2 * tolerance { step = right > left ? tolerance : -tolerance }
                    stepBefore = lastStep
                } else {
                    stepBefore = Swift.max(left, right)
                    step = right > left ? goldenFraction * right : -goldenFraction * left
                }
                if abs(step) < tolerance { step = step < 0 ? -tolerance : tolerance }
                lastStep = abs(step)
                x = offset(b, by: step, within: a, c)
            }
            let probe = Probe(input: x, outcome: evaluator.outcome(x))
            budget -= 1
            if probe.outcome > best.outcome {
                if x > b { a = b } else { c = b }
                (third, second, best) = (second, best, probe)
            } else {
                if x > b { c = x } else { a = x }
                if let runnerUp = second, probe.outcome < runnerUp.outcome {
                    if third.map({ probe.outcome >= $0.outcome }) ?? true { third = probe }
                } else {
                    (third, second) = (second, probe)
                }
            }
        }
    }

    /// Whether a parabolic step, which need not shrink the bracket, may be tried. A search whose
    /// stopping width is below the quotes left (a small profit: the width can be under one
    /// unit) must end in the exhaustive scan of the last inputs, which is what makes its answer
    /// the exact optimum; there a parabolic step is tried only while the quotes left exceed what
    /// golden-section steps alone need to bring the bracket down to that scan, with two to
    /// spare. A search that ends on precision takes parabolic steps freely.
    private static func hasSlack(budget: Int, width: Double, target: Double) -> Bool {
        let scanWidth = Double(budget)
        guard target < scanWidth, width > scanWidth else { return true }
        // log_φ(width / scanWidth), from above: log2 of the ratio is below its exponent plus
        // one, and log_φ 2 < 1.45.
        let goldenSteps = 1.45 * Double((width / scanWidth).exponent + 1)
        return scanWidth > goldenSteps + 2
    }

    /// Whether `[a, b]` or `[b, c]` spans a factor of 2 or more: the steps are in ratio then.
    private static func isLogarithmic(_ a: UInt256, _ b: UInt256, _ c: UInt256) -> Bool {
        c >> 1 >= b || b >> 1 >= a
    }

    /// The offset from `best` of the vertex of the parabola through the three probes, when they
    /// have outcomes that are not reverts and it opens downwards (a maximum); nil otherwise.
    private static func parabolaVertex(_ best: Probe, _ second: Probe?, _ third: Probe?) -> Double? {
        guard let second, let third, let drop1 = difference(best.outcome, second.outcome), let drop2 = difference(best.outcome, third.outcome) else {
            return nil
        }
        let x1 = signedOffset(second.input, from: best.input), x2 = signedOffset(third.input, from: best.input)
        // f(x) − f(b) = α·x² + β·x through (x1, −drop1) and (x2, −drop2): the vertex is −β / 2α.
        let denominator = x1 * x2 * (x1 - x2)
        guard denominator != 0, denominator.isFinite else { return nil }
        let alpha = (-drop1 * x2 + drop2 * x1) / denominator
        let beta = (drop1 * x2 * x2 - drop2 * x1 * x1) / denominator
        guard alpha < 0, alpha.isFinite, beta.isFinite else { return nil }
        let vertex = -beta / (2 * alpha)
        return vertex.isFinite ? vertex : nil
    }

    /// `better − worse` as a number (exact in integers first), or nil when either reverted.
    private static func difference(_ better: CycleOutcome, _ worse: CycleOutcome) -> Double? {
        switch (better, worse) {
        case (.gain(let x), .gain(let y)): x >= y ? (x - y).approximateDouble : -(y - x).approximateDouble
        case (.gain(let x), .loss(let y)): x.approximateDouble + y.approximateDouble
        case (.loss(let x), .gain(let y)): -(x.approximateDouble + y.approximateDouble)
        case (.loss(let x), .loss(let y)): y >= x ? (y - x).approximateDouble : -(x - y).approximateDouble
        default: nil
        }
    }

    /// `input − origin` as a signed number.
    private static func signedOffset(_ input: UInt256, from origin: UInt256) -> Double {
        input >= origin ? (input - origin).approximateDouble : -(origin - input).approximateDouble
    }

    /// `b + step`, rounded to an input strictly inside `(a, c)` and other than `b` (the bracket
    /// holds more inputs than that: the caller scans narrower ones).
    private static func offset(_ b: UInt256, by step: Double, within a: UInt256, _ c: UInt256) -> UInt256 {
        let distance = Swift.max(UInt256(truncating: abs(step).rounded()), .one)
        if step > 0 {
            let room = c - b
            return room >= UInt256(2) ? b + Swift.min(distance, room - .one) : b - Swift.min(distance, b - a - .one)
        }
        let room = b - a
        return room >= UInt256(2) ? b - Swift.min(distance, room - .one) : b + Swift.min(distance, c - b - .one)
    }

    /// Whether `[b, c]` is the side to probe: the longer (in ratio while either side spans a
    /// factor of 2, in difference after) when it has an input strictly inside, or the only side
    /// that has one.
    private static func isRightLonger(_ a: UInt256, _ b: UInt256, _ c: UInt256) -> Bool {
        guard c - b >= UInt256(2) else { return false }
        guard b - a >= UInt256(2) else { return true }
        if isLogarithmic(a, b, c) {
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
