import CoreMetrics
import Prometheus
import Synchronization

/// The Prometheus registry the service's metrics live in, with the swift-metrics factory that
/// fills it (stage latency histograms get buckets from 1 us to 1 s). The process makes one with
/// `bootstrap()`, which also installs the factory as swift-metrics' global one; tests make
/// their own with `init()` and never bootstrap.
public struct MetricsRegistry: Sendable {
    /// The registry `/metrics` renders.
    public let registry: PrometheusCollectorRegistry
    /// The factory that creates series in `registry`.
    public let factory: PrometheusMetricsFactory

    /// The stage latency histogram's bucket upper bounds: 1, 2.5, 5 steps from 1 us to 1 s.
    public static let latencyBuckets: [Duration] = [1, 10, 100, 1000, 10000, 100_000].flatMap { micros in
        [Duration.microseconds(micros), .nanoseconds(micros * 2500), .microseconds(micros * 5)]
    } + [.seconds(1)]

    /// A registry of its own, not installed globally.
    public init() {
        registry = PrometheusCollectorRegistry()
        var factory = PrometheusMetricsFactory(registry: registry)
        factory.durationHistogramBuckets[MetricSeries.stageLatency.name] = Self.latencyBuckets
        self.factory = factory
    }

    /// The process's registry, made and installed with `MetricsSystem.bootstrap` on the first
    /// call; later calls return the same one (swift-metrics allows one bootstrap per process).
    public static func bootstrap() -> MetricsRegistry {
        processRegistry.withLock { installed in
            if let installed { return installed }
            let made = MetricsRegistry()
            MetricsSystem.bootstrap(made.factory)
            installed = made
            return made
        }
    }

    private static let processRegistry = Mutex<MetricsRegistry?>(nil)

    /// The exposition text of every series, as `/metrics` serves it.
    public func exposition() -> [UInt8] { registry.emitToBuffer() }
}
