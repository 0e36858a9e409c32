import CoreMetrics
import Engine

/// The service's metrics as typed handles, created through swift-metrics from the
/// `MetricSeries` catalog. Handles without labels, and those whose labels are closed sets (leg
/// failure reasons, stages), exist from the start; those labelled by a dex.yaml entry, a router
/// kind or an RPC method are made when first asked for (the factory returns the same series for
/// the same labels). Recording on a handle is one relaxed atomic add for a counter; a stage
/// latency takes the Prometheus histogram's uncontended lock.
public struct MevMetrics: Sendable {
    private let factory: any MetricsFactory

    // Feed.
    /// `mev_feed_frames_total`.
    public let feedFrames: Counter
    /// `mev_feed_messages_total`.
    public let feedMessages: Counter
    /// `mev_feed_transactions_total`: the service counts the transactions it decodes.
    public let feedTransactions: Counter
    /// `mev_feed_bytes_total`.
    public let feedBytes: Counter
    /// `mev_feed_malformed_frames_total`.
    public let feedMalformedFrames: Counter
    /// `mev_feed_malformed_messages_total`.
    public let feedMalformedMessages: Counter
    /// `mev_feed_bad_signatures_total`.
    public let feedBadSignatures: Counter
    /// `mev_feed_duplicates_total`.
    public let feedDuplicates: Counter
    /// `mev_feed_gaps_total`.
    public let feedGaps: Counter
    /// `mev_feed_missing_messages_total`.
    public let feedMissingMessages: Counter
    /// `mev_feed_out_of_order_total`.
    public let feedOutOfOrder: Counter
    /// `mev_feed_reconnects_total`.
    public let feedReconnects: Counter
    /// `mev_feed_connections_opened_total`.
    public let feedConnectionsOpened: Counter
    /// `mev_feed_connections`.
    public let feedConnections: Gauge
    /// `mev_queue_depth`: the service sets it from the frame queue.
    public let queueDepth: Gauge
    /// `mev_queue_dropped_total`.
    public let queueDropped: Counter
    /// `mev_report_lines_dropped_total`.
    public let reportLinesDropped: Counter

    // Engine.
    /// `mev_engine_messages_total`.
    public let engineMessages: Counter
    /// `mev_engine_transactions_total`.
    public let engineTransactions: Counter
    /// `mev_legs_applied_total`.
    public let legsApplied: Counter
    /// `mev_legs_unknown_pool_total`.
    public let legsUnknownPool: Counter
    /// `mev_cycles_screened_total`.
    public let cyclesScreened: Counter
    /// `mev_cycles_sized_total`.
    public let cyclesSized: Counter
    /// `mev_cycles_below_cost_total`.
    public let cyclesBelowCost: Counter
    /// `mev_cycles_uncertain_total`.
    public let cyclesUncertain: Counter
    /// `mev_cycles_unexecutable_total`.
    public let cyclesUnexecutable: Counter
    /// `mev_opportunities_total`.
    public let opportunities: Counter
    /// `mev_opportunity_net_profit_wei_total` (a float counter of wei).
    public let opportunityProfitWei: FloatingPointCounter
    private let legsRevertedByReason: [LegFailure: Counter]

    // Pools and sync.
    /// `mev_pools_discovered_total`.
    public let poolsDiscovered: Counter
    /// `mev_sync_lag_blocks`.
    public let syncLag: Gauge
    /// `mev_sync_synced_block`.
    public let syncedBlock: Gauge
    /// `mev_sync_chain_head_block`.
    public let chainHead: Gauge
    /// `mev_sync_blocks_total`.
    public let syncBlocks: Counter
    /// `mev_sync_logs_applied_total`.
    public let syncLogs: Counter
    /// `mev_sync_reorgs_total`.
    public let syncReorgs: Counter
    /// `mev_sync_deep_reorgs_total`.
    public let syncDeepReorgs: Counter
    /// `mev_sync_reloads_total`.
    public let syncReloads: Counter
    /// `mev_sync_reconciled_pools_total`.
    public let syncReconciled: Counter
    /// `mev_sync_pool_failures_total`.
    public let syncPoolFailures: Counter
    /// `mev_sync_errors_total`.
    public let syncErrors: Counter

