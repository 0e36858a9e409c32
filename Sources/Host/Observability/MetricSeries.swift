/// One series the service exports: its Prometheus name, type, label names and meaning. The
/// catalog below is the one list of names: `MevMetrics` creates its handles from it, the
/// `mevbot metrics-sample --list-series` output and `docs/metrics.md` follow it, and the deploy
/// check tests the dashboard's and the alerts' queries against it.
public struct MetricSeries: Sendable, Hashable {
    /// What Prometheus is told the series is.
    public enum Kind: String, Sendable, Hashable {
        /// Only goes up (resets when the process restarts); read with `rate()`.
        case counter
        /// A value that goes up and down.
        case gauge
        /// Cumulative `le` buckets, `_sum` and `_count`; read with `histogram_quantile()`.
        case histogram
    }

    /// The exported name (`mev_` prefix; `_total` for counters, `_seconds` for durations).
    public let name: String
    /// The type.
    public let kind: Kind
    /// The label names, each with a bounded set of values (never a pool or token address).
    public let labels: [String]
    /// What it counts or measures.
    public let help: String

    /// A series of `kind` named `name`.
    init(_ name: String, _ kind: Kind, labels: [String] = [], _ help: String) {
        self.name = name
        self.kind = kind
        self.labels = labels
        self.help = help
    }
}
