/// Whether the service may be trusted to act: what `/ready` answers. It holds what the service
/// observed and the limits it is held to; `reasons` is the rule that turns them into the causes of
/// not being ready (none: ready).
public struct Readiness: Sendable, Equatable {
    /// The limits a ready service stays within.
    public struct Limits: Sendable, Equatable {
        /// The longest time without a feed message, in milliseconds.
        public var maxMessageAgeMillis: UInt64
        /// The most blocks the synced state may be behind the chain head.
        public var maxSyncLag: UInt64

        /// Limits of `maxMessageAgeMillis` and `maxSyncLag`.
        public init(maxMessageAgeMillis: UInt64, maxSyncLag: UInt64) {
            self.maxMessageAgeMillis = maxMessageAgeMillis
            self.maxSyncLag = maxSyncLag
        }
    }

    /// Whether a feed connection is open.
    public var feedConnected: Bool
    /// Milliseconds since the last feed message (nil: none yet).
    public var millisSinceLastMessage: UInt64?
    /// Blocks the state is behind the chain head (nil: not synced yet or head unknown).
    public var syncLag: UInt64?
    /// The last sync step's error, nil when the last step succeeded.
    public var syncError: String?
    /// Whether the engine task is running.
    public var engineRunning: Bool
    /// The limits.
    public var limits: Limits

    /// A readiness from what the service observed.
    public init(feedConnected: Bool, millisSinceLastMessage: UInt64?, syncLag: UInt64?, syncError: String?,
                engineRunning: Bool, limits: Limits) {
        self.feedConnected = feedConnected
        self.millisSinceLastMessage = millisSinceLastMessage
        self.syncLag = syncLag
        self.syncError = syncError
        self.engineRunning = engineRunning
        self.limits = limits
    }

    /// Why the service is not ready, in a fixed order; empty when it is.
    public var reasons: [String] {
        var reasons: [String] = []
        if !feedConnected { reasons.append("feed disconnected") }
        switch millisSinceLastMessage {
        case nil: reasons.append("no feed message yet")
        case let age? where age > limits.maxMessageAgeMillis:
            reasons.append("no feed message for \(age) ms (limit \(limits.maxMessageAgeMillis) ms)")
        default: break
        }
        if let syncError { reasons.append("sync failing: \(syncError)") }
        switch syncLag {
        case nil: reasons.append("state not synced")
        case let lag? where lag > limits.maxSyncLag:
            reasons.append("sync lag \(lag) blocks (limit \(limits.maxSyncLag))")
        default: break
        }
        if !engineRunning { reasons.append("engine not running") }
        return reasons
    }

    /// Whether nothing stands in the way.
    public var isReady: Bool { reasons.isEmpty }
}
