/// How `mevbot run` runs: the `service` section of dex.yaml, its defaults where absent. The
/// environment (`SEQUENCER_WS_URL`, `METRICS_PORT`, …) and `run`'s flags override it.
public struct ServiceConfiguration: Sendable, Equatable {
    /// Sequencer feed WebSocket URLs (several: the first copy of each message wins).
    public var feeds: [String] = []
    /// The snapshot `run` starts from, if any.
    public var snapshot: String?
    /// Where `run` saves the state at shutdown, if anywhere.
    public var saveSnapshot: String?
    /// The interface `/metrics`, `/health` and `/ready` are served on.
    public var metricsHost = "127.0.0.1"
    /// Their port (nil: not served; 0: any free port).
    public var metricsPort: Int?
    /// `/ready` wants a feed message within this many seconds.
    public var readyMessageAgeSeconds = 10
    /// The log level (`trace` … `critical`), nil: `info` unless the environment says otherwise.
    public var logLevel: String?
    /// `text` or `json`.
    public var logFormat = "text"

    /// The defaults.
    public init() {}
}
