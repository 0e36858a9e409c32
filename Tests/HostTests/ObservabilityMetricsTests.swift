import Engine
@testable import Host
import Kernel
import Testing

/// The series as Prometheus reads them: names, types, labels and values in the exposition text
/// of a registry of the test's own (never the process's bootstrap).
@Suite struct ObservabilityMetricsTests {
    /// A registry with the service's handles, and its publisher.
    private func world() -> (MetricsRegistry, MetricsPublisher) {
        let registry = MetricsRegistry()
        return (registry, MetricsPublisher(metrics: MevMetrics(factory: registry.factory)))
    }

    /// The exposition text's lines.
    private func lines(_ registry: MetricsRegistry) -> [String] {
        String(decoding: registry.exposition(), as: UTF8.self).split(separator: "\n").map(String.init)
    }

    @Test func everyCatalogSeriesIsExposedWithItsType() {
        let (registry, publisher) = world()
        ObservabilitySample.publish(round: 1, to: publisher)
        let text = lines(registry)
        for series in MetricSeries.all {
            #expect(text.contains("# TYPE \(series.name) \(series.kind.rawValue)"), "\(series.name)")
        }
        let typed = Set(text.filter { $0.hasPrefix("# TYPE ") }.map { $0.split(separator: " ")[2] })
        #expect(typed == Set(MetricSeries.all.map { Substring($0.name) }), "no series outside the catalog")
    }

