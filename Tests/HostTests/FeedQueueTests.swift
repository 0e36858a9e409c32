@testable import Host
import Testing

/// The hand-over queue: bounded, never blocks a producer, drops the newest when full.
@Suite struct FeedQueueTests {
    @Test func dropsTheNewestWhenFullAndCountsIt() async {
        let stats = FeedStats()
        let queue = FrameQueue(capacity: 4, stats: stats)
        var accepted: [Bool] = []
        for i in 0..<7 {
            accepted.append(queue.push(ReceivedFrame(bytes: [UInt8(i)], receivedAt: .now, receivedAtUnixNanos: 0, source: i)))
        }
        #expect(accepted == [true, true, true, true, false, false, false])
        #expect(stats.snapshot.framesDroppedByQueue == 3)
        queue.finish()
        var kept: [Int] = []
        for await frame in queue.frames { kept.append(frame.source) }
        #expect(kept == [0, 1, 2, 3])
    }

    @Test func acceptsAgainOnceDrained() async {
        let stats = FeedStats()
        let queue = FrameQueue(capacity: 2, stats: stats)
        var iterator = queue.frames.makeAsyncIterator()
        let frame = ReceivedFrame(bytes: [], receivedAt: .now, receivedAtUnixNanos: 0, source: 0)
        #expect(queue.push(frame) && queue.push(frame))
        #expect(!queue.push(frame))
        _ = await iterator.next()
        #expect(queue.push(frame))
        #expect(stats.snapshot.framesDroppedByQueue == 1)
    }
}
