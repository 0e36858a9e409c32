import Engine
import Kernel

/// A pool sync keeps true to the chain: its dex.yaml entry and its confirmed state.
public struct TrackedPool: Sendable {
    /// The entry's name.
    public var dex: String
    /// The state at the synced block.
    public var pool: any PricingPool

    /// The snapshot entry of this pool.
    public var snapshotPool: SnapshotPool { SnapshotPool(dex: dex, pool: pool) }

    /// Its identity for a reload.
    public var id: TrackedPoolID { TrackedPoolID(dex: dex, descriptor: PoolDescriptor(address: pool.address, tokens: pool.tokens)) }
}