    @Test func namesFollowPrometheusConventionsAndLabelsAreBounded() {
        let allowedLabels: Set<String> = ["dex", "router_kind", "reason", "stage", "method", "kind", "le"]
        for series in MetricSeries.all {
            #expect(series.name.hasPrefix("mev_"))
            #expect(series.name.allSatisfy { $0.isLowercase || $0 == "_" || $0.isNumber }, "\(series.name)")
            #expect((series.kind == .counter) == series.name.hasSuffix("_total"), "\(series.name)")
            if series.kind == .histogram { #expect(series.name.hasSuffix("_seconds")) }
            #expect(Set(series.labels).isSubset(of: allowedLabels), "\(series.name)")
        }
        #expect(Set(MetricSeries.all.map(\.name)).count == MetricSeries.all.count)
    }

    @Test func stageHistogramHasBucketsFromOneMicrosecondToOneSecond() {
        let (registry, publisher) = world()
        publisher.metrics.stageLatency(.decode).recordNanoseconds(3_000)
        let buckets = lines(registry).filter { $0.hasPrefix("mev_stage_latency_seconds_bucket{stage=\"decode\"") }
        #expect(buckets.first == "mev_stage_latency_seconds_bucket{stage=\"decode\",le=\"0.000001\"} 0")
        #expect(buckets.contains("mev_stage_latency_seconds_bucket{stage=\"decode\",le=\"0.000005\"} 1"))
        #expect(buckets.contains("mev_stage_latency_seconds_bucket{stage=\"decode\",le=\"1.0\"} 1"))
        #expect(buckets.last == "mev_stage_latency_seconds_bucket{stage=\"decode\",le=\"+Inf\"} 1")
        #expect(buckets.count == MetricsRegistry.latencyBuckets.count + 1)
        #expect(lines(registry).contains("mev_stage_latency_seconds_count{stage=\"decode\"} 1"))
    }

    @Test func publisherAddsOnlyWhatEachSourceGained() {
        let (registry, publisher) = world()
        var engine = EngineCounters()
        engine.opportunities = 2
        engine.legsFailed = [.deadline: 3]
        engine.totalNetProfitEth = UInt256(5_000)
        publisher.publish(engine: engine)
        engine.opportunities = 5
        engine.legsFailed = [.deadline: 4, .poolRevert: 1]
        engine.totalNetProfitEth = UInt256(7_500)
        publisher.publish(engine: engine)
        publisher.publish(engine: engine)
        let text = lines(registry)
        #expect(text.contains("mev_opportunities_total 5"))
        #expect(text.contains("mev_legs_reverted_total{reason=\"deadline\"} 4"))
        #expect(text.contains("mev_legs_reverted_total{reason=\"poolRevert\"} 1"))
        #expect(text.contains("mev_legs_reverted_total{reason=\"unpriced\"} 0"))
        #expect(text.contains("mev_opportunity_net_profit_wei_total 7500.0"))
    }

    @Test func feedSnapshotsBecomeCountersAndTheConnectionGauge() {
        let (registry, publisher) = world()
        let feed = FeedStats()
        FeedStats.add(feed.messagesDelivered, 7)
        FeedStats.add(feed.gapEvents, 2)
        FeedStats.add(feed.missingMessages, 9)
        feed.connectionsOpen.store(1, ordering: .relaxed)
        publisher.publish(feed: feed.snapshot)
        FeedStats.add(feed.messagesDelivered, 3)
        feed.connectionsOpen.store(0, ordering: .relaxed)
        publisher.publish(feed: feed.snapshot)
        let text = lines(registry)
        #expect(text.contains("mev_feed_messages_total 10"))
        #expect(text.contains("mev_feed_gaps_total 2"))
        #expect(text.contains("mev_feed_missing_messages_total 9"))
        #expect(text.contains("mev_feed_connections 0.0"))
    }

    @Test func rpcLatencyBucketsAreCumulativeWithInf() {
        let (registry, publisher) = world()
        let rpc = RPCStats()
        rpc.countCall("eth_call", requests: 1, nanos: 500_000, failed: false)
        rpc.countCall("eth_call", requests: 1, nanos: 30_000_000, failed: false)
        rpc.countCall("eth_call", requests: 1, nanos: 20_000_000_000, failed: true)
        rpc.countFailure("eth_call", .timeout)
        publisher.publish(rpc: rpc.snapshot)
        let text = lines(registry)
        #expect(text.contains("mev_rpc_calls_by_latency_total{method=\"eth_call\",le=\"0.001\"} 1"))
        #expect(text.contains("mev_rpc_calls_by_latency_total{method=\"eth_call\",le=\"0.025\"} 1"))
        #expect(text.contains("mev_rpc_calls_by_latency_total{method=\"eth_call\",le=\"0.1\"} 2"))
        #expect(text.contains("mev_rpc_calls_by_latency_total{method=\"eth_call\",le=\"10\"} 2"))
        #expect(text.contains("mev_rpc_calls_by_latency_total{method=\"eth_call\",le=\"+Inf\"} 3"))
        #expect(text.contains("mev_rpc_errors_total{method=\"eth_call\"} 1"))
        #expect(text.contains("mev_rpc_failures_total{method=\"eth_call\",kind=\"timeout\"} 1"))
        #expect(text.contains("mev_rpc_latency_max_seconds{method=\"eth_call\"} 20.0"))
    }

    @Test func syncReadingSetsGaugesAndDriftByDEX() {
        let (registry, publisher) = world()
        var reading = SyncStatus.Reading()
        reading.syncedBlock = 90
        reading.chainHead = 95
        reading.reorgs = 2
        reading.drifted = ["camelot-v2": 3]
        reading.poolsByDex = ["camelot-v2": 17, "uniswap-v2": 4]
        publisher.publish(sync: reading)
        let text = lines(registry)
        #expect(text.contains("mev_sync_lag_blocks 5.0"))
        #expect(text.contains("mev_sync_synced_block 90.0"))
        #expect(text.contains("mev_sync_reorgs_total 2"))
        #expect(text.contains("mev_sync_drift_total{dex=\"camelot-v2\"} 3"))
        #expect(text.contains("mev_pools_tracked{dex=\"camelot-v2\"} 17.0"))
        #expect(text.contains("mev_pools_tracked{dex=\"uniswap-v2\"} 4.0"))
        // An entry whose last pool left reads 0, not its last count.
        reading.poolsByDex = ["camelot-v2": 18]
        publisher.publish(sync: reading)
        let after = lines(registry)
        #expect(after.contains("mev_pools_tracked{dex=\"camelot-v2\"} 18.0"))
        #expect(after.contains("mev_pools_tracked{dex=\"uniswap-v2\"} 0.0"))
    }

    @Test func prometheusSecondsLabels() {
        #expect(PrometheusNumber.seconds(nanoseconds: 1_000_000) == "0.001")
        #expect(PrometheusNumber.seconds(nanoseconds: 2_500_000_000) == "2.5")
        #expect(PrometheusNumber.seconds(nanoseconds: 10_000_000_000) == "10")
        #expect(PrometheusNumber.seconds(nanoseconds: 1) == "0.000000001")
    }
}
