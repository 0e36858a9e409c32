import NIOConcurrencyHelpers

/// The hot path's sink: each frame is admitted (decoded, its duplicates dropped) and its delivery
/// handled on the feed's event loop, in the turn that read it, with no queue and no thread woken
/// between the socket and the engine (ADR 0013). Every connection of a client reads on the same
/// single-threaded loop, so frames are handled one at a time in arrival order; the lock only
/// makes that explicit. While a delivery is handled, later frames wait in the socket.
final class InlineDeliveries: FrameSink, @unchecked Sendable {
    // @unchecked: `admission` and `handle` are touched only under `lock`; `stopped` is itself safe.
    private let lock = NIOLock()
    private var admission: FeedAdmission
    private let handle: (FeedDelivery) -> Bool
    private var handling = true
    /// The last frame accepted, for `keepWarm`; nil after one larger than `warmFrameLimit`.
    private var lastFrame: ReceivedFrame?
    /// The largest frame decoded again to keep warm (real frames are about 5 KiB): a frame that
    /// arrives during a warm decode waits for it, so that decode must stay a few microseconds.
    static let warmFrameLimit = 64 << 10
    /// Resolved when `handle` asks to stop or input ends.
    let stopped = StopSignal()

    /// A sink admitting with `admission` and passing each delivery to `handle`, which returns
    /// false to stop the client (no delivery is handled after that).
    init(admission: FeedAdmission, handle: @escaping (FeedDelivery) -> Bool) {
        self.admission = admission
        self.handle = handle
    }

    func accept(_ frame: ReceivedFrame) -> Bool {
        let goOn = lock.withLock { () -> Bool in
            lastFrame = frame.bytes.count <= Self.warmFrameLimit ? frame : nil
            guard handling else { return false }
            guard let delivery = admission.admit(frame) else { return true }
            handling = handle(delivery)
            return handling
        }
        if !goOn { stopped.signal() }
        return true
    }

    func finish() {
        stopped.signal()
    }

    /// Decodes the last frame again, result thrown away (no delivery, no sequence tracked, no
    /// counter), when none has been read for `interval`. After 10 ms of idle this VM's caches had
    /// lost the decode: 60–80 µs p50 for a frame the warm benchmark decodes in 4–8 µs. A decode
    /// every millisecond of idle (about 5 µs, half a percent of the loop's core) halved it (ADR
    /// 0013). Whether it decoded.
    @discardableResult
    func keepWarm(idleFor interval: Duration) -> Bool {
        lock.withLock {
            guard handling, let lastFrame, ContinuousClock.now - lastFrame.receivedAt >= interval else { return false }
            _ = try? admission.decoder.decode(lastFrame.bytes)
            return true
        }
    }
}
