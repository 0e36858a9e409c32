import Kernel

/// The engine: from the swaps of each feed message to the arbitrages they open, sized and
/// priced, on the pending state.
///
/// It is a value, pure and deterministic: no I/O, no clock but the one injected for stage
/// timings (which changes no answer). Given the same snapshot, configuration and messages, it
/// returns the same opportunities.
///
/// **Pending state.** On Arbitrum the feed is the final order, so the pending state is the
/// confirmed state plus every recognised leg of the feed applied in order with the pools' exact
/// math (`TransactionSimulator`). `confirm(block:timestamp:pools:)` installs a block's states
/// and re-applies the feed's transactions the block did not include.
///
/// **Detection.** After a message's transactions are applied, the cycles through the pools they
/// moved are screened by the product of their marginal rates (`SpotRates`); those that pass are
/// sized on the exact quotes (`CycleSizer`) and priced net of gas and the L1 fee
/// (`CyclePricer`). A backrun lands after the whole message, so detection runs on the state the
/// message leaves; an opportunity's trigger is the message's last transaction that moved one of
/// the cycle's pools.
public struct Engine: Sendable {
    /// The operator's settings.
    public let configuration: EngineConfiguration
    /// The cycles.
    public private(set) var index: CycleIndex
    /// The block of the confirmed state.
    public private(set) var confirmedBlock: UInt64
    /// What the engine has done.
    public private(set) var counters = EngineCounters()
    /// The stage timings of the last message.
    public private(set) var lastTimings = StageTimings()
    /// A monotonic clock in nanoseconds for `lastTimings`; nil (no timings) by default.
    public var clock: (@Sendable () -> UInt64)?

    private var roster: PoolRoster
    private var state = PendingState()
    private var conversion = EthConversion()
    private(set) var pricer: CyclePricer
    private let sizer = CycleSizer()
    private var screened = ScreenedMarks()
    /// Pools an aggregator swap with a hidden route may have moved, with the block of its
    /// message: cycles through them are not sized until a block at or after it is confirmed, or
    /// (no block confirming it) until it is `unconfirmedWindowBlocks` old.
    private var uncertain: [PoolSlot: UInt64] = [:]
    /// At most the oldest block in `uncertain` (a pool marked again moves its own mark later).
    private var oldestUncertain: UInt64?
    /// The feed's transactions since the confirmed block, for re-applying after a confirm.
    private var unconfirmed: [(block: UInt64, timestamp: UInt64, transaction: SwapTransaction)] = []

    /// An engine over `snapshot`'s pools; `plugins` maps each dex.yaml entry name to its plugin,
    /// which finds the pools that calls name by their tokens. A pool of a family the executor has
    /// no hop for is held (legs on it are simulated), and the cycles through it are sized but not
    /// reported (`EngineCounters.unexecutable`).
    public init(snapshot: Snapshot, plugins: [String: any DEXPlugin], configuration: EngineConfiguration = EngineConfiguration()) throws(EngineError) {
        self.configuration = configuration
        index = CycleIndex(bases: configuration.bases)
        roster = PoolRoster(plugins: plugins)
        confirmedBlock = snapshot.block
        pricer = CyclePricer(
            costModel: CycleCostModel(gasTable: configuration.gasTable, template: configuration.transaction),
            l2BaseFee: snapshot.l2BaseFee ?? configuration.l2BaseFee,
            l1PricePerUnit: snapshot.l1PricePerUnit ?? configuration.l1PricePerUnit)
        for entry in snapshot.pools {
            try insert(entry)
        }
    }

    /// Adds a pool (the state sync found or loaded it).
    public mutating func insert(_ entry: SnapshotPool) throws(EngineError) {
        guard let plugin = roster.plugin(for: entry.dex) else { throw .unknownDex(pool: entry.pool.address, dex: entry.dex) }
        let slot: PoolSlot
        do {
            slot = try index.insert(pool: entry.pool.address, tokens: entry.pool.tokens)
        } catch {
            throw .index(error)
        }
        roster.set(PoolRoster.Member(dex: entry.dex, kind: HopKind(plugin: type(of: plugin).name)), at: slot)
        state.setConfirmed(entry.pool, at: slot)
        conversion.add(slot, tokens: entry.pool.tokens, bases: index.bases)
    }

