import Engine
import Kernel

/// What sync hands the engine after each step, by message: the block it has synced to and the
/// states that block range changed (the hot path never reads sync's own state).
public struct SyncUpdate: Sendable {
    /// The block synced to.
    public var header: BlockHeader
    /// Pools whose state changed (logs, reloads, a rewind), or that joined, at their new states.
    public var pools: [SnapshotPool]
    /// Pools no longer followed (a reload failed, a rewind undid their discovery).
    public var removed: [Address]
    /// How many blocks a reorg undid before this update (0: none).
    public var rewoundBlocks: UInt64
}

extension Engine {
    /// Installs a sync update: new pools joined, then the block confirmed with the changed states.
    /// Removed pools are left as they were (the engine has no removal yet; the update's pools keep
    /// the held ones true).
    public mutating func absorb(_ update: SyncUpdate) {
        var changed: [any PricingPool] = []
        for entry in update.pools {
            if pendingPool(entry.pool.address) == nil {
                try? insert(entry)
            } else {
                changed.append(entry.pool)
            }
        }
        confirm(block: update.header.number, timestamp: update.header.timestamp, pools: changed)
    }
}
