import Atomics

/// A head subscription's counters: relaxed atomic adds from its connection task, read by anyone.
public final class HeadSubscriptionStats: Sendable {
    /// WebSocket handshakes that succeeded.
    let connectionsOpened = ManagedAtomic<UInt64>(0)
    /// Connection attempts after the first.
    let reconnects = ManagedAtomic<UInt64>(0)
    /// `eth_subscribe` requests the node accepted (one a healthy connection).
    let subscriptions = ManagedAtomic<UInt64>(0)
    /// Heads yielded to the stream.
    let heads = ManagedAtomic<UInt64>(0)
    /// Messages skipped as malformed (not JSON, not a head, another subscription's).
    let malformed = ManagedAtomic<UInt64>(0)

    /// Zero counters.
    public init() {}

    /// Adds one to `counter`.
    static func add(_ counter: ManagedAtomic<UInt64>) {
        counter.wrappingIncrement(ordering: .relaxed)
    }

    /// The counters at (nearly) one moment.
    public var snapshot: Snapshot {
        Snapshot(
            connectionsOpened: connectionsOpened.load(ordering: .relaxed),
            reconnects: reconnects.load(ordering: .relaxed),
            subscriptions: subscriptions.load(ordering: .relaxed),
            heads: heads.load(ordering: .relaxed),
            malformed: malformed.load(ordering: .relaxed)
        )
    }

    /// A plain copy of the counters.
    public struct Snapshot: Sendable, Equatable {
        /// WebSocket handshakes that succeeded.
        public var connectionsOpened: UInt64
        /// Connection attempts after the first.
        public var reconnects: UInt64
        /// `eth_subscribe` requests accepted.
        public var subscriptions: UInt64
        /// Heads yielded.
        public var heads: UInt64
        /// Messages skipped as malformed.
        public var malformed: UInt64
    }
}
