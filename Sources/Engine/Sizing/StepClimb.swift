import Kernel

/// A local search over the steps of a cycle's exact output.
///
/// Every pool rounds its output down, so the cycle's output `g(x)` is a non-decreasing step
/// function of the input: constant over runs of inputs (one unit wide between tokens of similar
/// decimals, about 4·10^8 wide when 18-decimal WETH passes through 6-decimal USDC), and the
/// profit `g(x) − x` falls along each run. So the best input of a run is its first, and a local
/// maximum of the exact profit is a run's first input whose neighbouring runs start no better.
///
/// Run ends are found by an exponential search from a guess (probing 1, 2, 4, … units away from
/// it until the output changes, then bisecting): `2·log2(error)` quotes for a guess off by
/// `error`. Where the runs are wide and every hop prices exact outputs, `inverse` gives a run's
/// first input exactly (a few single-pool quotes per hop) and one cycle quote confirms it;
/// otherwise the guess comes from `width`, the run width the Möbius maps predict, and the first
/// run costs about `2·log2(width)` quotes, its neighbours a few each.
struct StepClimb {
    /// The first input of a run of equal outputs, and what is known just before it.
    struct Run {
        /// The run's first input.
        var input: UInt256
        /// The cycle's output over the run.
        var output: UInt256
        /// The output for `input − 1`; nil when not quoted (a first input the inverse found, or
        /// one the input below was only asked about), when `input` is the lower bound or when
        /// that input reverts.
        var previousOutput: UInt256?

        /// The run's best outcome (its first input's).
        var outcome: CycleOutcome { CycleOutcome(amountIn: input, amountOut: output) }
    }

    /// The inputs considered.
    let bounds: SizingBounds
    /// The predicted width of a run near the start (at least 1).
    let width: UInt256
    /// The cycle's smallest input for an output, where the runs are wide enough to be worth it.
    let inverse: CycleInverse?

    /// Run widths from which asking `inverse` costs less than searching from the width: the
    /// search costs about `2·log2(width)` cycle quotes, the inverse about three.
    static let inverseWidth = UInt256(8)

    /// A search over `bounds` with runs about `width` wide, asking the inverse of `hops`
    /// (`CycleInverse`, each hop spending at most `probeLimit` quotes) where they start when
    /// they are at least `inverseWidth` wide; narrower runs never build it.
    init(bounds: SizingBounds, width: UInt256, hops: [SizingHop], probeLimit: Int) {
        self.bounds = bounds
        self.width = width
        self.inverse = width >= Self.inverseWidth ? CycleInverse(hops, probeLimit: probeLimit) : nil
    }

    /// The run holding `start`, found by quoting `start` and searching below it; nil, having
    /// quoted only `start`, when it reverts. Its first input beats the input one unit below,
    /// which ends a run whose output is lower by at least one unit.
    func run(_ evaluator: inout CycleEvaluator, holding start: UInt256) -> Run? {
        guard let output = evaluator.evaluate(start) else { return nil }
        // Runs one unit wide (tokens of like decimals): `start` usually begins its own, which
        // one question about the input below settles.
        if width == .one, start > bounds.lower, !evaluator.reaches(output, from: start - .one) {
            return Run(input: start, output: output, previousOutput: nil)
        }
        // Where start sits in its run is unknown: probe a little more than a run below, so that
        // what remains is one bisection.
        let reach = width + (width >> 2)
        return firstOfRun(&evaluator, endingAt: start, output: output, guess: start >= bounds.lower + reach ? start - reach : bounds.lower)
    }

    /// Whether the input one unit above `run`'s first does better: only where that input starts
    /// a run of its own whose output is higher by more than one unit. That input is asked, not
    /// quoted (`CycleEvaluator.reaches`): a caller told yes searches on and quotes it then.
    func nextInputBeats(_ evaluator: inout CycleEvaluator, _ run: Run) -> Bool {
        // Profit `g(x + 1) − (x + 1) > g(x) − x` exactly when `g(x + 1) >= g(x) + 2`.
        let (target, overflow) = run.output.addingReportingOverflow(UInt256(2))
        guard run.input < bounds.upper, !overflow else { return false }
        return evaluator.reaches(target, from: run.input + .one)
    }

    /// From `run`, moves run by run towards a better neighbouring run until neither is better,
    /// at most `moveLimit` moves; the best input quoted stays in `evaluator`.
    func climb(_ evaluator: inout CycleEvaluator, from run: Run, moveLimit: Int) {
        var run = run
        var (movedLeft, movedRight) = (false, false)
        for _ in 0..<moveLimit {
            if !movedLeft, let next = nextRun(&evaluator, after: run.input, output: run.output),
               CycleOutcome(amountIn: next.input, amountOut: next.output) > run.outcome {
                run = Run(input: next.input, output: next.output, previousOutput: run.output)
                movedRight = true
                continue
            }
            guard !movedRight, run.input > bounds.lower, let previousOutput = run.previousOutput ?? evaluator.evaluate(run.input - .one) else { break }
            let end = run.input - .one
            let previous = firstOfRun(&evaluator, endingAt: end, output: previousOutput, guess: end >= bounds.lower + width ? end - width + .one : bounds.lower)
            guard previous.outcome > run.outcome else { break }
            run = previous
            movedLeft = true
        }
    }

