/// The catalog: every series of the service, grouped as the pipeline runs.
extension MetricSeries {
    // MARK: Feed

    /// Frames read off any feed connection, duplicates included.
    public static let feedFrames = MetricSeries("mev_feed_frames_total", .counter, "Frames read off any sequencer feed connection, duplicates included.")
    /// Messages delivered to the decode loop as new.
    public static let feedMessages = MetricSeries("mev_feed_messages_total", .counter, "Feed messages delivered to the decode loop as new (in order, after a gap, or out of order).")
    /// Transactions decoded out of those messages.
    public static let feedTransactions = MetricSeries("mev_feed_transactions_total", .counter, "Transactions decoded out of feed messages.")
    /// Payload bytes of the frames read.
    public static let feedBytes = MetricSeries("mev_feed_bytes_total", .counter, "Payload bytes of the feed frames read.")
    /// Frames the decoder rejected.
    public static let feedMalformedFrames = MetricSeries("mev_feed_malformed_frames_total", .counter, "Feed frames the decoder rejected.")
    /// Messages the decoder could not read or that Nitro would refuse.
    public static let feedMalformedMessages = MetricSeries("mev_feed_malformed_messages_total", .counter, "Feed messages the decoder could not read or that Nitro would refuse.")
    /// Messages whose feed signature did not verify.
    public static let feedBadSignatures = MetricSeries("mev_feed_bad_signatures_total", .counter, "Feed messages dropped because their signature did not verify.")
    /// Messages whose sequence number had been seen already.
    public static let feedDuplicates = MetricSeries("mev_feed_duplicates_total", .counter, "Feed messages dropped as duplicates of a sequence number already seen.")
    /// Times a message arrived ahead of the next expected sequence number.
    public static let feedGaps = MetricSeries("mev_feed_gaps_total", .counter, "Gap events: a message arrived ahead of the next expected sequence number.")
    /// Sequence numbers skipped over by those gaps.
    public static let feedMissingMessages = MetricSeries("mev_feed_missing_messages_total", .counter, "Sequence numbers skipped over by gaps (counted when skipped).")
    /// Late messages that filled a gap.
    public static let feedOutOfOrder = MetricSeries("mev_feed_out_of_order_total", .counter, "Messages older than the newest seen that filled a gap (delivered).")
    /// Connection attempts after each URL's first one.
    public static let feedReconnects = MetricSeries("mev_feed_reconnects_total", .counter, "Feed connection attempts after each URL's first one.")
    /// WebSocket handshakes that succeeded.
    public static let feedConnectionsOpened = MetricSeries("mev_feed_connections_opened_total", .counter, "Feed WebSocket handshakes that succeeded.")
    /// Feed connections open now.
    public static let feedConnections = MetricSeries("mev_feed_connections", .gauge, "Feed connections open now (0 means disconnected from the sequencer).")
    /// Frames waiting in the queue between the connections and the decode loop.
    public static let queueDepth = MetricSeries("mev_queue_depth", .gauge, "Frames waiting in a bounded feed queue. `run` keeps none (each frame is handled on the feed's event loop as it is read): 0 there, its backlog is in the decode stage's latency.")
    /// Frames the full queue dropped.
    public static let queueDropped = MetricSeries("mev_queue_dropped_total", .counter, "Frames a full bounded feed queue dropped (0 in `run`, which keeps no queue).")
    /// Report lines the output writer dropped.
    public static let reportLinesDropped = MetricSeries("mev_report_lines_dropped_total", .counter, "Output lines (opportunities, execution decisions) dropped because 65,536 were already waiting for standard output's reader: the hot loop never waits for it.")

    // MARK: Swaps

    /// Calls recognised as swaps.
    public static let swaps = MetricSeries("mev_swaps_total", .counter, labels: ["dex", "router_kind"], "Calls recognised as swaps, by dex.yaml entry and router kind.")
    /// Calls to a known router or pool whose calldata its decoder refused.
    public static let swapMalformedCalls = MetricSeries("mev_swap_malformed_calls_total", .counter, labels: ["dex"], "Calls to a known router or pool whose calldata the DEX's decoder refused.")
    /// Aggregator swaps whose route the calldata hides.
    public static let aggregatorRouteUnknown = MetricSeries("mev_aggregator_route_unknown_total", .counter, labels: ["dex"], "Aggregator swaps whose route the calldata hides (token pair and amount only), by aggregator entry: their pools stay uncertain until the next block.")

    // MARK: Engine

