import Kernel

/// What the engine has done since it started: the numbers of `replay`'s summary and of the
/// service's metrics.
public struct EngineCounters: Sendable, Equatable {
    /// Messages processed.
    public var messages = 0
    /// Transactions with swaps processed.
    public var transactions = 0
    /// Legs that ran on the pending state.
    public var legsApplied = 0
    /// Legs that changed nothing, by reason.
    public var legsFailed: [LegFailure: Int] = [:]
    /// Legs through a pool the engine does not hold.
    public var legsOnUnknownPools = 0
    /// Cycles screened (a cycle through several touched pools counts once per message).
    public var cyclesScreened = 0
    /// Cycles that passed the screen but go through a pool an aggregator swap with a hidden route
    /// may have moved since the confirmed block: not sized.
    public var cyclesUncertain = 0
    /// Cycles whose marginal rates passed the screen and were sized.
    public var cyclesSized = 0
    /// Whole-cycle exact quotes the sizing of those cycles took (every hop quoted once each).
    public var cycleQuotes = 0
    /// Single-pool computations that sizing took besides (one hop's exact quote or exact-output
    /// input, finding where a cycle's output steps).
    public var hopQuotes = 0
    /// Sized cycles with a gross profit that their costs ate (or left below `minNetProfit`), or
    /// whose closed form bounds every input's profit below the floor of their cost.
    public var belowCost = 0
    /// Sized cycles through a pool of a family the executor has no hop for.
    public var unexecutable = 0
    /// Opportunities reported.
    public var opportunities = 0
    /// Their net profit, in wei of ETH.
    public var totalNetProfitEth = UInt256.zero

    /// No counts yet.
    public init() {}

    /// Counts one leg's result.
    mutating func count(_ result: LegResult) {
        switch result {
        case .applied: legsApplied += 1
        case .failed(let failure): legsFailed[failure, default: 0] += 1
        case .unknownPool: legsOnUnknownPools += 1
        }
    }
}

/// How long the engine's stages took for the last message, in nanoseconds of the injected
/// clock (all zero without one).
public struct StageTimings: Sendable, Equatable {
    /// Applying the legs to the pending state.
    public var simulate: UInt64 = 0
    /// Screening the cycles through the pools they touched.
    public var screen: UInt64 = 0
    /// Sizing the cycles that passed.
    public var size: UInt64 = 0
    /// Costing and converting the sized cycles.
    public var price: UInt64 = 0

    /// All zero.
    public init() {}
}
