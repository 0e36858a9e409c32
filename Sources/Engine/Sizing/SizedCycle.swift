import Kernel

/// A sized trade around a cycle: the input and what each hop pays for it, quoted exactly.
public struct SizedCycle: Sendable, Equatable {
    /// The amount put into the first hop.
    public let amountIn: UInt256
    /// Each hop's output, in cycle order; the last is what comes back.
    public let amountsOut: [UInt256]
    /// What comes back minus what went in (at least one unit).
    public let profit: UInt256
}

/// How `CycleSizer` found its answer.
public enum SizingMethod: Sendable, Equatable {
    /// The closed form, then every input where the Möbius bound still allows as high a profit
    /// was quoted: no integer input within the bounds has a higher exact profit (or, without a
    /// trade, any profit at all), and none smaller has as high a one.
    case closedFormOptimal
    /// The first input of the closed-form start's run of equal outputs (better than the inputs
    /// one unit either side), whose profit the Möbius bound shows to be within
    /// `profit / CycleSizer.toleranceDivisor` of the optimum: no further search was needed.
    case closedFormNearOptimal
    /// The closed form, then a local integer search: a local maximum of the exact profit (no
    /// better input one unit either side, unless the move limit ran out), within
    /// `profitBound − profit` of the optimum.
    case closedFormLocal
    /// No quote: the Möbius bound on every input's profit is at most the minimum asked for, and
    /// the closed-form optimum lies where every hop's map holds, so (each hop's output being
    /// concave in its input) no input beyond the maps' ranges does better either; or the
    /// piecewise walk's bound is (with its floating-point allowance).
    case closedFormBelowMinimum
    /// The optimum lies past some hop's first tick range: the closed form walked range by range
    /// (`PiecewiseOptimum`), then a local integer search from there, whose profit the
    /// segments' bound shows to be within `profit / CycleSizer.toleranceDivisor` of the
    /// optimum, plus what the pools' rounding can cost any input
    /// (`PiecewiseOptimum.roundingAllowance`) and the walk's floating-point allowance.
    case piecewiseNearOptimal
    /// As `piecewiseNearOptimal`, but the local search ended further from the bound: a local
    /// maximum of the exact profit, within `profitBound − profit` of the optimum.
    case piecewiseLocal
    /// Brent's bracketed search on the exact quotes (some hop has no closed form, or its ranges
    /// run out before the optimum).
    case bracketed
}

/// The result of sizing a cycle.
public struct CycleSizing: Sendable, Equatable {
    /// The best input found and its exact quotes; nil when no input found makes a profit (or,
    /// for `closedFormBelowMinimum`, more than the minimum).
    public let trade: SizedCycle?
    /// How it was found.
    public let method: SizingMethod
    /// How many times the whole cycle was quoted (each hop's quote once per time, fewer when a
    /// hop reverts).
    public let quoteEvaluations: Int
    /// How many single-pool computations (one hop's exact quote or exact-output input) it took
    /// besides: finding where the cycle's output steps from the hops' exact outputs.
    public let hopQuotes: Int
    /// For the closed-form and piecewise methods, an amount no input's exact profit exceeds,
    /// provided every hop's map (or segment) bounds its quote from above (as the pools' curves
    /// do); nil for the bracketed search.
    public let profitBound: UInt256?
}
