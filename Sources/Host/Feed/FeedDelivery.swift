import Kernel

/// A frame handed to the decode loop, decoded, with what the sequence tracker made of it.
public struct FeedDelivery: Sendable {
    /// The frame as received.
    let frame: ReceivedFrame
    /// What it holds for the decode loop.
    let content: Content
    /// When its decode ended.
    let decodedAt: ContinuousClock.Instant

    /// The decode loop's part of a frame.
    enum Content: Sendable {
        /// Messages never seen before, decoded, in frame order (the frame's duplicates left out; a
        /// frame of nothing but duplicates is not delivered at all). A message Nitro would refuse
        /// keeps its entry with `error` set and no transactions.
        case messages([FeedEntry])
        /// A frame without messages (`{"version":1}`, a confirmed sequence number).
        case noMessages
        /// A frame the decoder rejected (counted in `malformedFrames`).
        case malformed(FeedError)
    }

    /// The sequence numbers delivered, in order.
    public var sequenceNumbers: [UInt64] {
        guard case .messages(let entries) = content else { return [] }
        return entries.map(\.sequenceNumber)
    }
}

/// The decode loop's first step on each frame: decode it with Kernel's `FeedDecoder` (the one
/// parse of the frame), run its sequence numbers through the `SequenceTracker`, and keep the new
/// messages. Single-threaded; owned by the consumer.
struct FeedAdmission {
    /// The frame decoder.
    let decoder: FeedDecoder
    /// The consumer's tracker.
    private(set) var tracker: SequenceTracker
    private let stats: FeedStats

    /// Admission with a tracker publishing to `resumePoint`.
    init(decoder: FeedDecoder, resumePoint: ResumePoint, stats: FeedStats) {
        self.decoder = decoder
        self.tracker = SequenceTracker(resumePoint: resumePoint, stats: stats)
        self.stats = stats
    }

    /// The delivery for `frame`, or nil when every message in it is a duplicate.
    mutating func admit(_ frame: ReceivedFrame) -> FeedDelivery? {
        let decoded: FeedFrame
        do {
            decoded = try decoder.decode(frame.bytes)
        } catch {
            FeedStats.add(stats.malformedFrames)
            return FeedDelivery(frame: frame, content: .malformed(error), decodedAt: .now)
        }
        let decodedAt = ContinuousClock.now
        if !decoded.errors.isEmpty { FeedStats.add(stats.malformedMessages, UInt64(decoded.errors.count)) }
        if decoded.entries.isEmpty { return FeedDelivery(frame: frame, content: .noMessages, decodedAt: decodedAt) }
        var fresh: [FeedEntry] = []
        fresh.reserveCapacity(decoded.entries.count)
        for entry in decoded.entries {
            if frame.badSignatures.contains(entry.sequenceNumber) {
                FeedStats.add(stats.badSignatures)
                continue
            }
            guard tracker.observe(entry.sequenceNumber).isNew else { continue }
            if entry.error != nil { FeedStats.add(stats.malformedMessages) }
            fresh.append(entry)
        }
        return fresh.isEmpty ? nil : FeedDelivery(frame: frame, content: .messages(fresh), decodedAt: decodedAt)
    }
}

/// The decode loop's stream of deliveries from a `FeedClient`: frames from the queue, admitted.
/// Ends when the client stops (after what was queued). Iterate it from one task, once.
public struct FeedDeliveries: AsyncSequence {
    public typealias Element = FeedDelivery
    fileprivate let frames: FrameQueue.Frames
    fileprivate let admission: FeedAdmission

    init(frames: FrameQueue.Frames, admission: FeedAdmission) {
        self.frames = frames
        self.admission = admission
    }

    /// The consumer's iterator; it owns the admission state.
    public struct AsyncIterator: AsyncIteratorProtocol {
        fileprivate var frames: FrameQueue.Frames.Iterator
        fileprivate var admission: FeedAdmission

        /// The next delivery, skipping frames of nothing but duplicates.
        public mutating func next() async -> FeedDelivery? {
            while let frame = await frames.next() {
                if let delivery = admission.admit(frame) { return delivery }
            }
            return nil
        }
    }

    public func makeAsyncIterator() -> AsyncIterator {
        AsyncIterator(frames: frames.makeAsyncIterator(), admission: admission)
    }
}