    /// The pending state of the pool at `address`, if the engine holds it.
    public func pendingPool(_ address: Address) -> (any PricingPool)? {
        index.slot(of: address).flatMap(state.pool)
    }

    /// The pending state's version: it changes whenever the state does.
    public var stateVersion: UInt64 { state.version }

    // MARK: Messages

    /// Applies `message`'s swaps to the pending state and returns the opportunities they open,
    /// in the order found, above `minNetProfit`.
    public mutating func process(_ message: SwapMessage) -> [Opportunity] {
        counters.messages += 1
        let block = message.sequenceNumber &+ configuration.blockNumberOffset
        var timings = StageTimings()
        var mark = clock?() ?? 0
        func lap(_ stage: inout UInt64) {
            guard let clock else { return }
            let now = clock()
            stage &+= now &- mark
            mark = now
        }
        // Simulate: each transaction in feed order; remember which one last moved each pool.
        var touched: [PoolSlot] = []
        var lastMover: [PoolSlot: Int] = [:]
        for (position, transaction) in message.transactions.enumerated() {
            let moved = apply(transaction, timestamp: message.timestamp, counting: true)
            for slot in moved {
                if lastMover.updateValue(position, forKey: slot) == nil { touched.append(slot) }
            }
            for route in transaction.unknownRoutes { markUncertain(route, block: block) }
            unconfirmed.append((block, message.timestamp, transaction))
        }
        forgetUnconfirmed(before: block)
        expireUncertain(before: block)
        lap(&timings.simulate)
        // Screen the cycles through the moved pools, each once (a pool's list holds a cycle
        // once, so only a second pool's list needs the marks).
        var candidates: [CycleID] = []
        screened.startMessage()
        for slot in touched {
            for id in index.cycles(through: slot) where touched.count == 1 || screened.mark(id) {
                counters.cyclesScreened += 1
                if state.rates.product(index[id]) > configuration.screenThreshold { candidates.append(id) }
            }
        }
        lap(&timings.screen)
        var opportunities: [Opportunity] = []
        var hops = SizingHopMemo()
        for id in candidates {
            if !uncertain.isEmpty, index[id].contains(where: { uncertain[$0.pool] != nil }) {
                counters.cyclesUncertain += 1
                continue
            }
            counters.cyclesSized += 1
            let cycle = index[id]
            guard let first = cycle.first, let base = index.tokenIn(of: first) else {
                lap(&timings.size)
                continue
            }
            let minimum = minimumProfit(of: cycle, in: base)
            // Most screened cycles cannot pay their cost: the maps beside the rates say so first.
            if state.rates.profitBound(cycle).excludes(above: minimum) {
                counters.belowCost += 1
                lap(&timings.size)
                continue
            }
            guard let sizing = size(cycle, in: base, minimumProfit: minimum, hops: &hops) else {
                lap(&timings.size)
                continue
            }
            counters.cycleQuotes += sizing.quoteEvaluations
            counters.hopQuotes += sizing.hopQuotes
            if sizing.method == .closedFormBelowMinimum { counters.belowCost += 1 }
            lap(&timings.size)
            if let trade = sizing.trade, let opportunity = price(trade, cycle: id, message: message, lastMover: lastMover) {
                opportunities.append(opportunity)
            }
            lap(&timings.price)
        }
        lastTimings = timings
        return opportunities
    }

    /// Holds the pools of `route`'s token pair as uncertain until block `block` is confirmed
    /// (native ETH, as aggregators write it, is WETH's pools). A route without both tokens
    /// names no pair.
    private mutating func markUncertain(_ route: UnknownRoute, block: UInt64) {
        guard let tokenIn = route.tokenIn, let tokenOut = route.tokenOut else { return }
        let (a, b) = (Self.poolToken(tokenIn), Self.poolToken(tokenOut))
        for slot in index.pools(holding: a, b) {
            uncertain[slot] = Swift.max(uncertain[slot] ?? 0, block)
            oldestUncertain = Swift.min(oldestUncertain ?? block, block)
        }
    }