    /// The smallest input whose cycle output is at least `output`, from `inverse`; nil without
    /// one. `end`, when given, is an input whose output is `output`: where it was quoted last,
    /// the inverse starts each hop from its amounts. Its single-pool quotes count in
    /// `evaluator.hopQuotes`.
    private func firstInput(_ evaluator: inout CycleEvaluator, reaching output: UInt256, end: UInt256? = nil) -> UInt256? {
        guard let inverse else { return nil }
        let known = end.flatMap { end in evaluator.outputs(ifLast: end).map { (end, $0) } }
        return inverse.smallestInput(reaching: output, known: known, quotes: &evaluator.hopQuotes)
    }

    /// The run holding `end`, whose output is `output`: its first input, from `inverse` where it
    /// has one (quoted once, to confirm it), else searched from `guess`.
    private func firstOfRun(_ evaluator: inout CycleEvaluator, endingAt end: UInt256, output: UInt256, guess: UInt256) -> Run {
        if let first = firstInput(&evaluator, reaching: output, end: end), first >= bounds.lower, first <= end, evaluator.evaluate(first) == output {
            return Run(input: first, output: output, previousOutput: nil)
        }
        let start = boundary(&evaluator, output: output, equalAbove: true, within: bounds.lower...end, guess: guess, knownAbove: end)
        return Run(input: start.input ?? end, output: output, previousOutput: start.outputBefore)
    }

    /// The first input after the run starting at `input` (output `output`) whose output differs,
    /// with that output; nil when there is none within the bounds or it reverts.
    private func nextRun(_ evaluator: inout CycleEvaluator, after input: UInt256, output: UInt256) -> (input: UInt256, output: UInt256)? {
        guard input < bounds.upper else { return nil }
        if output < .max, let next = firstInput(&evaluator, reaching: output + .one), next > input {
            // Exact: past the bounds there is no next run in them; otherwise its one quote.
            guard next <= bounds.upper, let nextOutput = evaluator.evaluate(next) else { return nil }
            if nextOutput > output { return (next, nextOutput) }
        }
        let guess = bounds.upper - input > width ? input + width : bounds.upper
        let end = boundary(&evaluator, output: output, equalAbove: false, within: (input + .one)...bounds.upper, guess: guess, knownAbove: nil)
        guard let next = end.input, let nextOutput = end.outputAt else { return nil }
        return (next, nextOutput)
    }

    /// Where the outputs change from something else to `output` (`equalAbove`) or from `output`
    /// to something else (`!equalAbove`) within `range`: the smallest input of `range` on the
    /// second side (nil if none), with its output and, when quoted, the output one input below.
    /// Outputs must lie on the first side below the change and on the second from it on, as a
    /// non-decreasing quote makes them; `knownAbove`, when given, is an input already known to be
    /// on the second side (output `output`). Searches outward from `guess` with doubling steps,
    /// then bisects.
    private func boundary(
        _ evaluator: inout CycleEvaluator, output: UInt256, equalAbove: Bool, within range: ClosedRange<UInt256>, guess: UInt256,
        knownAbove: UInt256?
    ) -> (input: UInt256?, outputAt: UInt256?, outputBefore: UInt256?) {
        var below: (input: UInt256, output: UInt256?)?
        var above: (input: UInt256, output: UInt256?)? = knownAbove.map { ($0, output) }
        var probe = Swift.min(Swift.max(guess, range.lowerBound), range.upperBound)
        if let known = knownAbove, probe >= known {
            // The guess is known already: start just below it.
            guard known > range.lowerBound else { return (known, output, nil) }
            probe = known - .one
        }
        var distance = UInt256.one
        // Gallop away from the guess until both sides are seen or an end is reached.
        while true {
            let probed = evaluator.evaluate(probe)
            if (probed == output) == equalAbove {
                above = (probe, probed)
                guard below == nil, probe > range.lowerBound else { break }
                probe = probe - range.lowerBound > distance ? probe - distance : range.lowerBound
            } else {
                below = (probe, probed)
                guard above == nil, probe < range.upperBound else { break }
                probe = range.upperBound - probe > distance ? probe + distance : range.upperBound
            }
            distance = distance.bitWidth < 255 ? distance << 1 : distance
        }
        guard var low = below else { return (range.lowerBound, above?.output, nil) }
        guard var high = above else { return (nil, nil, nil) }
        while high.input - low.input > .one {
            let middle = low.input + ((high.input - low.input) >> 1)
            let probed = evaluator.evaluate(middle)
            if (probed == output) == equalAbove { high = (middle, probed) } else { low = (middle, probed) }
        }
        return (high.input, high.output, low.output)
    }
}
