@testable import Host
import Kernel
import NIOConcurrencyHelpers
import NIOPosix
import Testing

/// The feed client against the local replay server over loopback: forced disconnects, garbage,
/// two redundant feeds.
@Suite(.serialized) struct FeedEndToEndTests {
    @Test(.timeLimit(.minutes(2)))
    func everyMessageExactlyOnceThroughDropsAndGarbage() async throws {
        let (frames, expected) = FeedTestFrames.recording(first: 70_000_000, frames: 3000)
        var serverConfiguration = FeedReplayServer.Configuration()
        serverConfiguration.pacing = .interval(.microseconds(300))
        let server = FeedReplayServer(frames: frames, configuration: serverConfiguration)
        try await server.start()
        var configuration = FeedClientConfiguration(urls: [server.url])
        configuration.idleTimeout = .seconds(120)
        let client = FeedClient(configuration: configuration, decoder: FeedDecoder(), logger: quietLogger)
        let collector = DeliveryCollector()
        let network = Task { await client.run() }
        let decodeLoop = Task { for await delivery in client.deliveries() { collector.add(delivery) } }

        for round in 1...3 {
            try await waitUntil("\(round)/5 of the messages") { collector.count >= round * expected.count / 5 }
            let accepted = server.acceptedConnections
            await server.dropAllConnections()
            try await waitUntil("reconnect \(round)") {
                server.acceptedConnections > accepted && server.openConnections == 1 && client.stats.snapshot.connectionsOpen == 1
            }
            if round == 2 { await server.sendGarbage("this is not a feed frame") }
        }
        try await waitUntil("every message") { collector.count >= expected.count && collector.malformed >= 1 }

        #expect(collector.sequenceNumbers == expected)
        let stats = client.stats.snapshot
        #expect(stats.gapEvents == 0 && stats.missingMessages == 0)
        #expect(stats.outOfOrder == 0)
        #expect(stats.malformedFrames == 1)
        #expect(stats.reconnects >= 3)
        #expect(stats.framesDroppedByQueue == 0)
        #expect(stats.messagesDelivered == UInt64(expected.count))
        #expect(stats.connectionsOpen == 1)
        #expect(server.openConnections == 1)
        // Every reconnect asked to resume, from further on each time.
        let requested = server.requestedSequenceNumbers
        #expect(requested.count >= 4)
        #expect(requested.first == .some(nil))
        let resumed = requested.dropFirst().compactMap { $0 }
        #expect(resumed.count == requested.count - 1)
        #expect(resumed == resumed.sorted())

        network.cancel()
        await network.value
        await decodeLoop.value
        #expect(client.stats.snapshot.connectionsOpen == 0)
        await server.stop()
    }

    /// A queue far too small for a fast server and a slow decode loop: the frames it drops are
    /// fetched again by reconnecting, so every message still arrives exactly once, in order.
    @Test(.timeLimit(.minutes(2)))
    func framesAFullQueueDropsAreFetchedAgain() async throws {
        let (frames, expected) = FeedTestFrames.recording(first: 5_000, frames: 600)
        let server = FeedReplayServer(frames: frames)
        try await server.start()
        var configuration = FeedClientConfiguration(urls: [server.url])
        configuration.queueCapacity = 16
        let client = FeedClient(configuration: configuration, decoder: FeedDecoder(), logger: quietLogger)
        let collector = DeliveryCollector()
        let network = Task { await client.run() }
        let decodeLoop = Task {
            for await delivery in client.deliveries() {
                collector.add(delivery)
                try? await Task.sleep(for: .microseconds(200))  // a decode loop slower than the socket
            }
        }
        try await waitUntil("every message") { collector.count >= expected.count }
        #expect(collector.sequenceNumbers == expected)
        let stats = client.stats.snapshot
        #expect(stats.framesDroppedByQueue > 0)
        #expect(stats.reconnects > 0)
        #expect(stats.outOfOrder == 0)
        network.cancel()
        await network.value
        await decodeLoop.value
        await server.stop()
    }

    @Test(.timeLimit(.minutes(2)))
    func twoFeedsFirstSeenWinsWithoutDuplicates() async throws {
        let (frames, expected) = FeedTestFrames.recording(first: 1_000, frames: 1200)
        // Feed A has only the first half; feed B has everything but starts later.
        let half = frames.count / 2
        let firstHalf = try frames[..<half].flatMap { frame in try FeedDecoder().decode(frame.bytes).entries.map { $0.sequenceNumber } }
        let serverA = FeedReplayServer(frames: Array(frames[..<half]))
        var laterConfiguration = FeedReplayServer.Configuration()
        laterConfiguration.startPaused = true
        let serverB = FeedReplayServer(frames: frames, configuration: laterConfiguration)
        try await serverA.start()
        try await serverB.start()
        var configuration = FeedClientConfiguration(urls: [serverA.url, serverB.url])
        configuration.idleTimeout = .seconds(120)
        let client = FeedClient(configuration: configuration, decoder: FeedDecoder(), logger: quietLogger)
        let collector = DeliveryCollector()
        let network = Task { await client.run() }
        let decodeLoop = Task { for await delivery in client.deliveries() { collector.add(delivery) } }

        try await waitUntil("feed A's messages") { collector.count >= firstHalf.count && serverB.openConnections == 1 }
        serverB.release()
        try await waitUntil("every message") { collector.count >= expected.count }

        let delivered = collector.sequenceNumbers
        let sources = collector.sources
        #expect(delivered == expected)
        #expect(Set(delivered).count == delivered.count)
        #expect(zip(delivered, sources).filter { $0.1 == 0 }.map(\.0) == firstHalf)
        #expect(zip(delivered, sources).filter { $0.1 == 1 }.map(\.0) == Array(expected[firstHalf.count...]))
        let stats = client.stats.snapshot
        #expect(stats.messagesDelivered == UInt64(expected.count))
        #expect(stats.duplicates <= UInt64(firstHalf.count))
        #expect(stats.gapEvents == 0 && stats.missingMessages == 0)
        #expect(stats.connectionsOpen == 2)

        network.cancel()
        await network.value
        await decodeLoop.value
        await serverA.stop()
        await serverB.stop()
    }

