import Benchmark
import Host

/// What the observability layer costs: one stage latency sample on the hot path, and building
/// `/metrics` with every series present (the publisher's copy of the sample counts, then the
/// exposition text, as each scrape does).
func observabilityBenchmarks() {
    let registry = MetricsRegistry()
    let publisher = MetricsPublisher(metrics: MevMetrics(factory: registry.factory))
    ObservabilitySample.publish(round: 1, to: publisher)
    let timer = publisher.metrics.stageLatency(.total)
    Benchmark("Observability: record one stage latency sample (per op, 1000 per sample)", configuration: .init(scalingFactor: .kilo)) { benchmark in
        for i in benchmark.scaledIterations {
            timer.recordNanoseconds(Int64(i & 0xFFFF))
        }
    }
    Benchmark("Observability: /metrics body with every series (publish + exposition)") { benchmark in
        // Rounds 1 and 2 alternate: every counter moves each time (a fall reads as a restart).
        for i in benchmark.scaledIterations {
            ObservabilitySample.publish(round: 1 + i & 1, to: publisher)
            blackHole(registry.exposition())
        }
    }
    Benchmark("Observability: /metrics exposition alone") { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(registry.exposition())
        }
    }
}
