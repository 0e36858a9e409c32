/// A monotonic clock in nanoseconds since the process first read it: what the host injects into
/// the engine for its stage timings.
enum MonotonicNanoseconds {
    /// The instant counted from.
    private static let origin = ContinuousClock.now

    /// Nanoseconds since `origin`.
    @Sendable static func now() -> UInt64 {
        (ContinuousClock.now - origin).nanoseconds
    }
}

extension Duration {
    /// The duration in whole nanoseconds, clamped to 0 below and to `UInt64.max` above.
    var nanoseconds: UInt64 {
        let (seconds, attoseconds) = components
        return UInt64(clamping: seconds) &* 1_000_000_000 &+ UInt64(clamping: attoseconds / 1_000_000_000)
    }
}
