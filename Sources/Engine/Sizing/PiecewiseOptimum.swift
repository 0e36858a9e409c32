import Kernel

/// Where a cycle's profit is largest when its hops cross tick ranges: the closed form walked
/// range by range, in floating point, over each hop's `SwapSegment`s.
///
/// Within one range of every hop, the cycle's output beyond an input `x₀` is the composition of
/// each hop's constant product from where `x₀` leaves it: a Möbius map `Δ ↦ K·Δ / (M + N·Δ)`,
/// whose profit peaks at `Δ* = (√(K·M) − M) / N`. Starting at the lower bound, the walk takes
/// that peak when every hop's input stays in its range up to it; otherwise it moves `x₀` to the
/// first input where some hop reaches its range's end (the prefix map inverted) and composes
/// again. Each hop's output is concave in its input and its slope (the price after the fee) is
/// continuous across ticks, so the profit is concave: the first peak found inside its ranges is
/// the maximum, and a walk that reaches a point where the cycle's marginal rate is at most 1
/// stops there. A hop whose segments end where the pool stops pricing (`Hop.isComplete`: the
/// last loaded tick, the end of the price range; past it the pool reverts, refuses or pays no
/// more) ends the walk at that input when it gets
/// there still rising (`atEnd`); a hop whose segments merely ran out makes it give up.
///
/// Precision: the answer is a position to start the exact search from and a bound to judge it
/// by. Doubles hold about 16 digits; the composition loses a few to cancellation near the
/// peak, where the profit is flat (a relative error `e` in the position costs about `e²` of the
/// input). The segments bound the exact quotes from above, so the profit found bounds every
/// exact profit, up to the floating point (`CycleSizer` allows `input·2^-40` for it).
struct PiecewiseOptimum {
    /// The input at the peak (within the bounds).
    let input: Double
    /// The profit there, by the segments' closed forms.
    let profit: Double
    /// The widest run of equal outputs there: one over the smallest slope of a prefix of the
    /// cycle, at least 1 (see `CycleSizer.predictedRunWidth`).
    let runWidth: Double
    /// What the pools' rounding can cost any integer input below the real-number curves, in
    /// units of the cycle's output: two units of each hop's input (the fee taken from a rounded
    /// amount) and of its output, each valued at the cycle's slope from there on. A hop whose
    /// input is a few million units of a token (a 6- or 8-decimal token in a small trade) makes
    /// this far more than 10^-6 of the profit: no input reaches the bound, whatever the search.
    let roundingAllowance: Double
    /// Whether the peak is where some hop's pool stops pricing (larger inputs revert or are
    /// refused), rather than where the profit's slope reaches 0.
    let atEnd: Bool

    /// One hop: its segments in input order, and whether they cover every input the pool
    /// prices (so that past the last one it refuses).
    struct Hop {
        /// The segments.
        let segments: [Segment]
        /// Whether the pool prices no input past the last segment's end.
        let isComplete: Bool
    }

    /// One hop's segment in floating point.
    struct Segment {
        /// Where it starts: its input and the output for it.
        let startInput, startOutput: Double
        /// Its constant product: reserves and fee factor.
        let reserveIn, reserveOut, fee: Double
        /// The input where it ends (infinity: none).
        let endInput: Double

        /// `segment` in floating point.
        init(_ segment: SwapSegment) {
            let startInput = segment.startInput.approximateDouble
            self.startInput = startInput
            startOutput = segment.startOutput.approximateDouble
            reserveIn = segment.curve.reserveIn.approximateDouble
            reserveOut = segment.curve.reserveOut.approximateDouble
            fee = segment.curve.feeMultiplier.approximateDouble / segment.curve.feeDenominator.approximateDouble
            endInput = segment.curve.inputLimit.map { startInput + $0.approximateDouble } ?? .infinity
        }
    }

    /// The peak of the profit over `lower ... upper` for `hops`; nil where the walk leaves the
    /// last segment of a hop that is not complete, or makes more than `pieceLimit`
    /// compositions, before finding it.
    init?(_ hops: [Hop], lower: Double, upper: Double, pieceLimit: Int) {
        var x = lower
        var current = [Int](repeating: 0, count: hops.count)
        for _ in 0..<pieceLimit {
            // The composition from x: the map of the cycle's input beyond x, and for each hop the
            // prefix map of its own input, to find where the first range ends.
            var (k, m, n) = (1.0, 1.0, 0.0)
            var amount = x
            var slope = 1.0, narrowest = 1.0
            // Σ over hops of 1/(slope before it) + 1/(slope after it): times the whole slope,
            // the value of a unit of each hop's input and output.
            var unitWeights = 0.0
            var breakpoint = Double.infinity, breakingHop = -1
            for (hop, path) in hops.enumerated() {
                let segments = path.segments
                var index = current[hop]
                while index < segments.count, amount >= segments[index].endInput { index += 1 }
                guard index < segments.count else { return nil }
                current[hop] = index
                let segment = segments[index]
                // Where `amount` leaves the range's constant product (at least its start: the
                // hop forced into this range may sit a rounding below it).
                let entered = Swift.max(amount - segment.startInput, 0)
                let reserveIn = segment.reserveIn + segment.fee * entered
                let reserveOut = segment.reserveOut * segment.reserveIn / reserveIn
                let room = segment.endInput - amount
                if room.isFinite, k > n * room {
                    let reach = room * m / (k - n * room)
                    if reach < breakpoint { (breakpoint, breakingHop) = (reach, hop) }
                }
                // Then this hop: Δ ↦ fee·reserveOut·Δ / (reserveIn + fee·Δ).
                (k, m, n) = (k * segment.fee * reserveOut, m * reserveIn, reserveIn * n + k * segment.fee)
                let scale = Swift.max(k, m, n)
                (k, m, n) = (k / scale, m / scale, n / scale)
                unitWeights += 1 / slope
                slope *= segment.fee * reserveOut / reserveIn
                unitWeights += 1 / slope
                narrowest = Swift.min(narrowest, slope)
                amount = segment.startOutput + (segment.reserveOut - reserveOut)
            }
            let width = Swift.max(1 / narrowest, 1)
            let allowance = 2 * slope * unitWeights
            guard k > m else {
                // The marginal rate at x is at most 1: nothing beyond x profits more.
                self.init(input: x, profit: amount - x, runWidth: width, roundingAllowance: allowance, atEnd: false)
                return
            }
            let peak = ((k * m).squareRoot() - m) / n
            let step = Swift.min(peak, breakpoint, upper - x)
            // A state no pool should give (empty reserves) makes the numbers meaningless.
            guard step.isFinite, step >= 0, breakpoint == .infinity || breakingHop >= 0 else { return nil }
            let ends = step == breakpoint && current[breakingHop] + 1 == hops[breakingHop].segments.count
            if step == peak || x + step >= upper || (ends && hops[breakingHop].isComplete) {
                self.init(input: x + step, profit: amount + k * step / (m + n * step) - x - step, runWidth: width, roundingAllowance: allowance,
                          atEnd: step != peak && ends)
                return
            }
            // Past the first range's end: compose again from there, the hop that reached it in
            // its next range.
            guard !ends else { return nil }
            x += step
            current[breakingHop] += 1
        }
        return nil
    }

    private init(input: Double, profit: Double, runWidth: Double, roundingAllowance: Double, atEnd: Bool) {
        self.input = input
        self.profit = profit
        self.runWidth = runWidth
        self.roundingAllowance = roundingAllowance
        self.atEnd = atEnd
    }
}
