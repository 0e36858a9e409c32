import Engine
import Kernel
import Synchronization

/// Copies the hot path's own counters (`FeedStats`, `SwapCounters`, `EngineCounters`,
/// `RPCStats`, `SyncStatus`) into the Prometheus series, off the hot path: the service calls
/// `publish` before each scrape (the server's `beforeScrape`) or every few hundred
/// milliseconds. Each call adds what a source gained since the last call of that source, so the
/// series stay counters even though the sources are read whole. The hot path keeps its plain
/// and atomic counters and takes no lock for metrics.
public final class MetricsPublisher: Sendable {
    /// The handles published to.
    public let metrics: MevMetrics
    private let previous = Mutex(Previous())

    /// What each source read last.
    private struct Previous {
        var feed = FeedStats.Snapshot.zero
        var swaps: [String: Int] = [:]
        var malformedCalls: [String: Int] = [:]
        var routeUnknown: [String: Int] = [:]
        var engine = EngineCounters()
        var rpc: [String: RPCStats.Method] = [:]
        var sync = SyncStatus.Reading()
        var execution = ExecutionCounters()
        var reportLinesDropped: UInt64 = 0
    }

    /// A publisher to `metrics`.
    public init(metrics: MevMetrics) {
        self.metrics = metrics
    }

    /// Publishes the feed transport's counters and its connection gauge.
    public func publish(feed now: FeedStats.Snapshot) {
        let m = metrics
        previous.withLock { previous in
            let before = previous.feed
            m.feedFrames.advance(from: before.framesReceived, to: now.framesReceived)
            m.feedMessages.advance(from: before.messagesDelivered, to: now.messagesDelivered)
            m.feedBytes.advance(from: before.bytesReceived, to: now.bytesReceived)
            m.feedMalformedFrames.advance(from: before.malformedFrames, to: now.malformedFrames)
            m.feedMalformedMessages.advance(from: before.malformedMessages, to: now.malformedMessages)
            m.feedBadSignatures.advance(from: before.badSignatures, to: now.badSignatures)
            m.feedDuplicates.advance(from: before.duplicates, to: now.duplicates)
            m.feedGaps.advance(from: before.gapEvents, to: now.gapEvents)
            m.feedMissingMessages.advance(from: before.missingMessages, to: now.missingMessages)
            m.feedOutOfOrder.advance(from: before.outOfOrder, to: now.outOfOrder)
            m.feedReconnects.advance(from: before.reconnects, to: now.reconnects)
            m.feedConnectionsOpened.advance(from: before.connectionsOpened, to: now.connectionsOpened)
            m.queueDropped.advance(from: before.framesDroppedByQueue, to: now.framesDroppedByQueue)
            m.feedConnections.record(now.connectionsOpen)
            previous.feed = now
        }
    }

    /// Publishes how many output lines the writer has dropped (`LineWriter`).
    func publish(reportLinesDropped now: UInt64) {
        let m = metrics
        previous.withLock { previous in
            m.reportLinesDropped.advance(from: previous.reportLinesDropped, to: now)
            previous.reportLinesDropped = now
        }
    }

    /// Publishes the classifier's swaps and malformed calls per DEX entry. `SwapCounters` counts
    /// per entry, not per router kind: its swaps go to `router_kind="all"` until it does.
    func publish(swaps now: SwapCounters) {
        let m = metrics
        previous.withLock { previous in
            for (index, dex) in now.dexNames.enumerated() {
                m.swaps(dex: dex, routerKind: "all").advance(from: previous.swaps[dex] ?? 0, to: now.swaps[index])
                m.swapMalformedCalls(dex: dex).advance(from: previous.malformedCalls[dex] ?? 0, to: now.malformed[index])
                previous.swaps[dex] = now.swaps[index]
                previous.malformedCalls[dex] = now.malformed[index]
                // Only entries that have hidden a route get a series (DEX entries never do).
                if now.routeUnknown[index] > 0 {
                    m.aggregatorRouteUnknown(aggregator: dex).advance(from: previous.routeUnknown[dex] ?? 0, to: now.routeUnknown[index])
                    previous.routeUnknown[dex] = now.routeUnknown[index]
                }
            }
        }
    }

    /// Publishes the engine's counters; the profit counter gains the new opportunities' net
    /// profit in wei, as a `Double`.
    public func publish(engine now: EngineCounters) {
        let m = metrics
        previous.withLock { previous in
            let before = previous.engine
            m.engineMessages.advance(from: before.messages, to: now.messages)
            m.engineTransactions.advance(from: before.transactions, to: now.transactions)
            m.legsApplied.advance(from: before.legsApplied, to: now.legsApplied)
            m.legsUnknownPool.advance(from: before.legsOnUnknownPools, to: now.legsOnUnknownPools)
            for reason in LegFailure.allCases {
                m.legsReverted(reason: reason).advance(from: before.legsFailed[reason] ?? 0, to: now.legsFailed[reason] ?? 0)
            }
            m.cyclesScreened.advance(from: before.cyclesScreened, to: now.cyclesScreened)
            m.cyclesSized.advance(from: before.cyclesSized, to: now.cyclesSized)
            m.cyclesBelowCost.advance(from: before.belowCost, to: now.belowCost)
            m.cyclesUncertain.advance(from: before.cyclesUncertain, to: now.cyclesUncertain)
            m.cyclesUnexecutable.advance(from: before.unexecutable, to: now.unexecutable)
            m.opportunities.advance(from: before.opportunities, to: now.opportunities)
            let gained = now.totalNetProfitEth >= before.totalNetProfitEth
                ? now.totalNetProfitEth - before.totalNetProfitEth : now.totalNetProfitEth
            if gained > .zero { m.opportunityProfitWei.increment(by: gained.approximateDouble) }
            previous.engine = now
        }
    }

