import Kernel

/// Finds the input that maximises a cycle's exact profit `quote(x) − x`, where `quote` chains
/// every hop's exact quote.
///
/// A cycle of constant-product pairs (every hop's quote its curve rounded down) is first tried
/// in floating point (`sizePairs`): the same test as step 1 below, against the maps' bound
/// composed in `Double` with an allowance for its rounding, settles nearly all of them without
/// the 512-bit closed form.
///
/// When every hop has a `MobiusMap`, the cycle's map is their composition and its profit is
/// maximal at `x* = (√(K·M) − M) / N` (`MobiusOptimum`; no input profits when `K <= M`). That is
/// a real-number answer; the pools round every output down, which makes the exact profit a
/// sawtooth: it falls along each run of inputs that get the same output, and the true integer
/// optimum can sit anywhere the smooth profit is within the rounding of its peak. The map's
/// profit at x* (`profitBound`) bounds every input's exact profit from above, so the sizer:
/// 1. quotes `floor(x*)` (moved into the bounds) exactly and finds the first input of its run
///    of equal outputs (`StepClimb`), which beats the input one unit below; then asks the map
///    which inputs could still match its profit. If there are at most
///    `exhaustiveWindowLimit` of them, it quotes them all: the result is the true integer
///    optimum, the smallest input among equals (`closedFormOptimal`). If the shortfall bound
///    `profitBound − profit` is at most `profit / toleranceDivisor`, no input quoted on the way
///    did better and the input one unit above does no better, the run's first input is within
///    that of the optimum and it stops there (`closedFormNearOptimal`): the usual case for pools
///    of realistic depth and a profit worth taking, three cycle quotes where every token has 18
///    decimals.
/// 2. Otherwise it climbs run by run towards a better neighbouring run: a local maximum, no
///    input one unit either side of it being better (unless `localMoveLimit` moves run out
///    first), then tries the exhaustive window again from the better profit. For pools of
///    realistic depth that window is far wider (it grows as the square root of the depth), so
///    the answer stays a local maximum (`closedFormLocal`) whose shortfall from the optimum is at
///    most `profitBound − profit`: about one unit of each hop's output token, in input units.
/// A hop without a map, a composition that does not normalise, or a closed-form optimum or
/// answer past a hop's `inputLimit` (where the map no longer describes the pool) sends the cycle
/// to the piecewise walk (`PiecewiseOptimum`: the closed form range by range over the hops'
/// `segments`, then the same local search from its peak, judged against its bound:
/// `piecewiseNearOptimal` or `piecewiseLocal`); where some hop has no segments, or they run
/// out before the peak, or a start reverts, to `BracketedSearch` over the bounds
/// (`bracketed`).
public struct CycleSizer: Sendable {
    /// The most inputs quoted to prove a closed-form result optimal.
    public var exhaustiveWindowLimit: Int
    /// The most moves from one run of equal outputs to the next while climbing from the
    /// closed-form start (`StepClimb`).
    public var localMoveLimit: Int
    /// A closed-form start whose shortfall bound is at most its profit divided by this is kept
    /// without a local search: 10^6 keeps every such answer within 10^-6 of the optimum.
    public var toleranceDivisor: UInt256
    /// The most tick ranges asked of each hop for the piecewise walk (`SizingHop.segments`).
    public var segmentLimit: Int
    /// The most quotes one hop may spend finding its smallest input for an output
    /// (`SizingHop.smallestInput`): two or three where its exact-output input is that or near it.
    static let inverseProbeLimit = 24

    /// A sizer with these limits (defaults: 64 quotes, 8 moves, 10^-6 of the profit, 16 ranges).
    public init(exhaustiveWindowLimit: Int = 64, localMoveLimit: Int = 8, toleranceDivisor: UInt256 = UInt256(1_000_000), segmentLimit: Int = 16) {
        self.exhaustiveWindowLimit = exhaustiveWindowLimit
        self.localMoveLimit = localMoveLimit
        self.toleranceDivisor = toleranceDivisor
        self.segmentLimit = segmentLimit
    }

