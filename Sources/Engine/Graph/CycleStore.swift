/// The cycles in one contiguous array, and for each pool slot the ids of the cycles through it.
///
/// A removed cycle leaves a vacant place that the next cycle added takes, so the ids of the other
/// cycles never change.
@usableFromInline
struct CycleStore: Sendable {
    /// The cycles by id; vacant places hold `Cycle.vacant`.
    @usableFromInline
    var cycles: [Cycle] = []
    /// The ids of the cycles through each pool, by pool slot, in the order they were added.
    @usableFromInline
    var byPool: [[CycleID]] = []
    /// The vacant places, the last freed first.
    private var vacant: [CycleID] = []
    /// The number of cycles stored.
    private(set) var count = 0

    /// Makes room for the lists of pool slots up to `slot`.
    mutating func open(_ slot: PoolSlot) {
        while byPool.count <= slot.index {
            byPool.append([])
        }
    }

    /// Stores `cycle` and lists it under each of its pools.
    mutating func add(_ cycle: Cycle) {
        let id: CycleID
        if let reused = vacant.popLast() {
            id = reused
            cycles[id.index] = cycle
        } else {
            id = CycleID(rawValue: UInt32(cycles.count))
            cycles.append(cycle)
        }
        for hop in cycle {
            byPool[hop.pool.index].append(id)
        }
        count += 1
    }

    /// Removes every cycle through `slot`, from the storage and from the lists of its other pools.
    mutating func removeCycles(through slot: PoolSlot) {
        let doomed = byPool[slot.index]
        byPool[slot.index] = []
        var others = Set<PoolSlot>()
        for id in doomed {
            for hop in cycles[id.index] where hop.pool != slot {
                others.insert(hop.pool)
            }
            cycles[id.index] = .vacant
            vacant.append(id)
        }
        count -= doomed.count
        let cycles = self.cycles
        for other in others {
            byPool[other.index].removeAll { cycles[$0.index].isEmpty }
        }
    }
}
