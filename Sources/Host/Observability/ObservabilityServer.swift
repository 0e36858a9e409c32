import Hummingbird
import Kernel
import Logging
import NIOCore
import ServiceLifecycle

/// The operators' HTTP endpoints, a swift-service-lifecycle `Service`: `GET /metrics` (the
/// Prometheus text exposition), `GET /health` (`{"status":"ok"}` while the process lives) and
/// `GET /ready` (200 with `"ready":true`, or 503 with the reasons, from the service's
/// readiness).
public struct ObservabilityServer: Service {
    /// Where and what to serve.
    public struct Configuration: Sendable {
        /// The address to bind (`127.0.0.1` keeps it on loopback).
        public var host: String
        /// The port; 0 binds any free port (reported to `onListening`).
        public var port: Int

        /// Serve on `host`:`port`.
        public init(host: String = "127.0.0.1", port: Int) {
            self.host = host
            self.port = port
        }
    }

    private let configuration: Configuration
    private let metrics: MetricsRegistry
    private let readiness: @Sendable () -> Readiness
    private let beforeScrape: @Sendable () -> Void
    private let onListening: @Sendable (Int) async -> Void
    private let logger: Logger

    /// A server of `metrics`' series and `readiness`. `beforeScrape` runs before each
    /// `/metrics` answer (the service publishes its counters there); `onListening` is told the
    /// bound port once the socket listens.
    public init(configuration: Configuration, metrics: MetricsRegistry,
                readiness: @escaping @Sendable () -> Readiness, beforeScrape: @escaping @Sendable () -> Void = {},
                onListening: @escaping @Sendable (Int) async -> Void = { _ in },
                logger: Logger = Logger(label: "mevbot.observability")) {
        self.configuration = configuration
        self.metrics = metrics
        self.readiness = readiness
        self.beforeScrape = beforeScrape
        self.onListening = onListening
        self.logger = logger
    }

    /// Serves until the service group shuts down or the task is cancelled.
    public func run() async throws {
        let onListening = onListening
        let logger = logger
        let application = Application(
            router: router(),
            configuration: ApplicationConfiguration(
                address: .hostname(configuration.host, port: configuration.port), serverName: "mevbot"),
            onServerRunning: { channel in
                let port = channel.localAddress?.port ?? 0
                logger.info("observability endpoints listening", metadata: ["port": "\(port)"])
                await onListening(port)
            },
            logger: logger
        )
        try await application.runService()
    }

    /// The three routes.
    private func router() -> Router<BasicRequestContext> {
        let router = Router()
        let metrics = metrics, readiness = readiness, beforeScrape = beforeScrape
        router.get("/metrics") { _, _ in
            beforeScrape()
            return Response(status: .ok, headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8"],
                            body: ResponseBody(byteBuffer: ByteBuffer(bytes: metrics.exposition())))
        }
        router.get("/health") { _, _ in
            Self.json(.ok, JSONObject([JSONObject.Member("status", .string("ok"))]))
        }
        router.get("/ready") { _, _ in
            let now = readiness()
            return Self.json(now.isReady ? .ok : .serviceUnavailable, now.json)
        }
        return router
    }

    /// A JSON response of `body`, its strings scrubbed of secrets.
    private static func json(_ status: HTTPResponse.Status, _ body: JSONObject) -> Response {
        let text = Redaction.scrub(body.rendered) + "\n"
        return Response(status: status, headers: [.contentType: "application/json"],
                        body: ResponseBody(byteBuffer: ByteBuffer(string: text)))
    }
}
