/// One WebSocket message as it came off one feed connection, stamped when it was read.
struct ReceivedFrame: Sendable {
    /// The message payload, exactly as received (nitro sends JSON text ending with `\n`).
    var bytes: [UInt8]
    /// When the socket read that completed it arrived (monotonic), for latency measurements: a
    /// frame read together with others waits for their handling, and that wait is in its latency.
    var receivedAt: ContinuousClock.Instant
    /// Wall-clock receive time in nanoseconds since the Unix epoch, for recordings.
    var receivedAtUnixNanos: UInt64
    /// Which configured feed URL delivered it (index into `FeedClientConfiguration.urls`).
    var source: Int
    /// Messages whose feed signature failed the connection's check; the decode loop drops them.
    var badSignatures: [UInt64] = []
}
