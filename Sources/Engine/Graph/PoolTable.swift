import Kernel

/// The pools of a `CycleIndex` by slot and by address; a removed pool's slot is reused first.
struct PoolTable: Sendable {
    /// A pool: its address and its coins' token numbers in index order.
    struct Entry: Sendable {
        /// The pool's address.
        let address: Address
        /// Its coins, in the pool's own order.
        let tokens: [TokenID]
    }

    /// The pools by slot; nil for a vacant slot.
    private(set) var entries: [Entry?] = []
    /// The slots by pool address.
    private(set) var slots: [Address: PoolSlot] = [:]
    private var vacant: [PoolSlot] = []

    /// Files `entry` under a free slot and returns the slot.
    mutating func add(_ entry: Entry) -> PoolSlot {
        let slot: PoolSlot
        if let reused = vacant.popLast() {
            slot = reused
            entries[slot.index] = entry
        } else {
            slot = PoolSlot(rawValue: UInt32(entries.count))
            entries.append(entry)
        }
        slots[entry.address] = slot
        return slot
    }

    /// Removes the pool in `slot` and returns it.
    mutating func remove(_ slot: PoolSlot) -> Entry? {
        guard let entry = entries[slot.index] else { return nil }
        entries[slot.index] = nil
        slots[entry.address] = nil
        vacant.append(slot)
        return entry
    }
}
