import Atomics

/// The feed transport's counters, shared by the connection tasks (writers of the network-side
/// counters), the decode loop (writer of the sequence-side counters) and readers (tests, and later
/// the Prometheus bridge through swift-metrics). Every update is one relaxed atomic add: nothing
/// here ever waits.
public final class FeedStats: Sendable {
    /// Frames read off any connection (before the queue, duplicates included).
    let framesReceived = ManagedAtomic<UInt64>(0)
    /// Payload bytes of those frames.
    let bytesReceived = ManagedAtomic<UInt64>(0)
    /// Frames the bounded queue refused because it was full (the newest is dropped).
    let framesDroppedByQueue = ManagedAtomic<UInt64>(0)
    /// Frames the decoder rejected.
    let malformedFrames = ManagedAtomic<UInt64>(0)
    /// Messages the decoder could not read or that Nitro would refuse (their frame's others go on).
    let malformedMessages = ManagedAtomic<UInt64>(0)
    /// Messages dropped because their feed signature did not verify.
    let badSignatures = ManagedAtomic<UInt64>(0)
    /// Messages whose sequence number had been seen already (dropped).
    let duplicates = ManagedAtomic<UInt64>(0)
    /// Gap events: times a message arrived ahead of the next expected sequence number.
    let gapEvents = ManagedAtomic<UInt64>(0)
    /// Sequence numbers skipped over by those gaps (counted when skipped, even if they arrive later).
    let missingMessages = ManagedAtomic<UInt64>(0)
    /// Messages older than the newest seen that filled a gap (delivered).
    let outOfOrder = ManagedAtomic<UInt64>(0)
    /// Messages delivered to the decode loop as new (in order, after a gap, or out of order).
    let messagesDelivered = ManagedAtomic<UInt64>(0)
    /// Connection attempts after each URL's first one.
    let reconnects = ManagedAtomic<UInt64>(0)
    /// WebSocket handshakes that succeeded.
    let connectionsOpened = ManagedAtomic<UInt64>(0)
    /// Connections open right now (a gauge).
    let connectionsOpen = ManagedAtomic<Int>(0)

    public init() {}

    /// Adds `n` to `counter` (relaxed; counters are independent).
    @inline(__always)
    static func add(_ counter: ManagedAtomic<UInt64>, _ n: UInt64 = 1) {
        counter.wrappingIncrement(by: n, ordering: .relaxed)
    }

    /// All counters read at (nearly) one moment.
    public var snapshot: Snapshot {
        Snapshot(
            framesReceived: framesReceived.load(ordering: .relaxed),
            bytesReceived: bytesReceived.load(ordering: .relaxed),
            framesDroppedByQueue: framesDroppedByQueue.load(ordering: .relaxed),
            malformedFrames: malformedFrames.load(ordering: .relaxed),
            malformedMessages: malformedMessages.load(ordering: .relaxed),
            badSignatures: badSignatures.load(ordering: .relaxed),
            duplicates: duplicates.load(ordering: .relaxed),
            gapEvents: gapEvents.load(ordering: .relaxed),
            missingMessages: missingMessages.load(ordering: .relaxed),
            outOfOrder: outOfOrder.load(ordering: .relaxed),
            messagesDelivered: messagesDelivered.load(ordering: .relaxed),
            reconnects: reconnects.load(ordering: .relaxed),
            connectionsOpened: connectionsOpened.load(ordering: .relaxed),
            connectionsOpen: connectionsOpen.load(ordering: .relaxed)
        )
    }

    /// A plain copy of the counters.
    public struct Snapshot: Sendable, Equatable {
        var framesReceived: UInt64
        var bytesReceived: UInt64
        public var framesDroppedByQueue: UInt64
        var malformedFrames: UInt64
        var malformedMessages: UInt64
        var badSignatures: UInt64
        var duplicates: UInt64
        var gapEvents: UInt64
        var missingMessages: UInt64
        var outOfOrder: UInt64
        public var messagesDelivered: UInt64
        var reconnects: UInt64
        var connectionsOpened: UInt64
        var connectionsOpen: Int

        /// `{"framesReceived":…,…}` in declaration order.
        var json: JSONLine {
            var line = JSONLine()
            line.number("framesReceived", framesReceived)
            line.number("bytesReceived", bytesReceived)
            line.number("framesDroppedByQueue", framesDroppedByQueue)
            line.number("malformedFrames", malformedFrames)
            line.number("malformedMessages", malformedMessages)
            line.number("badSignatures", badSignatures)
            line.number("duplicates", duplicates)
            line.number("gapEvents", gapEvents)
            line.number("missingMessages", missingMessages)
            line.number("outOfOrder", outOfOrder)
            line.number("messagesDelivered", messagesDelivered)
            line.number("reconnects", reconnects)
            line.number("connectionsOpened", connectionsOpened)
            line.number("connectionsOpen", connectionsOpen)
            return line
        }
    }
}
