@testable import Host
import Kernel
import Testing

/// `HeadSubscription` against the local chain server: mined blocks and a reorg's new heads
/// arrive, and a connection the server drops is replaced.
@Suite(.timeLimit(.minutes(2))) struct RPCHeadSubscriptionTests {
    /// Waits (polling, up to a generous bound that only guards against a hang) until `condition`.
    static func wait(until condition: () -> Bool) async throws {
        for _ in 0..<600 where !condition() {
            try await Task.sleep(for: .milliseconds(50))
        }
        #expect(condition())
    }

    /// The next `count` heads of `iterator`.
    static func next(_ count: Int, of iterator: inout AsyncStream<BlockHeader>.Iterator) async -> [BlockHeader] {
        var heads: [BlockHeader] = []
        while heads.count < count, let head = await iterator.next() { heads.append(head) }
        return heads
    }

    @Test func minedBlocksAndAReorgsNewHeadsArrive() async throws {
        let chain = try await LocalChain.start(seed: 21)
        defer { chain.stop() }
        let subscription = HeadSubscription(url: chain.ws)
        var heads = subscription.heads().makeAsyncIterator()
        try await Self.wait { subscription.stats.snapshot.subscriptions == 1 }
        let mined = try await chain.mine(3)
        let minedHeads = await Self.next(3, of: &heads)
        #expect(minedHeads.map(\.number) == [chain.startHead + 1, chain.startHead + 2, chain.startHead + 3])
        #expect(minedHeads.last?.hash == mined.hash)
        #expect(zip(minedHeads, minedHeads.dropFirst()).allSatisfy { $1.parentHash == $0.hash })
        let source = RPCChainSource(client: RPCTestSupport.client([chain.http]))
        for head in minedHeads { #expect(try await source.header(head.number) == head) }

        let reorg = try await chain.reorg(depth: 2, newBlocks: 3)
        #expect(reorg.removed == minedHeads.suffix(2).map(\.hash))
        let newHeads = await Self.next(3, of: &heads)
        #expect(newHeads.map(\.number) == reorg.added.map(\.number))
        #expect(newHeads.map(\.hash) == reorg.added.map(\.hash))
        #expect(newHeads.first?.parentHash == minedHeads[0].hash)
        let stats = subscription.stats.snapshot
        #expect(stats.heads == 6)
        #expect(stats.malformed == 0)
        #expect(stats.reconnects == 0)
    }

    @Test func aDroppedConnectionIsReplaced() async throws {
        let chain = try await LocalChain.start(seed: 22)
        defer { chain.stop() }
        // The server closes the first connection when its eth_subscribe arrives.
        try await chain.fault("down", count: 1)
        let subscription = HeadSubscription(url: chain.ws, backoff: .milliseconds(20))
        var heads = subscription.heads().makeAsyncIterator()
        try await Self.wait { subscription.stats.snapshot.subscriptions == 1 }
        let mined = try await chain.mine(2)
        let received = await Self.next(2, of: &heads)
        #expect(received.map(\.number) == [chain.startHead + 1, chain.startHead + 2])
        #expect(received.last?.hash == mined.hash)
        let stats = subscription.stats.snapshot
        #expect(stats.connectionsOpened == 2)
        #expect(stats.reconnects == 1)
    }

    @Test func aRefusedSubscriptionIsRetried() async throws {
        let chain = try await LocalChain.start(seed: 23)
        defer { chain.stop() }
        // The first eth_subscribe is answered with an error object: the connection is replaced.
        try await chain.fault("error", count: 1)
        let subscription = HeadSubscription(url: chain.ws, backoff: .milliseconds(20))
        var heads = subscription.heads().makeAsyncIterator()
        try await Self.wait { subscription.stats.snapshot.subscriptions == 1 }
        try await chain.mine(1)
        #expect(await Self.next(1, of: &heads).map(\.number) == [chain.startHead + 1])
        #expect(subscription.stats.snapshot.reconnects == 1)
    }
}
