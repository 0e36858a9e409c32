import Engine
import Kernel

/// A pool sync keeps true to the chain: its dex.yaml entry and its confirmed state.
struct TrackedPool: Sendable {
    /// The entry's name.
    var dex: String
    /// The state at the synced block.
    var pool: any PricingPool

    /// The snapshot entry of this pool.
    var snapshotPool: SnapshotPool { SnapshotPool(dex: dex, pool: pool) }

    /// Its identity for a reload.
    var id: TrackedPoolID { TrackedPoolID(dex: dex, descriptor: PoolDescriptor(address: pool.address, tokens: pool.tokens)) }
}