    /// The most profitable input for `hops` within `bounds`, quoted exactly. A cycle whose
    /// closed form shows no input can profit more than `minimumProfit` (the cost of the
    /// cheapest transaction that could take it) is answered without a quote
    /// (`closedFormBelowMinimum`).
    public func size(_ hops: [SizingHop], within bounds: SizingBounds, minimumProfit: UInt256 = .zero) -> CycleSizing {
        var evaluator = CycleEvaluator(hops)
        if let sizing = sizePairs(hops, &evaluator, within: bounds, minimumProfit: minimumProfit) {
            return sizing
        }
        guard let map = Self.composedMap(hops) else {
            return sizeAcrossRanges(hops, &evaluator, within: bounds, minimumProfit: minimumProfit)
        }
        guard let optimum = MobiusOptimum(map) else {
            return CycleSizing(trade: nil, method: .closedFormOptimal, quoteEvaluations: 0, hopQuotes: 0, profitBound: .zero)
        }
        guard Self.mapsHold(hops, at: optimum.input) else {
            // The optimum lies past some hop's range: the exact curve there is not the map's.
            return sizeAcrossRanges(hops, &evaluator, within: bounds, minimumProfit: minimumProfit)
        }
        if optimum.profitBound <= minimumProfit {
            return CycleSizing(trade: nil, method: .closedFormBelowMinimum, quoteEvaluations: 0, hopQuotes: 0, profitBound: optimum.profitBound)
        }
        let start = bounds.clamp(optimum.input)
        let climb = StepClimb(bounds: bounds, width: Self.predictedRunWidth(hops, at: start), hops: hops, probeLimit: Self.inverseProbeLimit)
        guard let run = climb.run(&evaluator, holding: start) else {
            return bracketed(&evaluator, through: start > bounds.lower ? start - .one : nil, within: bounds)
        }
        var method = SizingMethod.closedFormLocal
        if prove(&evaluator, optimum: optimum, within: bounds) {
            method = .closedFormOptimal
        } else if evaluator.bestInput == run.input, let profit = evaluator.bestOutcome.profit,
                  optimum.profitBound - profit <= profit / toleranceDivisor, !climb.nextInputBeats(&evaluator, run) {
            method = .closedFormNearOptimal
        } else {
            climb.climb(&evaluator, from: run, moveLimit: localMoveLimit)
            if prove(&evaluator, optimum: optimum, within: bounds) { method = .closedFormOptimal }
        }
        if let trade = evaluator.bestTrade, Self.leavesRange(hops, trade) {
            // The search wandered past a hop's range, where the map no longer bounds the pool
            // (a cycle that loses at the margin loses at every size, whatever the limits).
            return sizeAcrossRanges(hops, &evaluator, within: bounds, minimumProfit: minimumProfit)
        }
        return CycleSizing(trade: evaluator.bestTrade, method: method, quoteEvaluations: evaluator.evaluations, hopQuotes: evaluator.hopQuotes, profitBound: optimum.profitBound)
    }

    /// The cycles of constant-product pairs (every hop's quote its curve rounded down,
    /// `SizingHop.exactQuote`), settled in floating point where that suffices: the maps composed
    /// in `Double` bound every input's profit from above, with an allowance for the rounding
    /// (`FloatingProfitBound`), and give the start. From the start, the step above: the first
    /// input of its run, within `profit / toleranceDivisor` of that bound, the input one unit
    /// above no better (`closedFormNearOptimal`, three cycle quotes where the runs are one unit
    /// wide), unless so few inputs could still do as well that the exact path can quote them
    /// all. That is the exact path's own test, against a bound looser by about 10^-13 of the
    /// profit over the cycle's edge, so it settles every cycle whose edge exceeds about 10^-7
    /// and needs neither the 512-bit composition nor its square root (which cost more than the
    /// quotes). Nil where some hop is not a pair or the test fails, leaving what was quoted in
    /// `evaluator` for the exact path.
    private func sizePairs(_ hops: [SizingHop], _ evaluator: inout CycleEvaluator, within bounds: SizingBounds,
                           minimumProfit: UInt256) -> CycleSizing? {
        var floating = FloatingProfitBound()
        for hop in hops {
            guard let quote = hop.exactQuote else { return nil }
            floating.append(FloatingMap(quote.approximateMap))
        }
        guard !hops.isEmpty, let peak = floating.peak else { return nil }
        let bound = UInt256(truncating: peak.bound)
        if bound.isZero {
            return CycleSizing(trade: nil, method: .closedFormOptimal, quoteEvaluations: 0, hopQuotes: 0, profitBound: .zero)
        }
        if peak.excludes(minimumProfit) {
            return CycleSizing(trade: nil, method: .closedFormBelowMinimum, quoteEvaluations: 0, hopQuotes: 0, profitBound: bound)
        }
        let start = bounds.clamp(UInt256(truncating: peak.input))
        let climb = StepClimb(bounds: bounds, width: Self.predictedRunWidth(hops, at: start), hops: hops, probeLimit: Self.inverseProbeLimit)
        guard let run = climb.run(&evaluator, holding: start), evaluator.bestInput == run.input,
              let profit = evaluator.bestOutcome.profit, profit <= bound, bound - profit <= profit / toleranceDivisor,
              // Where few inputs could still do as well, the exact path quotes them all instead
              // and proves the optimum (`closedFormOptimal`).
              peak.windowWidth(reaching: profit.approximateDouble) > 2 * Double(exhaustiveWindowLimit) + 8,
              !climb.nextInputBeats(&evaluator, run)
        else { return nil }
        return CycleSizing(trade: evaluator.bestTrade, method: .closedFormNearOptimal, quoteEvaluations: evaluator.evaluations,
                           hopQuotes: evaluator.hopQuotes, profitBound: bound)
    }

