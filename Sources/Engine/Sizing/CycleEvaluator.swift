import Kernel

/// Quotes a cycle for chosen inputs, hop by hop, counting the quotes and keeping the best input
/// seen with each hop's output for it.
struct CycleEvaluator {
    /// The cycle's hops, in order.
    private let hops: [SizingHop]
    /// How many inputs have been quoted.
    private(set) var evaluations = 0
    /// Single-pool computations (an exact quote or exact-output input of one hop) spent outside
    /// whole-cycle quotes: finding where the cycle's output steps (`CycleInverse`).
    var hopQuotes = 0
    /// The best input quoted so far; zero before any. Among equally good inputs, the first
    /// quoted, or the smallest while `tiesGoToSmallerInputs` is set.
    private(set) var bestInput: UInt256 = .zero
    /// Whether an input as good as the best but smaller replaces it (for a scan that must end on
    /// the smallest of the best inputs). Otherwise only a better input does, so that the best
    /// stays where a local search left it.
    var tiesGoToSmallerInputs = false
    /// Its outcome; `.reverted` before any quote.
    private(set) var bestOutcome: CycleOutcome = .reverted
    /// Each hop's output for `bestInput`.
    private var bestAmounts: HopOutputs
    /// Each hop's output for the input being quoted (or quoted last, unless it became the best).
    private var amounts: HopOutputs
    /// The input quoted last, when no hop reverted for it.
    private var lastInput: UInt256?
    /// Whether the last input's outputs are in `bestAmounts` (it became the best).
    private var lastIsBest = false

    /// An evaluator for `hops`.
    init(_ hops: [SizingHop]) {
        self.hops = hops
        bestAmounts = HopOutputs(count: hops.count)
        amounts = HopOutputs(count: hops.count)
    }

    /// Quotes the cycle for `input`, remembering it if it is the best so far: what comes back,
    /// or nil when a hop reverts.
    @discardableResult
    mutating func evaluate(_ input: UInt256) -> UInt256? {
        evaluations += 1
        lastInput = nil
        var amount = input
        for index in hops.indices {
            guard let output = hops[index].amountOut(amount) else { return nil }
            amount = output
            amounts[index] = amount
        }
        lastInput = input
        lastIsBest = false
        let outcome = CycleOutcome(amountIn: input, amountOut: amount)
        if outcome > bestOutcome || (tiesGoToSmallerInputs && outcome == bestOutcome && input < bestInput) {
            bestOutcome = outcome
            bestInput = input
            swap(&amounts, &bestAmounts)
            lastIsBest = true
        }
        return amount
    }

    /// Whether the cycle pays back at least `target` for `input` (false where a hop reverts),
    /// counted as a quote: every hop is quoted but the last, which is only asked whether it pays
    /// `target` (`ConstantProductQuote.pays(atLeast:for:)`, a multiplication in place of its
    /// quote's division) where it is a pair. It learns no output, so `input` never becomes the
    /// best: for the searches that only ask on which side of an output an input lies.
    mutating func reaches(_ target: UInt256, from input: UInt256) -> Bool {
        evaluations += 1
        lastInput = nil
        guard let last = hops.indices.last else { return false }
        var amount = input
        for index in 0..<last {
            guard let output = hops[index].amountOut(amount) else { return false }
            amount = output
        }
        if let exactQuote = hops[last].exactQuote { return exactQuote.pays(atLeast: target, for: amount) }
        return hops[last].amountOut(amount).map { $0 >= target } ?? false
    }

    /// Each hop's output for `input` if it was the input quoted last; nil otherwise.
    func outputs(ifLast input: UInt256) -> HopOutputs? {
        guard lastInput == input else { return nil }
        return lastIsBest ? bestAmounts : amounts
    }

    /// Quotes the cycle for `input` (as `evaluate`) and ranks the result.
    mutating func outcome(_ input: UInt256) -> CycleOutcome {
        evaluate(input).map { CycleOutcome(amountIn: input, amountOut: $0) } ?? .reverted
    }

    /// The best input as a trade, when it makes a profit of at least one unit.
    var bestTrade: SizedCycle? {
        guard let profit = bestOutcome.profit else { return nil }
        return SizedCycle(amountIn: bestInput, amountsOut: bestAmounts.array, profit: profit)
    }
}