    /// Releases the pools held uncertain for more than `unconfirmedWindowBlocks` before `newest`.
    /// With no block confirming them (an engine run on a snapshot alone, or a sync far behind)
    /// they would never be sized again; like the feed transactions forgotten after the same
    /// window, what the engine could not simulate stays unsimulated. One comparison on most
    /// messages: the marks are only filtered once the oldest has expired.
    private mutating func expireUncertain(before newest: UInt64) {
        let window = configuration.unconfirmedWindowBlocks
        guard let oldest = oldestUncertain, oldest &+ window < newest else { return }
        uncertain = uncertain.filter { $0.value &+ window >= newest }
        oldestUncertain = uncertain.values.min()
    }

    /// The token pools hold for `token`: WETH for native ETH (the zero address or `0xEeee…EEeE`).
    private static func poolToken(_ token: Address) -> Address {
        token == .zero || token == ArbitrumOne.nativeETHPlaceholder ? ArbitrumOne.wrappedNativeToken : token
    }

    /// Simulates one transaction and commits what it changed; the pools it moved.
    private mutating func apply(_ transaction: SwapTransaction, timestamp: UInt64, counting: Bool) -> [PoolSlot] {
        let simulation = TransactionSimulator(legs: transaction.legs, timestamp: timestamp, state: state, index: index, roster: &roster)
        if counting {
            counters.transactions += 1
            for result in simulation.results { counters.count(result) }
        }
        state.commit(simulation.changes)
        return simulation.touched
    }

    // MARK: Sizing and pricing

    /// The least profit, in `base`, that could make `cycle` worth reporting: the floor of its
    /// transaction's cost and `minNetProfit`, both converted into the base token through the
    /// pool `price` converts by. A cycle whose profit bound is not above it is answered without
    /// sizing: it could not be reported.
    ///
    /// The floor (L2 gas alone) is at most the cost, so its conversion at most the cost's;
    /// `minNetProfit`'s conversion `Y` is at most the base amount `X` whose conversion back
    /// reaches it (a round trip through one pool never gains), so one unit less than `Y` is
    /// below what a reported cycle nets in its base.
    ///
    /// `process` asks the pools' floating-point maps for the bound first
    /// (`SpotRates.profitBound`) and sizes only the cycles it does not exclude: returning a
    /// `CycleSizing` (129 bytes) for each of the many it excludes cost more than the test, by
    /// perf (its copy stalled on store forwarding).
    private func minimumProfit(of cycle: Cycle, in base: Address) -> UInt256 {
        let weth = ArbitrumOne.wrappedNativeToken
        let floor = pricer.costFloor(of: cycle, roster: roster)
        let floorInBase = conversion.convert(floor, from: weth, to: base, state: state) ?? .zero
        let minimumNet = conversion.convert(configuration.minNetProfit, from: weth, to: base, state: state) ?? .zero
        let (sum, overflow) = floorInBase.addingReportingOverflow(minimumNet.isZero ? .zero : minimumNet - .one)
        return overflow ? floorInBase : sum
    }

    /// Sizes `cycle`, which starts at `base`, on the pending state for a profit above
    /// `minimumProfit` (`minimumProfit(of:in:)`); nil when a pool is missing or the input
    /// bounds are empty.
    ///
    /// `mutating` though it changes nothing: as a non-mutating method called from `process`,
    /// the compiler copied the whole engine (1,040 bytes, retaining each of its buffers) before
    /// every call, once per cycle that passed the screen.
    private mutating func size(_ cycle: Cycle, in base: Address, minimumProfit: UInt256, hops memo: inout SizingHopMemo) -> CycleSizing? {
        guard let bounds = SizingBounds(upper: configuration.inputCap(for: base)) else { return nil }
        var hops: [SizingHop] = []
        hops.reserveCapacity(cycle.count)
        for hop in cycle {
            guard let made = memo.hop(hop, in: state) else { return nil }
            hops.append(made)
        }
        return sizer.size(hops, within: bounds, minimumProfit: minimumProfit)
    }

