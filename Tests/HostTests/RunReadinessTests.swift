import Engine
import Foundation
@testable import Host
import Kernel
import Testing

/// `/ready`'s verdict on the running service as its dependencies come and go: a feed server on
/// loopback and the local chain behind state sync. Ready when both serve; "sync failing" when the
/// chain stops answering; "feed disconnected" when the feed server goes, connected again when it
/// is back. Nothing crashes.
@Suite(.serialized) struct RunReadinessTests {
    static let limits = Readiness.Limits(maxMessageAgeMillis: 30_000, maxSyncLag: 2)

    /// Polls `condition` on the service's readiness every 100 ms for up to `seconds`.
    static func eventually(_ service: BotService, within seconds: Int = 60, _ condition: (Readiness) -> Bool) async throws -> Readiness {
        var last = service.readiness(limits)
        for _ in 0..<(seconds * 10) {
            if condition(last) { return last }
            try await Task.sleep(for: .milliseconds(100))
            last = service.readiness(limits)
        }
        return last
    }

    @Test func readyFollowsTheFeedAndTheChain() async throws {
        let config = try ConfigLoader().load(path: ConfigTestSupport.realConfigPath)
        let chain = try await LocalChain.start(seed: 51)
        defer { chain.stop() }
        var feedConfiguration = FeedReplayServer.Configuration()
        feedConfiguration.pacing = .interval(.milliseconds(100))
        let frames = try FeedRecordingReader.readAll(path: BotService.demoFeed)
        let feed = FeedReplayServer(frames: frames, configuration: feedConfiguration)
        let port = try await feed.start()

        var settings = RunSettings()
        settings.feeds = [feed.url]
        settings.rpcEndpoints = [chain.http]
        let service = try await BotService.start(settings: settings, config: config, demo: false)
        let running = Task { await service.run { _ in } }

        // Both up: ready (the real config's pools are absent on the local chain, so sync holds none).
        let ready = try await Self.eventually(service) { $0.isReady }
        #expect(ready.isReady, "\(ready.reasons)")

        // The chain stops answering: sync fails, and says so.
        chain.stop()
        let failing = try await Self.eventually(service) { $0.reasons.contains { $0.hasPrefix("sync failing") } }
        #expect(failing.reasons.contains { $0.hasPrefix("sync failing") }, "\(failing.reasons)")

        // The feed server goes: disconnected; back on the same port: connected again.
        await feed.stop()
        let gone = try await Self.eventually(service) { !$0.feedConnected }
        #expect(gone.reasons.contains("feed disconnected"))
        var again = FeedReplayServer.Configuration()
        again.port = port
        let back = FeedReplayServer(frames: frames, configuration: again)
        _ = try await back.start()
        let reconnected = try await Self.eventually(service) { $0.feedConnected }
        #expect(reconnected.feedConnected)

        service.stop()
        _ = await running.value
        await back.stop()
    }
}
