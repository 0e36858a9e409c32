/// Where the feed's connections hand each complete message, on the feed's event loop: the
/// `FrameQueue` of an awaiting consumer (`FeedClient.deliveries()`), or `InlineDeliveries`,
/// which runs the consumer right there (the hot path; ADR 0013).
protocol FrameSink: Sendable {
    /// Takes `frame`; false when it cannot (the connection then ends, and its reconnect asks
    /// again from the resume point).
    func accept(_ frame: ReceivedFrame) -> Bool
    /// No frame will come again.
    func finish()
}

extension FrameQueue: FrameSink {
    func accept(_ frame: ReceivedFrame) -> Bool { push(frame) }
}