    /// Sizes a cycle whose optimum may lie past some hop's first range: the piecewise walk
    /// (`PiecewiseOptimum`) over every hop's segments, then the exact search from its peak;
    /// the bracketed search where some hop has no segments or the walk runs out of them. Keeps
    /// the best input `evaluator` has quoted already and counts its quotes.
    private func sizeAcrossRanges(_ hops: [SizingHop], _ evaluator: inout CycleEvaluator, within bounds: SizingBounds,
                                  minimumProfit: UInt256) -> CycleSizing {
        evaluator.tiesGoToSmallerInputs = false
        guard let walk = piecewiseOptimum(hops, within: bounds) else {
            return bracketed(&evaluator, through: bounds.upper, within: bounds)
        }
        // The floating point's allowance, and a unit for the last rounding.
        let bound = UInt256(truncating: Swift.max(walk.profit + walk.input * 0x1p-40 + 1, 0).rounded(.up))
        if bound <= minimumProfit, evaluator.bestTrade.map({ $0.profit <= minimumProfit }) ?? true {
            return CycleSizing(trade: nil, method: .closedFormBelowMinimum, quoteEvaluations: evaluator.evaluations, hopQuotes: evaluator.hopQuotes, profitBound: bound)
        }
        // At a pool's end, start a little inside it: the walk's input is only as exact as the
        // floating point, and one unit past the end reverts.
        let start = bounds.clamp(UInt256(truncating: walk.atEnd ? walk.input * (1 - 0x1p-40) - 1 : walk.input))
        let climb = StepClimb(bounds: bounds, width: Swift.max(UInt256(truncating: walk.runWidth), .one), hops: hops, probeLimit: Self.inverseProbeLimit)
        guard let run = climb.run(&evaluator, holding: start) else {
            return bracketed(&evaluator, through: start > bounds.lower ? start - .one : nil, within: bounds)
        }
        let rounding = UInt256(truncating: walk.roundingAllowance.rounded(.up))
        if !isNear(bound, rounding, evaluator) || climb.nextInputBeats(&evaluator, run) {
            climb.climb(&evaluator, from: run, moveLimit: localMoveLimit)
        }
        let method: SizingMethod = isNear(bound, rounding, evaluator) ? .piecewiseNearOptimal : .piecewiseLocal
        return CycleSizing(trade: evaluator.bestTrade, method: method, quoteEvaluations: evaluator.evaluations, hopQuotes: evaluator.hopQuotes, profitBound: bound)
    }

    /// Brent's bracketed search over the inputs of `bounds` up to `upper` (none for nil): where
    /// no closed form or walk applies, or below the start they gave where it reverts (past the
    /// pools' liquidity or loaded ticks). Keeps the best input `evaluator` has quoted already.
    private func bracketed(_ evaluator: inout CycleEvaluator, through upper: UInt256?, within bounds: SizingBounds) -> CycleSizing {
        if let upper {
            BracketedSearch.search(&evaluator, lower: bounds.lower, upper: upper)
        }
        return CycleSizing(trade: evaluator.bestTrade, method: .bracketed, quoteEvaluations: evaluator.evaluations, hopQuotes: evaluator.hopQuotes, profitBound: nil)
    }

    /// Whether the best profit quoted is within `profit / toleranceDivisor` of `bound`, beyond
    /// the pools' `rounding`.
    private func isNear(_ bound: UInt256, _ rounding: UInt256, _ evaluator: CycleEvaluator) -> Bool {
        guard let profit = evaluator.bestOutcome.profit else { return false }
        return bound <= profit || bound - profit <= profit / toleranceDivisor + rounding
    }

