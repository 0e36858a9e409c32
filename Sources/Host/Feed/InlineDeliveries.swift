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
}
