@testable import Host
import Kernel
import Testing

/// The hot path's decode kept warm between frames (`InlineDeliveries.keepWarm`): while the feed
/// is idle the last frame is decoded again, and nothing of that reaches the consumer, the
/// sequence tracker or the counters.
@Suite struct FeedWarmUpTests {
    /// The deliveries handed to the consumer.
    final class Deliveries: @unchecked Sendable {
        // @unchecked: touched only from the test's own thread, through the sink's lock.
        var sequenceNumbers: [UInt64] = []

        func handle(_ delivery: FeedDelivery) -> Bool {
            if case .messages(let entries) = delivery.content { sequenceNumbers += entries.map(\.sequenceNumber) }
            return true
        }
    }

    static func frame(_ sequenceNumbers: [UInt64], readAgo: Duration) -> ReceivedFrame {
        ReceivedFrame(bytes: FeedTestFrames.frame(sequenceNumbers: sequenceNumbers), receivedAt: .now - readAgo, receivedAtUnixNanos: 0, source: 0)
    }

    @Test func theLastFrameIsDecodedAgainOnlyWhenIdleAndDeliveredOnce() {
        let stats = FeedStats()
        let deliveries = Deliveries()
        let sink = InlineDeliveries(admission: FeedAdmission(decoder: FeedDecoder(), resumePoint: ResumePoint(next: nil), stats: stats),
                                    handle: deliveries.handle)
        // Nothing read yet: nothing to decode.
        #expect(!sink.keepWarm(idleFor: .milliseconds(1)))
        #expect(sink.accept(Self.frame([10, 11], readAgo: .seconds(1))))
        // Read a second ago: idle for a millisecond, not for an hour.
        #expect(sink.keepWarm(idleFor: .milliseconds(1)))
        #expect(!sink.keepWarm(idleFor: .seconds(3_600)))
        // The warm decodes delivered nothing and tracked nothing: the next frame is new, and a
        // copy of the first is a duplicate only once.
        #expect(sink.accept(Self.frame([12], readAgo: .zero)))
        #expect(sink.accept(Self.frame([10, 11], readAgo: .zero)))
        #expect(deliveries.sequenceNumbers == [10, 11, 12])
        #expect(stats.snapshot.duplicates == 2)
        #expect(stats.snapshot.malformedFrames == 0)
    }

    /// A frame arriving during a warm decode waits for it: a large one is never decoded again.
    @Test func aFrameOverTheLimitIsNotDecodedAgain() {
        let sink = InlineDeliveries(admission: FeedAdmission(decoder: FeedDecoder(), resumePoint: ResumePoint(next: nil), stats: FeedStats()),
                                    handle: { _ in true })
        var large = Self.frame([10], readAgo: .seconds(1))
        large.bytes += [UInt8](repeating: 0x20, count: InlineDeliveries.warmFrameLimit)
        #expect(sink.accept(large))
        #expect(!sink.keepWarm(idleFor: .milliseconds(1)))
        #expect(sink.accept(Self.frame([11], readAgo: .seconds(1))))
        #expect(sink.keepWarm(idleFor: .milliseconds(1)))
    }

    @Test func nothingIsDecodedAfterTheConsumerStops() {
        let sink = InlineDeliveries(admission: FeedAdmission(decoder: FeedDecoder(), resumePoint: ResumePoint(next: nil), stats: FeedStats()),
                                    handle: { _ in false })
        #expect(sink.accept(Self.frame([10], readAgo: .seconds(1))))
        #expect(!sink.keepWarm(idleFor: .milliseconds(1)))
    }
}