    /// Publishes execution's counters and the trades in flight.
    func publish(execution now: ExecutionCounters, inFlight: Int) {
        let m = metrics
        previous.withLock { previous in
            let before = previous.execution
            m.executionsAttempted.advance(from: before.attempted, to: now.attempted)
            m.executionsSucceeded.advance(from: before.succeeded, to: now.succeeded)
            m.executionsFailed(reason: "reverted").advance(from: before.reverted, to: now.reverted)
            m.executionsFailed(reason: "rejected").advance(from: before.rejected, to: now.rejected)
            m.executionsFailed(reason: "dropped").advance(from: before.dropped, to: now.dropped)
            for reason in TradeRefusal.allCases {
                m.executionsRefused(reason: reason).advance(from: before.refused[reason] ?? 0, to: now.refused[reason] ?? 0)
            }
            if now.profitWei > before.profitWei { m.executionProfitWei.increment(by: (now.profitWei - before.profitWei).approximateDouble) }
            if now.feesWei > before.feesWei { m.executionFeesWei.increment(by: (now.feesWei - before.feesWei).approximateDouble) }
            m.executionsInFlight.record(inFlight)
            previous.execution = now
        }
    }

    /// Publishes the JSON-RPC client's counters per method, with its latency buckets made
    /// cumulative (`le` in seconds, then `+Inf`).
    public func publish(rpc now: [String: RPCStats.Method]) {
        let m = metrics
        previous.withLock { previous in
            for (method, counters) in now {
                let before = previous.rpc[method] ?? RPCStats.Method()
                m.rpcCalls(method: method).advance(from: before.calls, to: counters.calls)
                m.rpcRequests(method: method).advance(from: before.requests, to: counters.requests)
                m.rpcErrors(method: method).advance(from: before.failed, to: counters.failed)
                m.rpcRetries(method: method).advance(from: before.retries, to: counters.retries)
                for kind in RPCStats.FailureKind.allCases {
                    m.rpcFailures(method: method, kind: kind.rawValue)
                        .advance(from: before.failures[kind] ?? 0, to: counters.failures[kind] ?? 0)
                }
                var cumulativeBefore: UInt64 = 0, cumulativeNow: UInt64 = 0
                for (index, label) in Self.rpcBucketLabels.enumerated() {
                    cumulativeBefore += before.latencyBuckets.indices.contains(index) ? before.latencyBuckets[index] : 0
                    cumulativeNow += counters.latencyBuckets.indices.contains(index) ? counters.latencyBuckets[index] : 0
                    m.rpcCallsByLatency(method: method, le: label).advance(from: cumulativeBefore, to: cumulativeNow)
                }
                let nanos = counters.totalNanos >= before.totalNanos ? counters.totalNanos - before.totalNanos : counters.totalNanos
                if nanos > 0 { m.rpcLatencySeconds(method: method).increment(by: Double(nanos) / 1e9) }
                m.rpcLatencyMax(method: method).record(Double(counters.maxNanos) / 1e9)
                previous.rpc[method] = counters
            }
        }
    }

    /// `RPCStats.latencyBucketBounds` in seconds as `le` labels, then `+Inf`.
    static let rpcBucketLabels: [String] = RPCStats.latencyBucketBounds.map { PrometheusNumber.seconds(nanoseconds: $0) } + ["+Inf"]

    /// Publishes sync's status, with the pools it tracks per DEX entry (0 for an entry that had
    /// pools and has none now).
    public func publish(sync now: SyncStatus.Reading) {
        let m = metrics
        previous.withLock { previous in
            let before = previous.sync
            if let lag = now.lag { m.syncLag.record(Int64(clamping: lag)) }
            if let block = now.syncedBlock { m.syncedBlock.record(Int64(clamping: block)) }
            if let head = now.chainHead { m.chainHead.record(Int64(clamping: head)) }
            m.syncBlocks.advance(from: before.blocks, to: now.blocks)
            m.syncLogs.advance(from: before.logsApplied, to: now.logsApplied)
            m.poolsDiscovered.advance(from: before.discovered, to: now.discovered)
            m.syncReorgs.advance(from: before.reorgs, to: now.reorgs)
            m.syncDeepReorgs.advance(from: before.deepReorgs, to: now.deepReorgs)
            m.syncReloads.advance(from: before.reloads, to: now.reloads)
            m.syncReconciled.advance(from: before.reconciled, to: now.reconciled)
            m.syncPoolFailures.advance(from: before.failures, to: now.failures)
            m.syncErrors.advance(from: before.errors, to: now.errors)
            for (dex, drifted) in now.drifted {
                m.syncDrift(dex: dex).advance(from: before.drifted[dex] ?? 0, to: drifted)
            }
            for dex in before.poolsByDex.keys where now.poolsByDex[dex] == nil { m.poolsTracked(dex: dex).record(0) }
            for (dex, count) in now.poolsByDex { m.poolsTracked(dex: dex).record(count) }
            previous.sync = now
        }
    }
}

extension FeedStats.Snapshot {
    /// All counters zero: what a publisher has seen before its first feed snapshot.
    static let zero = FeedStats().snapshot
}
