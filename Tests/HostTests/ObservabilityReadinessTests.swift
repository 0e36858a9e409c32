@testable import Host
import Testing

/// The rule that turns what the service observed into `/ready`'s reasons.
@Suite struct ObservabilityReadinessTests {
    private let limits = Readiness.Limits(maxMessageAgeMillis: 5_000, maxSyncLag: 3)

    private func readiness(connected: Bool = true, age: UInt64? = 100, lag: UInt64? = 0, error: String? = nil, engine: Bool = true) -> Readiness {
        Readiness(feedConnected: connected, millisSinceLastMessage: age, syncLag: lag, syncError: error, engineRunning: engine, limits: limits)
    }

    @Test func readyWithinEveryLimit() {
        #expect(readiness().isReady)
        #expect(readiness(age: 5_000, lag: 3).isReady, "the limits themselves are allowed")
    }

    @Test func eachCauseIsNamed() {
        #expect(readiness(connected: false).reasons == ["feed disconnected"])
        #expect(readiness(age: nil).reasons == ["no feed message yet"])
        #expect(readiness(age: 5_001).reasons == ["no feed message for 5001 ms (limit 5000 ms)"])
        #expect(readiness(lag: nil).reasons == ["state not synced"])
        #expect(readiness(lag: 4).reasons == ["sync lag 4 blocks (limit 3)"])
        #expect(readiness(error: "eth_getLogs: timeout").reasons == ["sync failing: eth_getLogs: timeout"])
        #expect(readiness(engine: false).reasons == ["engine not running"])
    }

    @Test func allCausesInOrder() {
        let everything = readiness(connected: false, age: nil, lag: nil, error: "down", engine: false)
        #expect(!everything.isReady)
        #expect(everything.reasons == ["feed disconnected", "no feed message yet", "sync failing: down", "state not synced", "engine not running"])
    }
}

extension ObservabilityReadinessTests {
    @Test func fromTheServiceSources() {
        let feed = FeedStats()
        var sync = SyncStatus.Reading()
        let unsynced = Readiness(feed: feed.snapshot, millisSinceLastMessage: nil, sync: sync, engineRunning: true, limits: limits)
        #expect(unsynced.reasons == ["feed disconnected", "no feed message yet", "state not synced"])
        feed.connectionsOpen.store(1, ordering: .relaxed)
        sync.syncedBlock = 100
        sync.chainHead = 101
        sync.lastError = "eth_getBlockByNumber: timeout"
        let failing = Readiness(feed: feed.snapshot, millisSinceLastMessage: 3, sync: sync, engineRunning: true, limits: limits)
        #expect(failing.reasons == ["sync failing: eth_getBlockByNumber: timeout"])
        sync.lastError = nil
        #expect(Readiness(feed: feed.snapshot, millisSinceLastMessage: 3, sync: sync, engineRunning: true, limits: limits).isReady)
    }
}