    /// Messages the engine processed.
    public static let engineMessages = MetricSeries("mev_engine_messages_total", .counter, "Messages the engine processed.")
    /// Transactions with swaps the engine processed.
    public static let engineTransactions = MetricSeries("mev_engine_transactions_total", .counter, "Transactions with swaps the engine processed.")
    /// Legs applied to the pending state.
    public static let legsApplied = MetricSeries("mev_legs_applied_total", .counter, "Swap legs applied to the pending state.")
    /// Legs that changed nothing, by reason.
    public static let legsReverted = MetricSeries("mev_legs_reverted_total", .counter, labels: ["reason"], "Swap legs that would revert (changed nothing), by reason.")
    /// Legs through a pool the engine does not hold.
    public static let legsUnknownPool = MetricSeries("mev_legs_unknown_pool_total", .counter, "Swap legs through a pool the engine does not track.")
    /// Cycles screened.
    public static let cyclesScreened = MetricSeries("mev_cycles_screened_total", .counter, "Cycles screened by marginal rates (once per message per cycle).")
    /// Cycles that passed the screen and were sized.
    public static let cyclesSized = MetricSeries("mev_cycles_sized_total", .counter, "Cycles that passed the screen and were sized.")
    /// Sized cycles whose costs ate the profit.
    public static let cyclesBelowCost = MetricSeries("mev_cycles_below_cost_total", .counter, "Sized cycles whose gas and L1 costs ate the gross profit (or left it below the minimum), or whose closed-form bound is below their cost floor.")
    /// Sized cycles through a pool the executor cannot route.
    /// Cycles not sized because a hidden aggregator route may have moved one of their pools.
    public static let cyclesUncertain = MetricSeries("mev_cycles_uncertain_total", .counter, "Cycles past the screen through a pool an aggregator swap with a hidden route may have moved since the confirmed block: not sized.")
    public static let cyclesUnexecutable = MetricSeries("mev_cycles_unexecutable_total", .counter, "Sized cycles through a pool family the executor has no hop for.")
    /// Opportunities reported.
    public static let opportunities = MetricSeries("mev_opportunities_total", .counter, "Opportunities reported (net profit above the minimum).")
    /// Their net profit in wei, as a floating-point counter.
    public static let opportunityProfit = MetricSeries("mev_opportunity_net_profit_wei_total", .counter, "Net profit of the opportunities reported, in wei of ETH (a float64 counter: exact to 2^53 wei, about 0.009 ETH, then rounded).")

    // MARK: Pools and sync

    /// Pools tracked now, by entry.
    public static let poolsTracked = MetricSeries("mev_pools_tracked", .gauge, labels: ["dex"], "Pools state sync tracks now, by dex.yaml entry.")
    /// Pools discovered since start.
    public static let poolsDiscovered = MetricSeries("mev_pools_discovered_total", .counter, "Pools discovery found and started tracking since start (all entries).")
    /// Blocks between the synced block and the chain head.
    public static let syncLag = MetricSeries("mev_sync_lag_blocks", .gauge, "Blocks between the block the state is synced to and the newest head seen.")
    /// The block the state is synced to.
    public static let syncedBlock = MetricSeries("mev_sync_synced_block", .gauge, "The block number the pool state is synced to.")
    /// The newest chain head seen.
    public static let chainHead = MetricSeries("mev_sync_chain_head_block", .gauge, "The newest chain head block number seen.")
    /// Blocks applied.
    public static let syncBlocks = MetricSeries("mev_sync_blocks_total", .counter, "Blocks whose logs sync applied.")
    /// Logs applied to pools.
    public static let syncLogs = MetricSeries("mev_sync_logs_applied_total", .counter, "Pool logs sync applied.")
    /// Reorgs rewound.
    public static let syncReorgs = MetricSeries("mev_sync_reorgs_total", .counter, "Chain reorganisations sync rewound.")
    /// Reorgs deeper than the journal (state reloaded).
    public static let syncDeepReorgs = MetricSeries("mev_sync_deep_reorgs_total", .counter, "Reorganisations deeper than the journal (the state was reloaded).")
    /// Pool reloads.
    public static let syncReloads = MetricSeries("mev_sync_reloads_total", .counter, "Pools reloaded from the chain (a log the pool could not apply, a fee change).")
    /// Pools found drifted from the chain by reconciliation, by entry.
    public static let syncDrift = MetricSeries("mev_sync_drift_total", .counter, labels: ["dex"], "Pools reconciliation found different from a fresh read (replaced), by dex.yaml entry.")
    /// Pools reconciliation compared with fresh reads.
    public static let syncReconciled = MetricSeries("mev_sync_reconciled_pools_total", .counter, "Tracked pools reconciliation compared with fresh reads of the chain.")
    /// Pool sync failures.
    public static let syncPoolFailures = MetricSeries("mev_sync_pool_failures_total", .counter, "Pools sync failed to read or apply (each failure once).")
    /// Sync steps that ended in an error.
    public static let syncErrors = MetricSeries("mev_sync_errors_total", .counter, "Sync steps that ended in an error (retried).")

    // MARK: RPC

