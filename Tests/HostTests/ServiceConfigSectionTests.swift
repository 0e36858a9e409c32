@testable import Host
import Kernel
import Testing

/// The `service` section of dex.yaml and how `run` layers the environment and its flags over it.
@Suite struct ServiceConfigSectionTests {
    typealias S = ConfigTestSupport

    static func load(_ section: String) throws -> LoadedConfig {
        try ConfigLoader(registry: S.toyRegistry).load(yaml: S.validYAML + "\n" + section, file: "config/dex.yaml")
    }

    @Test func absentIsEveryDefault() throws {
        #expect(try Self.load("").service == ServiceConfiguration())
    }

    @Test func everyFieldIsReadAndTheEnvironmentWins() throws {
        let service = try Self.load("""
            service:
              feeds: ["wss://feed.example/feed?key=K", "ws://127.0.0.1:9642"]
              snapshot: state/in.json
              saveSnapshot: state/out.json
              metricsHost: 0.0.0.0
              metricsPort: 9464
              readyMessageAgeSeconds: 30
              logLevel: warning
              logFormat: json

            """).service
        #expect(service.feeds == ["wss://feed.example/feed?key=K", "ws://127.0.0.1:9642"])
        #expect(service.snapshot == "state/in.json")
        #expect(service.saveSnapshot == "state/out.json")
        #expect(service.metricsHost == "0.0.0.0")
        #expect(service.metricsPort == 9464)
        #expect(service.readyMessageAgeSeconds == 30)
        #expect(service.logLevel == "warning")
        #expect(service.logFormat == "json")
        #expect(!ConfigReport.serviceLine(service).contains("key=K"))

        let settings = try RunSettings(service: service).overridden(by: ["SEQUENCER_WS_URL": "ws://127.0.0.1:1", "METRICS_PORT": "0"])
        #expect(settings.feeds == ["ws://127.0.0.1:1"])
        #expect(settings.metricsPort == 0)
        #expect(settings.snapshot == "state/in.json")
    }

    @Test func badValuesAreRefusedByField() {
        let cases = [
            ("service:\n  feeds: [\"https://x\"]\n", "config/dex.yaml: service: feeds[0]: expected a ws:// or wss:// URL with a host"),
            // A port the WebSocket client cannot dial is refused at start, not at each reconnect.
            ("service:\n  feeds: [\"wss://feed.example:70000/feed\"]\n", "config/dex.yaml: service: feeds[0]: expected a ws:// or wss:// URL with a host"),
            ("service:\n  metricsPort: 70000\n", "config/dex.yaml: service: metricsPort: 70000 is out of range 0...65535"),
            ("service:\n  logLevel: loud\n", "config/dex.yaml: service: logLevel: expected one of trace, debug, info, notice, warning, error, critical"),
            ("service:\n  logFormat: xml\n", "config/dex.yaml: service: logFormat: expected text or json"),
            ("service:\n  colour: blue\n", "config/dex.yaml: service: colour: unknown key (expected one of feeds, snapshot, saveSnapshot, metricsHost, metricsPort, readyMessageAgeSeconds, logLevel, logFormat)"),
        ]
        for (yaml, expected) in cases {
            #expect(S.errors(S.validYAML + "\n" + yaml) == [expected])
        }
    }
}
