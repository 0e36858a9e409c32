import Kernel

/// A pool snapshot: the confirmed state of a set of pools at one block.
public struct Snapshot: Sendable {
    /// The block the state is of.
    public var block: UInt64
    /// That block's timestamp, in seconds.
    public var timestamp: UInt64
    /// The L2 base fee at that block, in wei, where known.
    public var l2BaseFee: UInt256?
    /// The L1 price per unit at that block, in wei, where known.
    public var l1PricePerUnit: UInt256?
    /// The pools.
    public var pools: [SnapshotPool]

    /// Creates a snapshot.
    public init(block: UInt64, timestamp: UInt64, l2BaseFee: UInt256? = nil, l1PricePerUnit: UInt256? = nil, pools: [SnapshotPool]) {
        self.block = block
        self.timestamp = timestamp
        self.l2BaseFee = l2BaseFee
        self.l1PricePerUnit = l1PricePerUnit
        self.pools = pools
    }
}

/// One pool of a snapshot.
public struct SnapshotPool: Sendable {
    /// The dex.yaml entry it belongs to.
    public var dex: String
    /// Its state.
    public var pool: any PricingPool
    /// What part of its state is assumed rather than read from the chain, if any.
    public var assumption: String?

    /// Creates a snapshot pool.
    public init(dex: String, pool: any PricingPool, assumption: String? = nil) {
        self.dex = dex
        self.pool = pool
        self.assumption = assumption
    }
}
