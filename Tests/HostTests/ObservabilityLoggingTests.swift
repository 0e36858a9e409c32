@testable import Host
import Kernel
import Logging
import Synchronization
import Testing

/// Log lines (JSON and text), level resolution, rate limiting and redaction.
@Suite struct ObservabilityLoggingTests {
    /// Lines a handler wrote.
    final class Lines: Sendable {
        private let lines = Mutex<[String]>([])
        /// Appends one written line.
        @Sendable func write(_ line: String) { lines.withLock { $0.append(line) } }
        /// Everything written.
        var all: [String] { lines.withLock { $0 } }
    }

    /// A logger writing `format` at `level` into `lines`, at a fixed instant.
    private func logger(_ format: LogFormat, _ lines: Lines, level: Logger.Level = .info) -> Logger {
        Logger(label: "mevbot.test") { label in
            ServiceLogHandler(format: format, label: label, sink: lines.write, now: { 1_765_000_000_123_456_789 }, logLevel: level)
        }
    }

    @Test func jsonLinesCarryTimestampLevelLabelMessageAndMetadata() throws {
        let lines = Lines()
        var log = logger(.json, lines)
        log[metadataKey: "component"] = "feed"
        log.warning("reconnecting \"soon\"", metadata: ["attempt": .stringConvertible(3), "urls": .array(["a", "b"])])
        log.debug("not written at info")
        #expect(lines.all.count == 1)
        let line = try #require(lines.all.first)
        #expect(line.hasSuffix("}\n"))
        let object = try jsonObject(line)
        #expect(object["timestamp"] == .string("2025-12-06T05:46:40.123456Z"))
        #expect(object["level"] == .string("warning"))
        #expect(object["label"] == .string("mevbot.test"))
        #expect(object["message"] == .string("reconnecting \"soon\""))
        #expect(object["metadata"] == .object(JSONObject([
            .init("attempt", .string("3")), .init("component", .string("feed")), .init("urls", .array([.string("a"), .string("b")])),
        ])))
    }

    @Test func textLinesAreOneLineEach() throws {
        let lines = Lines()
        logger(.text, lines).error("sync failed", metadata: ["block": "12"])
        #expect(lines.all == ["2025-12-06T05:46:40.123456Z error mevbot.test: sync failed block=12\n"])
    }

    @Test func timestampsAcrossCalendarEdges() {
        #expect(LogTimestamp.rfc3339(unixNanos: 0) == "1970-01-01T00:00:00.000000Z")
        #expect(LogTimestamp.rfc3339(unixNanos: 951_782_400_000_000_000) == "2000-02-29T00:00:00.000000Z")
        #expect(LogTimestamp.rfc3339(unixNanos: 4_102_444_799_999_999_000) == "2099-12-31T23:59:59.999999Z")
    }

    @Test func levelFromEnvironmentThenConfig() throws {
        #expect(try LoggingSetup.level(configured: nil, environment: [:]) == .info)
        #expect(try LoggingSetup.level(configured: "debug", environment: [:]) == .debug)
        #expect(try LoggingSetup.level(configured: "debug", environment: ["LOG_LEVEL": "error"]) == .error)
        #expect(try LoggingSetup.level(configured: "debug", environment: ["LOG_LEVEL": "error", "MEVBOT_LOG_LEVEL": "TRACE"]) == .trace)
        #expect(throws: LoggingSetup.InvalidLevel(source: "LOG_LEVEL", value: "loud")) {
            try LoggingSetup.level(configured: nil, environment: ["LOG_LEVEL": "loud"])
        }
    }

    @Test func repeatsWithinTheWindowAreCountedNotWritten() {
        let lines = Lines()
        let clock = Mutex<UInt64>(0)
        let limited = RateLimitedLogger(logger: logger(.text, lines), window: .seconds(10), now: { clock.withLock { $0 } })
        #expect(limited.error(key: "rpc-down", "endpoint down"))
        clock.withLock { $0 = 5_000_000_000 }
        #expect(!limited.error(key: "rpc-down", "endpoint down"))
        #expect(!limited.error(key: "rpc-down", "endpoint down"))
        #expect(limited.error(key: "feed-down", "feed down"), "another key is not limited")
        clock.withLock { $0 = 10_000_000_000 }
        #expect(limited.error(key: "rpc-down", "endpoint down"))
        #expect(!limited.error(key: "rpc-down", "endpoint down"))
        let written = lines.all
        #expect(written.count == 3)
        #expect(written[0].hasSuffix("endpoint down key=rpc-down\n"))
        #expect(written[2].hasSuffix("endpoint down key=rpc-down suppressed=2\n"))
    }

    @Test func urlsKeepSchemeHostAndPortOnly() {
        #expect(Redaction.url("wss://user:pw@arb1.arbitrum.io:443/feed?key=abc") == "wss://arb1.arbitrum.io:443")
        #expect(Redaction.url("https://arb-mainnet.g.alchemy.com/v2/SECRETPATH") == "https://arb-mainnet.g.alchemy.com")
        #expect(Redaction.url("http://127.0.0.1:8547") == "http://127.0.0.1:8547")
        #expect(Redaction.url("not a url") == "not a url")
    }

    @Test func secretSettingsAreMaskedAndNeverLogged() throws {
        let key = "0x4c0883a69102937d6231471b5dbb6204fe5129617082792ae468d01a3f362318"
        let environment = ["MEVBOT_PRIVATE_KEY": key, "RPC_URL": "https://node.example:8545/\(key)", "HOME": "/root"]
        Redaction.registerSecrets(from: environment)
        #expect(Redaction.isSecretName("mevbot_private_key"))
        #expect(Redaction.isSecretName("API_TOKEN"))
        #expect(!Redaction.isSecretName("RPC_URL"))
        #expect(Redaction.setting("MEVBOT_PRIVATE_KEY", key) == Redaction.mask)
        #expect(Redaction.setting("RPC_URL", environment["RPC_URL"] ?? "") == "https://node.example:8545")
        let lines = Lines()
        for format in LogFormat.allCases {
            let log = logger(format, lines)
            log.error("signing failed with \(key)", metadata: ["env": .dictionary(environment.mapValues { .string($0) })])
        }
        #expect(lines.all.count == 2)
        for line in lines.all {
            #expect(!line.contains(key))
            #expect(!line.contains("4c0883a69102937d6231"))
            #expect(line.contains(Redaction.mask))
        }
    }
}
