import Kernel

/// One feed message as the engine takes it: its place in the sequence, its time, and the swaps
/// its transactions make, in feed order.
public struct SwapMessage: Sendable {
    /// The feed's sequence number; the message becomes block `sequenceNumber` plus the chain's
    /// offset (`EngineConfiguration.blockNumberOffset`).
    public var sequenceNumber: UInt64
    /// The message's timestamp (seconds), against which deadlines are checked.
    public var timestamp: UInt64
    /// The transactions that make swaps, in feed order (the others change no pool the engine knows).
    public var transactions: [SwapTransaction]

    /// Creates a message.
    public init(sequenceNumber: UInt64, timestamp: UInt64, transactions: [SwapTransaction]) {
        self.sequenceNumber = sequenceNumber
        self.timestamp = timestamp
        self.transactions = transactions
    }
}

/// One transaction's recognised swaps: the legs of every call it makes, in the order they run.
public struct SwapTransaction: Sendable {
    /// The transaction's hash (an opportunity's `trigger`).
    public var hash: Hash32
    /// The legs.
    public var legs: [SwapLeg]
    /// Its aggregator swaps whose route the calldata hides: the pools of their token pair move
    /// by amounts the engine cannot know.
    public var unknownRoutes: [UnknownRoute]

    /// Creates a transaction.
    public init(hash: Hash32, legs: [SwapLeg], unknownRoutes: [UnknownRoute] = []) {
        self.hash = hash
        self.legs = legs
        self.unknownRoutes = unknownRoutes
    }
}
