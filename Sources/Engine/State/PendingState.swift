import Kernel

/// The pools' states as the feed leaves them: the confirmed states of the last block, under a
/// copy-on-write overlay of the pools the feed's swaps have changed since.
///
/// Reading a pool looks in the overlay first; committing a transaction's changes writes only
/// the overlay, so the confirmed states are shared, never copied. `rebase` replaces the
/// confirmed states and empties the overlay (the engine then re-applies the swaps still pending).
struct PendingState {
    /// The confirmed states by slot index; nil for a vacant slot.
    private(set) var confirmed: [(any PricingPool)?] = []
    /// The pending states that differ from the confirmed ones.
    private(set) var overlay: [PoolSlot: any PricingPool] = [:]
    /// The marginal rates of the pending states.
    private(set) var rates = SpotRates()
    /// Counts every change of the pending state: commits, rebases and pool changes.
    private(set) var version: UInt64 = 0

    /// The pending state of the pool in `slot`.
    func pool(_ slot: PoolSlot) -> (any PricingPool)? {
        if let pending = overlay[slot] { return pending }
        return slot.index < confirmed.count ? confirmed[slot.index] : nil
    }

    /// Sets the confirmed state of `slot` (nil to empty it), dropping its pending change.
    mutating func setConfirmed(_ pool: (any PricingPool)?, at slot: PoolSlot) {
        while confirmed.count <= slot.index { confirmed.append(nil) }
        confirmed[slot.index] = pool
        overlay[slot] = nil
        if let pool {
            rates.open(slot, coins: pool.tokens.count)
            rates.refresh(slot, from: pool)
        }
        version &+= 1
    }

    /// Makes `changes` (a transaction's pools after it) pending.
    mutating func commit(_ changes: [PoolSlot: any PricingPool]) {
        guard !changes.isEmpty else { return }
        for (slot, pool) in changes {
            overlay[slot] = pool
            rates.refresh(slot, from: pool)
        }
        version &+= 1
    }

    /// Drops every pending change: the state is the confirmed one again.
    mutating func dropOverlay() {
        for slot in overlay.keys {
            if let pool = confirmed[slot.index] { rates.refresh(slot, from: pool) }
        }
        overlay.removeAll(keepingCapacity: true)
        version &+= 1
    }
}
