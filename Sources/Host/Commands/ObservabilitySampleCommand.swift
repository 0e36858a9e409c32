import ArgumentParser
import Logging
import ServiceLifecycle
import Synchronization

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// `mevbot observability-sample` (hidden): serves `/metrics`, `/health` and `/ready` with sample
/// counts in every series, for the deploy checks (a real Prometheus scrapes it); or, with
/// `--list-series`, prints the catalog's series names, the one list the dashboard is checked
/// against.
struct ObservabilitySampleCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "observability-sample",
        abstract: "Serve the observability endpoints with sample data, or list the metric series.",
        discussion: """
            Prints {"listening":"http://127.0.0.1:<port>"} once bound (port 0 picks a free one), then
            serves until SIGINT or SIGTERM. Each scrape adds one round of sample counts.
            """,
        shouldDisplay: false
    )

    @Option(name: .customLong("port"), help: "TCP port on 127.0.0.1 (0: any free port).")
    var port: Int = 0

    @Flag(name: .customLong("list-series"), help: "Print each series as `name type labels` and exit.")
    var listSeries = false

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port must be 0...65535") }
    }

    func run() async throws {
        if listSeries {
            for series in MetricSeries.all {
                print([series.name, series.kind.rawValue, series.labels.joined(separator: ",")].joined(separator: " "))
            }
            return
        }
        let registry = MetricsRegistry()
        let publisher = MetricsPublisher(metrics: MevMetrics(factory: registry.factory))
        let rounds = RoundCounter()
        ObservabilitySample.publish(round: rounds.next(), to: publisher)
        let server = ObservabilityServer(
            configuration: .init(port: port), metrics: registry,
            readiness: {
                Readiness(feedConnected: true, millisSinceLastMessage: 10, syncLag: 1, syncError: nil, engineRunning: true,
                          limits: .init(maxMessageAgeMillis: 5000, maxSyncLag: 3))
            },
            beforeScrape: { ObservabilitySample.publish(round: rounds.next(), to: publisher) },
            onListening: { port in
                var line = JSONLine()
                line.string("listening", "http://127.0.0.1:\(port)")
                print(line.rendered)
                fflush(nil)
            }
        )
        let group = ServiceGroup(services: [server], gracefulShutdownSignals: [.sigterm, .sigint],
                                 logger: Logger(label: "mevbot.observability-sample"))
        try await group.run()
    }
}

/// Scrape rounds, counted from 1.
private final class RoundCounter: Sendable {
    private let count = Mutex(0)

    /// The next round's number.
    func next() -> Int { count.withLock { $0 += 1; return $0 } }
}
