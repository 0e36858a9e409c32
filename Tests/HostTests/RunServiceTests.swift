import Engine
import Foundation
@testable import Host
import Kernel
import Testing

/// `mevbot run` end to end over loopback: the service against a feed server replaying the demo
/// feed finds the same opportunities, in the same order, as `replay --state` on the same inputs.
@Suite(.serialized) struct RunServiceTests {
    @Test func runFindsWhatReplayFinds() async throws {
        let config = try ConfigLoader().load(path: ConfigTestSupport.realConfigPath)
        var settings = RunSettings()
        settings.snapshot = BotService.demoSnapshot
        let service = try await BotService.start(settings: settings, config: config, demo: true)
        var fromRun: [String] = []
        let summary = await service.run { fromRun += $0.map { JSONValue.object($0.json).rendered } }
        #expect(summary.rendered.contains(#""messages":45"#))

        let snapshot = try SnapshotFile.load(path: BotService.demoSnapshot, config: config)
        let engine = try Engine(snapshot: snapshot, plugins: config.enabledPlugins, configuration: config.engine)
        var fromReplay: [String] = []
        let (replaySummary, complete) = try await ReplayCommand.replay(
            try FeedRecordingReader.readAll(path: BotService.demoFeed), config: config, engine: engine, timeoutSeconds: 60
        ) { fromReplay += $0.map { JSONValue.object($0.json).rendered } }
        #expect(complete)
        #expect(!fromRun.isEmpty)
        #expect(fromRun == fromReplay)
        // Every frame's send was noted: the sent-to-decision latencies are there, none zero.
        let sent = try JSONValue.parse(Array(replaySummary.rendered.utf8)).fields(at: "").read("sentToDecisionNanos", .object)
        #expect(try sent.read("p50", .integer(UInt64.self)) > 0)
        #expect(try sent.read("max", .integer(UInt64.self)) >= sent.read("p99", .integer(UInt64.self)))
    }

    @Test func settingsComeFromFlagsOverEnvironmentAndHideSecrets() throws {
        let environment = ["SEQUENCER_WS_URL": "wss://feed.example:443/feed?key=s3cret, ws://127.0.0.1:9642",
                           "RPC_URL": "https://user:p4ss@rpc.example/v2/APIKEY123", "METRICS_PORT": "9464",
                           "RPC_WS_URL": "wss://rpc.example/ws/WSKEY456"]
        var rpc = RPCConfiguration()
        rpc.endpoints = ["http://127.0.0.1:8545"]
        rpc.webSocket = "ws://127.0.0.1:8546"
        let fromConfig = RunSettings(rpc: rpc)
        #expect(fromConfig.rpcEndpoints == rpc.endpoints)
        #expect(fromConfig.rpcWebSocket == rpc.webSocket)
        let settings = try fromConfig.overridden(by: environment)
        #expect(settings.feeds == ["wss://feed.example:443/feed?key=s3cret", "ws://127.0.0.1:9642"])
        #expect(settings.rpcEndpoints == ["https://user:p4ss@rpc.example/v2/APIKEY123"])
        #expect(settings.rpcWebSocket == "wss://rpc.example/ws/WSKEY456")
        #expect(settings.metricsPort == 9464)
        let printed = settings.startupLines.joined(separator: "\n")
        for secret in ["s3cret", "p4ss", "APIKEY123", "user", "WSKEY456"] { #expect(!printed.contains(secret), "\(secret) printed") }
        #expect(printed.contains("wss://feed.example:443"))
        #expect(printed.contains("https://rpc.example"))
        #expect(printed.contains("heads: newHeads at wss://rpc.example"))
        #expect(throws: RunSettingsError.self) { try RunSettings().overridden(by: ["METRICS_PORT": "http"]) }
        // A malformed URL is refused by the variable's name, its text not repeated.
        for (name, value) in [("RPC_WS_URL", "::KEY789 not a url::"), ("RPC_WS_URL", "https://rpc.example/KEY789"),
                              ("SEQUENCER_WS_URL", "ws://feed.example, KEY789"), ("RPC_URL", "wss://rpc.example/KEY789")] {
            do {
                _ = try RunSettings().overridden(by: [name: value])
                Issue.record("\(name)=\(value) was accepted")
            } catch {
                #expect(error.setting == name)
                #expect(!"\(error)".contains("KEY789"))
            }
        }
    }
}
