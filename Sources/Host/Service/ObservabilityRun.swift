import Logging

/// `run`'s `/metrics`, `/health` and `/ready`: the process's metrics registry, a publisher for
/// the service's counters, and the server (a service of `run`'s group).
struct ObservabilityRun: Sendable {
    /// Where the hot loop publishes.
    let publisher: MetricsPublisher
    /// The endpoints' server.
    let server: ObservabilityServer

    /// The endpoints of `service` on `settings.metricsHost`:`port`; once bound, the port is
    /// printed to stderr as `mevbot run: metrics http://host:port`.
    init(service: BotService, settings: RunSettings, maxSyncLag: UInt64, port: Int) {
        let registry = MetricsRegistry.bootstrap()
        let publisher = MetricsPublisher(metrics: MevMetrics(factory: registry.factory))
        let limits = Readiness.Limits(maxMessageAgeMillis: UInt64(settings.readyMessageAgeSeconds) * 1000, maxSyncLag: maxSyncLag)
        let host = settings.metricsHost
        self.publisher = publisher
        server = ObservabilityServer(
            configuration: .init(host: host, port: port), metrics: registry,
            readiness: { service.readiness(limits) },
            beforeScrape: { service.publishShared(to: publisher) },
            onListening: { bound in printToStandardError("mevbot run: metrics http://\(host):\(bound)") })
    }
}