    /// The walk over every hop's segments, in floating point; nil when a hop has none.
    ///
    /// Hops without a Möbius map are asked first: their pools (Curve, Camelot's stable pairs)
    /// have no segments either, and finding that out is cheap, while a concentrated-liquidity
    /// pool's segments cost a run of its swap loop (measured: a V3 + Curve cycle sized in 177 µs
    /// asking the V3 pool first, 78 µs asking the Curve pool first).
    func piecewiseOptimum(_ hops: [SizingHop], within bounds: SizingBounds) -> PiecewiseOptimum? {
        var lists = [[SwapSegment]?](repeating: nil, count: hops.count)
        for mapped in [false, true] {
            for index in hops.indices where (hops[index].map != nil) == mapped {
                guard let list = hops[index].segments?(segmentLimit), !list.isEmpty else { return nil }
                lists[index] = list
            }
        }
        var segments: [PiecewiseOptimum.Hop] = []
        segments.reserveCapacity(hops.count)
        for list in lists {
            guard let list else { return nil }
            // Fewer than asked for: the pool prices nothing past the last (`swapSegments`).
            segments.append(PiecewiseOptimum.Hop(segments: list.map(PiecewiseOptimum.Segment.init), isComplete: list.count < segmentLimit))
        }
        guard let walk = PiecewiseOptimum(
            segments, lower: bounds.lower.approximateDouble, upper: bounds.upper.approximateDouble,
            pieceLimit: hops.count * segmentLimit + 1),
            walk.input.isFinite, walk.profit.isFinite, walk.runWidth.isFinite
        else { return nil }
        return walk
    }

    /// Whether some hop's input for `trade` lies past that hop's `inputLimit`.
    static func leavesRange(_ hops: [SizingHop], _ trade: SizedCycle) -> Bool {
        var input = trade.amountIn
        for (hop, output) in zip(hops, trade.amountsOut) {
            if let limit = hop.inputLimit, input > limit { return true }
            input = output
        }
        return false
    }

    /// The composition of every hop's map, or nil when a hop has none (or an empty cycle).
    static func composedMap(_ hops: [SizingHop]) -> MobiusMap? {
        guard var map = hops.first?.map else { return nil }
        for hop in hops.dropFirst() {
            guard let next = hop.map, let composed = map.then(next) else { return nil }
            map = composed
        }
        return map
    }

    /// Whether every hop's input, when the cycle starts with `input`, stays within its map's
    /// `inputLimit`, with a margin of 10^-6 for the floating point. The maps bound the pools'
    /// outputs from above, so the inputs they predict bound the true ones: within the limits
    /// the map of the whole cycle is the real-number curve of its pools near `input`.
    static func mapsHold(_ hops: [SizingHop], at input: UInt256) -> Bool {
        var amount = input.approximateDouble
        for hop in hops {
            guard let map = hop.map else { return false }
            if let limit = hop.inputLimit, amount > limit.approximateDouble * (1 - 1e-6) { return false }
            amount = map.k.approximateDouble * amount / (map.m.approximateDouble + map.n.approximateDouble * amount)
        }
        return true
    }

    /// The widest run of equal outputs the maps predict near `input`: for each prefix of the
    /// cycle (whose output is rounded to a unit), one over its slope `k·m / (m + n·x)²` there;
    /// at least 1. An estimate for `StepClimb`'s guesses, in floating point.
    static func predictedRunWidth(_ hops: [SizingHop], at input: UInt256) -> UInt256 {
        let x = input.approximateDouble
        var widest = 1.0
        var (k, m, n) = (1.0, 1.0, 0.0)
        for hop in hops {
            guard let map = hop.map else { break }
            // The composition of the maps so far, in floating point (the widths are estimates).
            let (k2, m2, n2) = (map.k.approximateDouble, map.m.approximateDouble, map.n.approximateDouble)
            (k, m, n) = (k * k2, m * m2, m2 * n + k * n2)
            let scale = Swift.max(k, m, n)
            (k, m, n) = (k / scale, m / scale, n / scale)
            let denominator = m + n * x
            widest = Swift.max(widest, denominator * denominator / (k * m))
        }
        return Swift.max(UInt256(truncating: widest), .one)
    }

    /// Quotes every input that could still match the best profit, if there are at most
    /// `exhaustiveWindowLimit` of them; true when it did (or there are none). Then the best input
    /// quoted is the smallest of those with the highest exact profit within the bounds.
    private func prove(_ evaluator: inout CycleEvaluator, optimum: MobiusOptimum, within bounds: SizingBounds) -> Bool {
        let window: (lower: UInt256, upper: UInt256)
        switch optimum.window(reaching: evaluator.bestOutcome.profit ?? .one, limit: exhaustiveWindowLimit) {
        case .empty: return true
        case .tooWide: return false
        case .range(let lower, let upper): window = (Swift.max(lower, bounds.lower), Swift.min(upper, bounds.upper))
        }
        guard window.lower <= window.upper else { return true }
        // window.lower >= 1, so the count cannot overflow.
        guard let count = (window.upper - window.lower + .one).intValue, count <= exhaustiveWindowLimit else { return false }
        evaluator.tiesGoToSmallerInputs = true
        var input = window.lower
        while true {
            evaluator.evaluate(input)
            if input == window.upper { return true }
            input = input + .one
        }
    }
}
