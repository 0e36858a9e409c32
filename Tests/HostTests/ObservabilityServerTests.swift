import AsyncHTTPClient
@testable import Host
import Kernel
import Logging
import NIOCore
import ServiceLifecycle
import Synchronization
import Testing

/// The endpoints over real HTTP on loopback: the server on a free port, asked by
/// AsyncHTTPClient.
@Suite struct ObservabilityServerTests {
    /// What one request answered.
    struct Answer {
        var status: UInt
        var contentType: String?
        var body: String
    }

    /// Runs a server of `registry` and `readiness` on a free port, hands `body` its base URL,
    /// and stops the server.
    private func withServer(registry: MetricsRegistry, readiness: @escaping @Sendable () -> Readiness,
                            beforeScrape: @escaping @Sendable () -> Void = {},
                            _ body: (String) async throws -> Void) async throws {
        let (ports, continuation) = AsyncStream.makeStream(of: Int.self)
        let server = ObservabilityServer(configuration: .init(port: 0), metrics: registry, readiness: readiness,
                                         beforeScrape: beforeScrape, onListening: { continuation.yield($0) })
        let services = ServiceGroup(services: [server], logger: Logger(label: "test"))
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await services.run() }
            var iterator = ports.makeAsyncIterator()
            let port = try #require(await iterator.next())
            #expect(port > 0)
            try await body("http://127.0.0.1:\(port)")
            await services.triggerGracefulShutdown()
            try await group.waitForAll()
        }
    }

    /// GETs `url`.
    private func get(_ url: String) async throws -> Answer {
        let response = try await HTTPClient.shared.execute(HTTPClientRequest(url: url), timeout: .seconds(30))
        let body = try await response.body.collect(upTo: 16 << 20)
        return Answer(status: response.status.code, contentType: response.headers.first(name: "content-type"),
                      body: String(buffer: body))
    }

    private static let limits = Readiness.Limits(maxMessageAgeMillis: 5_000, maxSyncLag: 3)

    @Test func metricsHealthAndReadyWhenAllIsWell() async throws {
        let registry = MetricsRegistry()
        let publisher = MetricsPublisher(metrics: MevMetrics(factory: registry.factory))
        let scrapes = Mutex(0)
        let ready: @Sendable () -> Readiness = {
            Readiness(feedConnected: true, millisSinceLastMessage: 20, syncLag: 1, syncError: nil, engineRunning: true, limits: Self.limits)
        }
        try await withServer(registry: registry, readiness: ready, beforeScrape: {
            let round = scrapes.withLock { $0 += 1; return $0 }
            ObservabilitySample.publish(round: round, to: publisher)
        }) { base in
            let metrics = try await get(base + "/metrics")
            #expect(metrics.status == 200)
            #expect(metrics.contentType?.hasPrefix("text/plain; version=0.0.4") == true)
            for series in MetricSeries.all {
                #expect(metrics.body.contains("# TYPE \(series.name) \(series.kind.rawValue)\n"), "\(series.name)")
            }
            #expect(metrics.body.contains("mev_feed_messages_total 1\n"))
            #expect(metrics.body.contains("mev_swaps_total{dex=\"uniswap-v3\",router_kind=\"all\"} 1\n"))
            let again = try await get(base + "/metrics")
            #expect(again.body.contains("mev_feed_messages_total 2\n"), "each scrape publishes first")

            let health = try await get(base + "/health")
            #expect(health.status == 200)
            #expect(health.body == "{\"status\":\"ok\"}\n")

            let readiness = try await get(base + "/ready")
            #expect(readiness.status == 200)
            let json = try jsonObject(readiness.body)
            #expect(json["ready"] == .bool(true))
            #expect(json["reasons"] == .array([]))
            #expect(json["syncLag"] == .number("1"))
        }
    }

    @Test func readyIs503WithReasonsAndRecovers() async throws {
        let state = Mutex(Readiness(feedConnected: false, millisSinceLastMessage: 9_000, syncLag: 10, syncError: nil,
                                    engineRunning: true, limits: Self.limits))
        try await withServer(registry: MetricsRegistry(), readiness: { state.withLock { $0 } }) { base in
            let down = try await get(base + "/ready")
            #expect(down.status == 503)
            let json = try jsonObject(down.body)
            #expect(json["ready"] == .bool(false))
            #expect(json["reasons"] == .array([
                .string("feed disconnected"),
                .string("no feed message for 9000 ms (limit 5000 ms)"),
                .string("sync lag 10 blocks (limit 3)"),
            ]))
            state.withLock { $0.feedConnected = true; $0.millisSinceLastMessage = 10; $0.syncLag = 0 }
            let up = try await get(base + "/ready")
            #expect(up.status == 200)
            #expect(try jsonObject(up.body)["ready"] == .bool(true))
            #expect(try await get(base + "/health").status == 200)
            #expect(try await get(base + "/nothing").status == 404)
        }
    }
}

/// The JSON object one line of `text` holds (its newline dropped).
func jsonObject(_ text: String) throws -> JSONObject {
    let line = text.hasSuffix("\n") ? String(text.dropLast()) : text
    guard case .object(let object) = try JSONValue.parse(line: line) else {
        throw JSONFieldError(field: "", message: "expected an object")
    }
    return object
}