    @Test(.timeLimit(.minutes(1)))
    func aSilentConnectionIsDroppedAndReopened() async throws {
        var silent = FeedReplayServer.Configuration()
        silent.startPaused = true  // accepts, then never sends
        let server = FeedReplayServer(frames: [], configuration: silent)
        try await server.start()
        var configuration = FeedClientConfiguration(urls: [server.url])
        configuration.idleTimeout = .milliseconds(200)
        let client = FeedClient(configuration: configuration, decoder: FeedDecoder(), logger: quietLogger)
        let network = Task { await client.run() }
        try await waitUntil("two reconnects after silence") { server.acceptedConnections >= 3 }
        #expect(client.stats.snapshot.reconnects >= 2)
        #expect(client.stats.snapshot.framesReceived == 0)
        network.cancel()
        await network.value
        await server.stop()
    }

    /// The hot path's way: every delivery handled on the feed's event loop thread, in order, with
    /// drops and reconnects; the handler's `false` stops the client, and nothing is handled after.
    @Test(.timeLimit(.minutes(2)))
    func inlineHandlingRunsOnTheEventLoopAndStopsWhenAsked() async throws {
        // 400 frames 2 ms apart, slower than the client handles them (so the drop finds no frame
        // sent and unread): the drop at a quarter and the reconnect (its backoff is at most
        // 100 ms) come well before the stop at three quarters.
        let (frames, expected) = FeedTestFrames.recording(first: 90_000, frames: 400)
        var serverConfiguration = FeedReplayServer.Configuration()
        serverConfiguration.pacing = .interval(.milliseconds(2))
        let server = FeedReplayServer(frames: frames, configuration: serverConfiguration)
        try await server.start()
        let client = FeedClient(configuration: FeedClientConfiguration(urls: [server.url]), decoder: FeedDecoder(), logger: quietLogger)
        let collector = DeliveryCollector()
        let offLoop = NIOLockedValueBox(0)
        let stopAt = expected[expected.count * 3 / 4]
        let dropper = Task {
            try await waitUntil("a quarter of the messages") { collector.count >= expected.count / 4 }
            await server.dropAllConnections()
        }
        let lastHandled = NIOLockedValueBox<[UInt64]>([])
        await client.run { delivery in
            if MultiThreadedEventLoopGroup.currentEventLoop == nil { offLoop.withLockedValue { $0 += 1 } }
            collector.add(delivery)
            lastHandled.withLockedValue { $0 = delivery.sequenceNumbers }
            return !delivery.sequenceNumbers.contains(stopAt)
        }
        try await dropper.value
        let handled = collector.sequenceNumbers
        #expect(offLoop.withLockedValue { $0 } == 0)
        #expect(lastHandled.withLockedValue { $0 }.contains(stopAt))
        #expect(handled == Array(expected.prefix(handled.count)))
        #expect(client.stats.snapshot.reconnects >= 1)
        try await Task.sleep(for: .milliseconds(50))
        #expect(collector.sequenceNumbers == handled)
        #expect(client.stats.snapshot.connectionsOpen == 0)
        await server.stop()
    }

    /// `stop()` from elsewhere ends an inline run that would otherwise go on.
    @Test(.timeLimit(.minutes(1)))
    func stopEndsAnInlineRun() async throws {
        let (frames, expected) = FeedTestFrames.recording(first: 7, frames: 20)
        let server = FeedReplayServer(frames: frames)
        try await server.start()
        let client = FeedClient(configuration: FeedClientConfiguration(urls: [server.url]), decoder: FeedDecoder(), logger: quietLogger)
        let collector = DeliveryCollector()
        let stopper = Task {
            try await waitUntil("every message") { collector.count == expected.count }
            client.stop()
        }
        await client.run { delivery in
            collector.add(delivery)
            return true
        }
        try await stopper.value
        #expect(collector.sequenceNumbers == expected)
        await server.stop()
    }

    @Test func handshakeAsksForTheNextSequenceNumberOnceKnown() {
        let resume = ResumePoint()
        func header(_ name: String) -> String? {
            FeedConnection.handshakeHeaders(resumingAt: resume.next).first { $0.0 == name }?.1
        }
        #expect(header(FeedConnection.clientVersionHeader) == "2")
        #expect(header(FeedConnection.requestedSequenceNumberHeader) == nil)
        resume.advance(past: 41)
        #expect(header(FeedConnection.requestedSequenceNumberHeader) == "42")
    }
}
