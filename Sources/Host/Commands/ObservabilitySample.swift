import Engine
import Kernel

/// Sample counts in every source the publisher reads, so that every series of the catalog has
/// a value: for `mevbot observability-sample` (the Prometheus check scrapes it) and the tests.
package enum ObservabilitySample {
    /// The DEX entries the sample counts under.
    package static let dexNames = ["uniswap-v3", "camelot-v2"]

    /// Publishes one round of sample counts through `publisher` and records a latency sample for
    /// every stage (`round` scales the counts, so later rounds only add).
    package static func publish(round: Int, to publisher: MetricsPublisher) {
        let n = UInt64(max(1, round))
        let feed = FeedStats()
        for counter in [feed.framesReceived, feed.messagesDelivered, feed.malformedFrames, feed.malformedMessages, feed.badSignatures,
                        feed.duplicates, feed.gapEvents, feed.missingMessages, feed.outOfOrder, feed.reconnects, feed.connectionsOpened,
                        feed.framesDroppedByQueue] {
            FeedStats.add(counter, n)
        }
        FeedStats.add(feed.bytesReceived, 1000 * n)
        feed.connectionsOpen.store(1, ordering: .relaxed)
        publisher.publish(feed: feed.snapshot)
        publisher.metrics.feedTransactions.increment(by: Int64(3 * n))
        publisher.metrics.queueDepth.record(0)

        var swaps = SwapCounters(dexNames: dexNames)
        for _ in 0..<n { swaps.countSwap(0); swaps.countMalformed(1); swaps.countRouteUnknown(aggregator: dexNames[1]) }
        publisher.publish(swaps: swaps)

        var engine = EngineCounters()
        engine.messages = Int(n)
        engine.transactions = Int(n)
        engine.legsApplied = Int(2 * n)
        engine.legsFailed = [.amountOutMin: Int(n)]
        engine.legsOnUnknownPools = Int(n)
        engine.cyclesScreened = Int(10 * n)
        engine.cyclesSized = Int(n)
        engine.belowCost = Int(n)
        engine.cyclesUncertain = Int(n)
        engine.unexecutable = Int(n)
        engine.opportunities = Int(n)
        engine.totalNetProfitEth = UInt256(1_000_000_000_000_000) * UInt256(n)
        publisher.publish(engine: engine)

        let rpc = RPCStats()
        for _ in 0..<n {
            rpc.countCall("eth_getLogs", requests: 1, nanos: 3_000_000, failed: false)
            rpc.countCall("eth_call", requests: 4, nanos: 40_000_000, failed: true)
            rpc.countFailure("eth_call", .timeout)
            rpc.countRetry("eth_call")
        }
        publisher.publish(rpc: rpc.snapshot)

        let sync = SyncStatus()
        sync.update { status in
            status.syncedBlock = 1000 + n
            status.chainHead = 1001 + n
            status.blocks = Int(n)
            status.logsApplied = Int(5 * n)
            status.discovered = Int(n)
            status.reorgs = Int(n)
            status.deepReorgs = Int(n)
            status.reloads = Int(n)
            status.drifted = [dexNames[0]: Int(n)]
            status.reconciled = Int(n)
            status.failures = Int(n)
            status.errors = Int(n)
            status.poolsByDex = [dexNames[0]: 40, dexNames[1]: 12]
        }
        publisher.publish(sync: sync.current)

        var execution = ExecutionCounters()
        execution.attempted = 3 * Int(n)
        execution.succeeded = Int(n)
        execution.reverted = Int(n)
        execution.rejected = Int(n)
        execution.refused = [.slippage: Int(n), .poolBusy: Int(n)]
        execution.profitWei = UInt256(n) * UInt256(1_000_000_000_000_000)
        execution.feesWei = UInt256(n) * UInt256(2_000_000_000_000)
        publisher.publish(execution: execution, inFlight: 1)
        for (index, stage) in LatencyStage.allCases.enumerated() {
            publisher.metrics.stageLatency(stage).recordNanoseconds(Int64(2_000 * (index + 1)))
        }
    }
}
