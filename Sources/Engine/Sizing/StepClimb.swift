import Kernel

/// A local search over the steps of a cycle's exact output.
///
/// Every pool rounds its output down, so the cycle's output `g(x)` is a non-decreasing step
/// function of the input: constant over runs of inputs (one unit wide between tokens of similar
/// decimals, about 10^12 wide when an 18-decimal input passes through a 6-decimal token), and
/// the profit `g(x) − x` falls along each run. So the best input of a run is its first, and a
/// local maximum of the exact profit is a run's first input whose neighbouring runs start no
/// better. A run's ends are found by galloping (1, 2, 4, … units away) then bisecting: about
/// `2·log2(width)` quotes, one or two for runs one unit wide.
struct StepClimb {
    /// The first input of a run of equal outputs, and what is known just before it.
    private struct Run {
        /// The run's first input.
        var input: UInt256
        /// The cycle's output over the run.
        var output: UInt256
        /// The output for `input − 1`; nil when `input` is the lower bound or that input reverts.
        var previousOutput: UInt256?

        /// The run's best outcome (its first input's).
        var outcome: CycleOutcome { CycleOutcome(amountIn: input, amountOut: output) }
    }

    /// The inputs considered.
    let bounds: SizingBounds

    /// From `start`, moves run by run towards a better neighbouring run until neither is better
    /// (moving left also on ties, towards smaller inputs), at most `moveLimit` moves; the best
    /// input quoted stays in `evaluator`. False, having quoted only `start`, when it reverts.
    func climb(_ evaluator: inout CycleEvaluator, from start: UInt256, moveLimit: Int) -> Bool {
        guard let output = evaluator.evaluate(start) else { return false }
        var run = firstOfRun(&evaluator, containing: start, output: output)
        var (movedLeft, movedRight) = (false, false)
        for _ in 0..<moveLimit {
            if !movedLeft, let next = nextRun(&evaluator, after: run.input, output: run.output),
               CycleOutcome(amountIn: next.input, amountOut: next.output) > run.outcome {
                run = Run(input: next.input, output: next.output, previousOutput: run.output)
                movedRight = true
                continue
            }
            guard !movedRight, let previousOutput = run.previousOutput else { break }
            let previous = firstOfRun(&evaluator, containing: run.input - .one, output: previousOutput)
            guard previous.outcome >= run.outcome else { break }
            run = previous
            movedLeft = true
        }
        return true
    }

    /// The run holding `input`, whose output is `output`: gallops left while the output stays
    /// the same, then bisects to the run's first input.
    private func firstOfRun(_ evaluator: inout CycleEvaluator, containing input: UInt256, output: UInt256) -> Run {
        var equal = input
        var distance = UInt256.one
        var below: (input: UInt256, output: UInt256?)
        while true {
            if equal == bounds.lower { return Run(input: equal, output: output, previousOutput: nil) }
            let probe = equal - bounds.lower > distance ? equal - distance : bounds.lower
            let probed = evaluator.evaluate(probe)
            guard probed == output else {
                below = (probe, probed)
                break
            }
            equal = probe
            distance = Self.doubled(distance)
        }
        while equal - below.input > .one {
            let middle = below.input + ((equal - below.input) >> 1)
            let probed = evaluator.evaluate(middle)
            if probed == output { equal = middle } else { below = (middle, probed) }
        }
        return Run(input: equal, output: output, previousOutput: below.output)
    }

    /// The first input after `input` whose output differs from `output` (a larger one), with
    /// that output; nil when there is none within the bounds or it reverts.
    private func nextRun(_ evaluator: inout CycleEvaluator, after input: UInt256, output: UInt256) -> (input: UInt256, output: UInt256)? {
        var equal = input
        var distance = UInt256.one
        var above: (input: UInt256, output: UInt256?)
        while true {
            if equal == bounds.upper { return nil }
            let probe = bounds.upper - equal > distance ? equal + distance : bounds.upper
            let probed = evaluator.evaluate(probe)
            guard probed == output else {
                above = (probe, probed)
                break
            }
            equal = probe
            distance = Self.doubled(distance)
        }
        while above.input - equal > .one {
            let middle = equal + ((above.input - equal) >> 1)
            let probed = evaluator.evaluate(middle)
            if probed == output { equal = middle } else { above = (middle, probed) }
        }
        return above.output.map { (above.input, $0) }
    }

    /// `distance · 2`, held below 2^255.
    private static func doubled(_ distance: UInt256) -> UInt256 {
        distance.bitWidth < 255 ? distance << 1 : distance
    }
}