    // Execution.
    /// `mev_executions_attempted_total`.
    public let executionsAttempted: Counter
    /// `mev_executions_succeeded_total`.
    public let executionsSucceeded: Counter
    /// `mev_execution_profit_wei_total` (a float counter of wei).
    public let executionProfitWei: FloatingPointCounter
    /// `mev_execution_fees_wei_total` (a float counter of wei).
    public let executionFeesWei: FloatingPointCounter
    /// `mev_executions_in_flight`.
    public let executionsInFlight: Gauge

    private let stageTimers: [Timer]

    /// The handles, made by `factory` (tests pass a `PrometheusMetricsFactory` of their own
    /// registry; the service passes `MetricsRegistry.factory`). The factory must give the
    /// stage histogram its buckets (`MetricsRegistry` does).
    public init(factory: any MetricsFactory) {
        self.factory = factory
        func counter(_ series: MetricSeries) -> Counter { Counter(label: series.name, dimensions: [], factory: factory) }
        func gauge(_ series: MetricSeries) -> Gauge { Gauge(label: series.name, dimensions: [], factory: factory) }
        feedFrames = counter(.feedFrames)
        feedMessages = counter(.feedMessages)
        feedTransactions = counter(.feedTransactions)
        feedBytes = counter(.feedBytes)
        feedMalformedFrames = counter(.feedMalformedFrames)
        feedMalformedMessages = counter(.feedMalformedMessages)
        feedBadSignatures = counter(.feedBadSignatures)
        feedDuplicates = counter(.feedDuplicates)
        feedGaps = counter(.feedGaps)
        feedMissingMessages = counter(.feedMissingMessages)
        feedOutOfOrder = counter(.feedOutOfOrder)
        feedReconnects = counter(.feedReconnects)
        feedConnectionsOpened = counter(.feedConnectionsOpened)
        feedConnections = gauge(.feedConnections)
        queueDepth = gauge(.queueDepth)
        queueDropped = counter(.queueDropped)
        reportLinesDropped = counter(.reportLinesDropped)
        engineMessages = counter(.engineMessages)
        engineTransactions = counter(.engineTransactions)
        legsApplied = counter(.legsApplied)
        legsUnknownPool = counter(.legsUnknownPool)
        cyclesScreened = counter(.cyclesScreened)
        cyclesSized = counter(.cyclesSized)
        cyclesBelowCost = counter(.cyclesBelowCost)
        cyclesUncertain = counter(.cyclesUncertain)
        cyclesUnexecutable = counter(.cyclesUnexecutable)
        opportunities = counter(.opportunities)
        opportunityProfitWei = FloatingPointCounter(label: MetricSeries.opportunityProfit.name, dimensions: [], factory: factory)
        legsRevertedByReason = Dictionary(uniqueKeysWithValues: LegFailure.allCases.map { reason in
            (reason, Counter(label: MetricSeries.legsReverted.name, dimensions: [("reason", reason.rawValue)], factory: factory))
        })
        poolsDiscovered = counter(.poolsDiscovered)
        syncLag = gauge(.syncLag)
        syncedBlock = gauge(.syncedBlock)
        chainHead = gauge(.chainHead)
        syncBlocks = counter(.syncBlocks)
        syncLogs = counter(.syncLogs)
        syncReorgs = counter(.syncReorgs)
        syncDeepReorgs = counter(.syncDeepReorgs)
        syncReloads = counter(.syncReloads)
        syncReconciled = counter(.syncReconciled)
        syncPoolFailures = counter(.syncPoolFailures)
        syncErrors = counter(.syncErrors)
        executionsAttempted = counter(.executionsAttempted)
        executionsSucceeded = counter(.executionsSucceeded)
        executionProfitWei = FloatingPointCounter(label: MetricSeries.executionProfit.name, dimensions: [], factory: factory)
        executionFeesWei = FloatingPointCounter(label: MetricSeries.executionFees.name, dimensions: [], factory: factory)
        executionsInFlight = gauge(.executionsInFlight)
        stageTimers = LatencyStage.allCases.map { stage in
            Timer(label: MetricSeries.stageLatency.name, dimensions: [("stage", stage.rawValue)], factory: factory)
        }
    }

