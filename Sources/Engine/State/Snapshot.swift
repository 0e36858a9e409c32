import Kernel

/// The confirmed state the engine starts from: every pool's state at one block, and the prices
/// the costs need where the snapshot knows them (else the config's defaults apply).
///
/// Its file form is one JSON document, read and written by `SnapshotCodec`.
public struct Snapshot: Sendable {
    /// The block the pool states are at.
    public var block: UInt64
    /// That block's timestamp, in seconds since the Unix epoch.
    public var timestamp: UInt64
    /// The L2 base fee at `block`, in wei per gas; nil where the snapshot does not know it.
    public var l2BaseFee: UInt256?
    /// The L1 price per unit (ArbGasInfo `getL1BaseFeeEstimate`) at `block`, in wei; nil where
    /// the snapshot does not know it.
    public var l1PricePerUnit: UInt256?
    /// The pools, in file order.
    public var pools: [SnapshotPool]

    /// A snapshot of `pools` at `block`.
    public init(block: UInt64, timestamp: UInt64, l2BaseFee: UInt256? = nil, l1PricePerUnit: UInt256? = nil, pools: [SnapshotPool]) {
        self.block = block
        self.timestamp = timestamp
        self.l2BaseFee = l2BaseFee
        self.l1PricePerUnit = l1PricePerUnit
        self.pools = pools
    }
}

/// One pool of a snapshot: its state, the DEX it belongs to, and what of its state is assumed
/// rather than read from the chain.
public struct SnapshotPool: Sendable {
    /// The dex.yaml entry the pool belongs to (e.g. `sushiswap-v2`); its plugin reads and writes
    /// the pool's entry.
    public var dex: String
    /// The pool's state.
    public var pool: any PricingPool
    /// What part of the state is an assumption and not chain data, in words (e.g. a tick table
    /// made up from the active liquidity); nil where every field is real.
    public var assumption: String?

    /// A pool of `dex`.
    public init(dex: String, pool: any PricingPool, assumption: String? = nil) {
        self.dex = dex
        self.pool = pool
        self.assumption = assumption
    }
}