    /// Prices a sized cycle; nil (counted) when its net profit is below `minNetProfit`.
    private mutating func price(_ trade: SizedCycle, cycle id: CycleID, message: SwapMessage, lastMover: [PoolSlot: Int]) -> Opportunity? {
        let legs = index.legs(of: id)
        var executorHops: [ExecutorHop] = []
        var hops: [Opportunity.Hop] = []
        var amountIn = trade.amountIn
        for (position, (hop, leg)) in zip(index[id], legs).enumerated() {
            guard let member = roster[hop.pool], let kind = member.kind else {
                counters.unexecutable += 1
                return nil
            }
            executorHops.append(ExecutorHop(kind: kind, pool: leg.pool, tokenIn: UInt8(hop.from), tokenOut: UInt8(hop.to)))
            let amountOut = trade.amountsOut[position]
            hops.append(Opportunity.Hop(pool: leg.pool, dex: member.dex, tokenIn: leg.tokenIn, tokenOut: leg.tokenOut, amountIn: amountIn, amountOut: amountOut))
            amountIn = amountOut
        }
        let base = legs[0].tokenIn
        let weth = ArbitrumOne.wrappedNativeToken
        guard let cost = pricer.cost(hops: executorHops, amountIn: trade.amountIn),
              let costInBase = conversion.convert(cost.totalCost, from: weth, to: base, state: state),
              trade.profit > costInBase,
              let netProfitEth = conversion.convert(trade.profit - costInBase, from: base, to: weth, state: state),
              netProfitEth >= configuration.minNetProfit, !netProfitEth.isZero
        else {
            counters.belowCost += 1
            return nil
        }
        let trigger = index[id].compactMap { lastMover[$0.pool] }.max().map { message.transactions[$0].hash } ?? Hash32.zero
        counters.opportunities += 1
        counters.totalNetProfitEth = counters.totalNetProfitEth &+ netProfitEth
        return Opportunity(
            sequenceNumber: message.sequenceNumber, trigger: trigger, block: message.sequenceNumber &+ configuration.blockNumberOffset, token: base, cycle: hops,
            amountIn: trade.amountIn, amountOut: trade.amountIn + trade.profit, grossProfit: trade.profit,
            gasUnits: cost.gasUnits, l2Cost: cost.l2Cost, l1Cost: cost.l1Cost,
            netProfit: trade.profit - costInBase, netProfitEth: netProfitEth, stateVersion: state.version, executorHops: executorHops)
    }

    // MARK: Blocks

    /// Installs block `block`'s states: `pools` are the states, at the end of that block, of
    /// every held pool the block changed (the others keep their confirmed state). Every pool is
    /// moved to the block's time (`advance(toBlock:timestamp:)`); the feed's transactions the
    /// block included (those of messages up to it) are dropped and the rest re-applied, in
    /// order, to rebuild the pending state. Pools not held are ignored.
    public mutating func confirm(block: UInt64, timestamp: UInt64, pools: [any PricingPool]) {
        for var pool in pools {
            guard let slot = index.slot(of: pool.address) else { continue }
            try? pool.advance(toBlock: block, timestamp: timestamp)
            state.setConfirmed(pool, at: slot)
        }
        confirmedBlock = block
        uncertain = uncertain.filter { $0.value > block }
        oldestUncertain = uncertain.values.min()
        state.dropOverlay()
        unconfirmed.removeAll { $0.block <= block }
        for entry in unconfirmed {
            _ = apply(entry.transaction, timestamp: entry.timestamp, counting: false)
        }
    }

    /// Bounds the feed's transactions kept for re-applying when no block confirms them (an engine
    /// run on a snapshot alone, or a sync far behind): once the oldest is twice
    /// `unconfirmedWindowBlocks` behind `newest`, those more than one window behind are forgotten
    /// (their effect stays in the pending state; a later `confirm` of a block before them would
    /// not re-apply them). Trimming by halves keeps the cost off most messages.
    private mutating func forgetUnconfirmed(before newest: UInt64) {
        let window = configuration.unconfirmedWindowBlocks
        guard let oldest = unconfirmed.first, oldest.block &+ 2 &* window < newest else { return }
        let kept = unconfirmed.firstIndex { $0.block &+ window >= newest } ?? unconfirmed.count
        unconfirmed.removeFirst(kept)
    }

    /// The feed's transactions held for re-applying after the next confirm.
    public var unconfirmedCount: Int { unconfirmed.count }
}