    /// `mev_stage_latency_seconds{stage}`: record with `recordNanoseconds(_:)`.
    public func stageLatency(_ stage: LatencyStage) -> Timer {
        stageTimers[stage.ordinal]
    }

    /// `mev_legs_reverted_total{reason}`.
    public func legsReverted(reason: LegFailure) -> Counter {
        legsRevertedByReason[reason] ?? Counter(label: MetricSeries.legsReverted.name, dimensions: [("reason", reason.rawValue)], factory: factory)
    }

    /// `mev_aggregator_route_unknown_total{dex}`.
    public func aggregatorRouteUnknown(aggregator: String) -> Counter { labelled(.aggregatorRouteUnknown, [aggregator]) }

    /// `mev_executions_failed_total{reason}`: `reverted`, `rejected` or `dropped`.
    public func executionsFailed(reason: String) -> Counter { labelled(.executionsFailed, [reason]) }

    /// `mev_execution_refused_total{reason}` (a `TradeRefusal`).
    public func executionsRefused(reason: TradeRefusal) -> Counter { labelled(.executionsRefused, [reason.rawValue]) }

    /// `mev_swaps_total{dex,router_kind}`.
    public func swaps(dex: String, routerKind: String) -> Counter {
        labelled(.swaps, [dex, routerKind])
    }

    /// `mev_swap_malformed_calls_total{dex}`.
    public func swapMalformedCalls(dex: String) -> Counter { labelled(.swapMalformedCalls, [dex]) }

    /// `mev_pools_tracked{dex}`.
    public func poolsTracked(dex: String) -> Gauge {
        Gauge(label: MetricSeries.poolsTracked.name, dimensions: [("dex", dex)], factory: factory)
    }

    /// `mev_sync_drift_total{dex}`.
    public func syncDrift(dex: String) -> Counter { labelled(.syncDrift, [dex]) }

    /// `mev_rpc_calls_total{method}`.
    public func rpcCalls(method: String) -> Counter { labelled(.rpcCalls, [method]) }

    /// `mev_rpc_requests_total{method}`.
    public func rpcRequests(method: String) -> Counter { labelled(.rpcRequests, [method]) }

    /// `mev_rpc_errors_total{method}`.
    public func rpcErrors(method: String) -> Counter { labelled(.rpcErrors, [method]) }

    /// `mev_rpc_failures_total{method,kind}`.
    public func rpcFailures(method: String, kind: String) -> Counter { labelled(.rpcFailures, [method, kind]) }

    /// `mev_rpc_retries_total{method}`.
    public func rpcRetries(method: String) -> Counter { labelled(.rpcRetries, [method]) }

    /// `mev_rpc_calls_by_latency_total{method,le}`; `le` is a bucket bound in seconds or `+Inf`.
    public func rpcCallsByLatency(method: String, le: String) -> Counter { labelled(.rpcLatencyBuckets, [method, le]) }

    /// `mev_rpc_latency_seconds_total{method}`.
    public func rpcLatencySeconds(method: String) -> FloatingPointCounter {
        FloatingPointCounter(label: MetricSeries.rpcLatencySeconds.name, dimensions: [("method", method)], factory: factory)
    }

    /// `mev_rpc_latency_max_seconds{method}`.
    public func rpcLatencyMax(method: String) -> Gauge {
        Gauge(label: MetricSeries.rpcLatencyMax.name, dimensions: [("method", method)], factory: factory)
    }

    /// The counter of `series` with its labels set to `values`, in order.
    private func labelled(_ series: MetricSeries, _ values: [String]) -> Counter {
        Counter(label: series.name, dimensions: Array(zip(series.labels, values)), factory: factory)
    }
}