    /// JSON-RPC calls made (a batch is one).
    public static let rpcCalls = MetricSeries("mev_rpc_calls_total", .counter, labels: ["method"], "JSON-RPC calls made (a batch is one call), by method.")
    /// JSON-RPC requests carried by those calls.
    public static let rpcRequests = MetricSeries("mev_rpc_requests_total", .counter, labels: ["method"], "JSON-RPC requests those calls carried (a batch carries several), by method.")
    /// Calls that ended in an error.
    public static let rpcErrors = MetricSeries("mev_rpc_errors_total", .counter, labels: ["method"], "JSON-RPC calls that ended in an error (after retries), by method.")
    /// Failed attempts and errors in answers, by kind.
    public static let rpcFailures = MetricSeries("mev_rpc_failures_total", .counter, labels: ["method", "kind"], "Failed JSON-RPC attempts and errors in answers, by method and kind (transport, timeout, rateLimited, serverError, httpStatus, node, reverted, malformed).")
    /// Attempts after each call's first.
    public static let rpcRetries = MetricSeries("mev_rpc_retries_total", .counter, labels: ["method"], "JSON-RPC attempts after each call's first, by method.")
    /// Calls by latency bucket (cumulative, with `le`, for `histogram_quantile`).
    public static let rpcLatencyBuckets = MetricSeries("mev_rpc_calls_by_latency_total", .counter, labels: ["method", "le"], "JSON-RPC calls that took at most `le` seconds (cumulative buckets 1 ms to 10 s and +Inf, retries included), by method.")
    /// Seconds spent in calls.
    public static let rpcLatencySeconds = MetricSeries("mev_rpc_latency_seconds_total", .counter, labels: ["method"], "Seconds spent in JSON-RPC calls (retries and backoff included), by method.")
    /// The slowest call.
    public static let rpcLatencyMax = MetricSeries("mev_rpc_latency_max_seconds", .gauge, labels: ["method"], "The slowest JSON-RPC call since start, in seconds, by method.")

    // MARK: Execution

    /// Executions attempted.
    public static let executionsAttempted = MetricSeries("mev_executions_attempted_total", .counter, "Opportunities the executor tried to execute.")
    /// Executions that landed and succeeded.
    public static let executionsSucceeded = MetricSeries("mev_executions_succeeded_total", .counter, "Executions that landed and succeeded.")
    /// Executions that failed, by how.
    public static let executionsFailed = MetricSeries("mev_executions_failed_total", .counter, labels: ["reason"], "Executions that failed, by reason: reverted (included, reverted), rejected (the sequencer refused it or its answer was lost), dropped (no receipt in time).")
    /// Opportunities a limit kept from being traded.
    public static let executionsRefused = MetricSeries("mev_execution_refused_total", .counter, labels: ["reason"], "Opportunities not traded, by the limit that stopped them (kill_switch, daily_loss, token_not_allowed, input_too_large, gas_price, profit_too_low, slippage, trades_per_block, pool_busy, nonce_resync, unencodable).")
    /// The expected profit of the trades that succeeded.
    public static let executionProfit = MetricSeries("mev_execution_profit_wei_total", .counter, "The re-quoted gross profit of trades that were included and succeeded, in wei of ETH.")
    /// The fees included trades paid.
    public static let executionFees = MetricSeries("mev_execution_fees_wei_total", .counter, "Fees paid by included trades (gas used x effective gas price, L1 part included), in wei.")
    /// Trades sent and not yet settled.
    public static let executionsInFlight = MetricSeries("mev_executions_in_flight", .gauge, "Trades sent and not yet settled.")

    // MARK: Latency

    /// Per-stage latency of the hot path.
    public static let stageLatency = MetricSeries("mev_stage_latency_seconds", .histogram, labels: ["stage"], "Hot-path latency per stage (decode, recognise, engine and its simulate, screen, size, price parts, total; sign: decision to signed transaction; submit: decision to the answer of the sequencer), buckets 1 us to 1 s.")

    /// Every series, in the order above.
    public static let all: [MetricSeries] = [
        feedFrames, feedMessages, feedTransactions, feedBytes, feedMalformedFrames, feedMalformedMessages,
        feedBadSignatures, feedDuplicates, feedGaps, feedMissingMessages, feedOutOfOrder, feedReconnects,
        feedConnectionsOpened, feedConnections, queueDepth, queueDropped, reportLinesDropped,
        swaps, swapMalformedCalls, aggregatorRouteUnknown,
        engineMessages, engineTransactions, legsApplied, legsReverted, legsUnknownPool, cyclesScreened,
        cyclesSized, cyclesBelowCost, cyclesUncertain, cyclesUnexecutable, opportunities, opportunityProfit,
        poolsTracked, poolsDiscovered, syncLag, syncedBlock, chainHead, syncBlocks, syncLogs, syncReorgs,
        syncDeepReorgs, syncReloads, syncDrift, syncReconciled, syncPoolFailures, syncErrors,
        rpcCalls, rpcRequests, rpcErrors, rpcFailures, rpcRetries, rpcLatencyBuckets, rpcLatencySeconds, rpcLatencyMax,
        executionsAttempted, executionsSucceeded, executionsFailed, executionsRefused, executionProfit, executionFees, executionsInFlight,
        stageLatency,
    ]
}
