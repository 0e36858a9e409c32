import Synchronization

/// When a `FeedReplayServer` sent each frame: the instant its flush to the socket returned, by the
/// newest sequence number the frame carries (the first send only: a resend after a reconnect is
/// not the frame's latency). Lets `replay` measure frame sent to decision over real loopback.
public final class FrameSendLog: Sendable {
    private let sent = Mutex<[UInt64: ContinuousClock.Instant]>([:])

    /// An empty log.
    public init() {}

    /// Notes that the frame carrying `sequenceNumber` left at `instant`, unless it left before.
    func record(_ sequenceNumber: UInt64, at instant: ContinuousClock.Instant) {
        sent.withLock { sent in
            if sent[sequenceNumber] == nil { sent[sequenceNumber] = instant }
        }
    }

    /// When the frame carrying `sequenceNumber` as its newest message was sent; nil if it was not.
    public func sentAt(_ sequenceNumber: UInt64) -> ContinuousClock.Instant? {
        sent.withLock { $0[sequenceNumber] }
    }
}
