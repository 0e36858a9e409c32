/// The reconnect schedule: exponential with "equal jitter". Attempt `n` (0 = the first retry)
/// waits a random time in `[c/2, c]`, where `c = min(maximum, initial · 2ⁿ)`.
///
/// The floor of `c/2` keeps a crowd of clients from all retrying at once at zero, the random upper
/// half spreads them; with the defaults the first retry comes after 50–100 ms and no wait exceeds
/// 30 s. The connection resets `n` to 0 after a healthy connection (one that delivered a frame).
struct FeedBackoff: Sendable, Equatable {
    /// The ceiling of the first retry's delay.
    var initial: Duration = .milliseconds(100)
    /// The largest ceiling, reached after a few doublings.
    var maximum: Duration = .seconds(30)

    /// The ceiling `min(maximum, initial · 2^attempt)` (never overflows).
    func ceiling(attempt: Int) -> Duration {
        let cap = Self.nanos(maximum)
        var c = min(Self.nanos(initial), cap)
        var n = max(0, attempt)
        while n > 0, c < cap {
            c = c > cap / 2 ? cap : c * 2
            n -= 1
        }
        return .nanoseconds(c)
    }

    /// The delay before retry `attempt`, given `unit` uniform in `[0, 1)`.
    func delay(attempt: Int, unit: Double) -> Duration {
        let c = Self.nanos(ceiling(attempt: attempt))
        let u = unit.isFinite ? min(max(unit, 0), 1) : 0
        let half = c / 2
        return .nanoseconds(half + Int64((Double(c - half) * u).rounded(.down)))
    }

    /// The delay before retry `attempt`, with a fresh random draw.
    func delay(attempt: Int) -> Duration {
        delay(attempt: attempt, unit: Double.random(in: 0..<1))
    }

    private static func nanos(_ d: Duration) -> Int64 {
        let (seconds, attoseconds) = d.components
        guard seconds >= 0 else { return 0 }
        let (whole, overflow) = seconds.multipliedReportingOverflow(by: 1_000_000_000)
        return overflow ? Int64.max / 2 : whole + attoseconds / 1_000_000_000
    }
}

/// One connection's retry counter over `FeedBackoff`: each failed connection moves one step up
/// the schedule, a healthy one (it delivered at least a frame) starts it again from the bottom.
struct ReconnectSchedule: Sendable {
    /// The schedule followed.
    let backoff: FeedBackoff
    /// The step the next delay is taken from (0 = the first retry).
    private(set) var attempt = 0

    init(backoff: FeedBackoff) {
        self.backoff = backoff
    }

    /// The wait before reconnecting after a connection that was (or was not) healthy, given a
    /// uniform draw `unit` in `[0, 1)`.
    mutating func delay(afterHealthyConnection healthy: Bool, unit: Double = Double.random(in: 0..<1)) -> Duration {
        if healthy { attempt = 0 }
        defer { if attempt < 64 { attempt += 1 } }
        return backoff.delay(attempt: attempt, unit: unit)
    }
}
