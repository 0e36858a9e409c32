@testable import Host
import Kernel
import Testing

/// `HeadSignal.signals` over a real `HeadSubscription` to the local chain: mined heads arrive
/// as `.head`, a silent subscription gives `.poll`, and sync following the signals reaches the
/// chain's head.
@Suite(.timeLimit(.minutes(2))) struct HeadSignalTests {
    @Test func headsArriveAndSilenceTurnsIntoPolls() async throws {
        let chain = try await LocalChain.start(seed: 31)
        defer { chain.stop() }
        let subscription = HeadSubscription(url: chain.ws)
        var signals = HeadSignal.signals(from: subscription.heads(), fallback: .milliseconds(200)).makeAsyncIterator()
        try await RPCHeadSubscriptionTests.wait { subscription.stats.snapshot.subscriptions == 1 }
        try await chain.mine(1)
        // Polls may come before the head (the subscription was silent while it connected).
        var received: [HeadSignal] = []
        while let signal = await signals.next() {
            received.append(signal)
            if signal == .head(chain.startHead + 1) { break }
        }
        #expect(received.last == .head(chain.startHead + 1))
        // Nothing mined: the next signal is a poll.
        #expect(await signals.next() == .poll)
    }

    @Test func syncFollowingSignalsReachesTheHead() async throws {
        let world = try await SyncTestWorld.start(seed: 32)
        defer { world.chain.stop() }
        _ = try await world.sync.bootstrap(world.config.poolCandidates)
        let signals = HeadSignal.signals(from: HeadSubscription(url: world.chain.ws).heads(), fallback: .seconds(1))
        let following = Task { await world.sync.follow(heads: signals) { _ in } }
        defer { following.cancel() }
        let mined = try await world.chain.mine(5)
        try await RPCHeadSubscriptionTests.wait { world.sync.status.current.syncedBlock == mined.number }
        #expect(world.sync.status.current.lastError == nil)
    }
}
