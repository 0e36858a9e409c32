import NIOConcurrencyHelpers

/// A token bucket of `perSecond` tokens a second holding at most `perSecond` (one second's
/// burst), kept as one time (the generic cell rate algorithm): the theoretical arrival time of
/// the next token. Taking a token reserves a send time under the lock and sleeps until it
/// outside the lock, so waiters never hold it.
final class RateLimiter: Sendable {
    /// Nanoseconds between tokens.
    private let interval: UInt64
    /// How far the theoretical arrival time may run ahead of now before a caller waits.
    private let tolerance: UInt64
    /// The theoretical arrival time, on the `MonotonicNanoseconds` clock.
    private let arrival: NIOLockedValueBox<UInt64>

    /// A bucket of `perSecond` (at least 1) tokens a second.
    init(perSecond: Int) {
        let rate = UInt64(max(1, perSecond))
        interval = 1_000_000_000 / rate
        tolerance = interval * (rate - 1)
        arrival = NIOLockedValueBox(0)
    }

    /// Takes one token, sleeping until its send time; a cancelled task returns at once (the
    /// caller notices the cancellation in what it does next).
    func take() async {
        let now = MonotonicNanoseconds.now()
        let sendAt = reserve(at: now)
        if sendAt > now { try? await Task.sleep(for: .nanoseconds(sendAt - now)) }
    }

    /// Reserves the next token for a caller arriving at `now` (nanoseconds on the
    /// `MonotonicNanoseconds` clock): the time it may send.
    func reserve(at now: UInt64) -> UInt64 {
        arrival.withLockedValue { arrival in
            let sendAt = max(now, arrival > tolerance ? arrival - tolerance : 0)
            arrival = max(arrival, now) + interval
            return sendAt
        }
    }
}
