/// Where the feed's connections hand each complete message, on the feed's event loop: the
/// `FrameQueue` of an awaiting consumer (`FeedClient.deliveries()`), or `InlineDeliveries`,
/// which runs the consumer right there (the hot path; ADR 0013).
protocol FrameSink: Sendable {
    /// Takes `frame`; false when it cannot (the connection then ends, and its reconnect asks
    /// again from the resume point).
    func accept(_ frame: ReceivedFrame) -> Bool
    /// No frame will come again.
    func finish()
    /// Called on the feed's event loop every `interval` (`FeedClientConfiguration.warmInterval`):
    /// a sink that decodes on the loop runs its decode again while no frame has come for that
    /// long, so that the next frame finds it in the caches. Whether it decoded.
    @discardableResult
    func keepWarm(idleFor interval: Duration) -> Bool
}

extension FrameQueue: FrameSink {
    func accept(_ frame: ReceivedFrame) -> Bool { push(frame) }
    /// Nothing to keep warm: the awaiting consumer decodes elsewhere.
    func keepWarm(idleFor interval: Duration) -> Bool { false }
}
