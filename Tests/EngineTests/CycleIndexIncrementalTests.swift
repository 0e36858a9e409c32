import Engine
import Kernel
import Testing

/// Pools inserted and removed in random order: after every step the index holds exactly the
/// cycles of the pools present, the cycles and pools that stayed keep their ids and slots, and the
/// end state equals a fresh build of the same pools.
@Suite struct CycleIndexIncrementalTests {
    @Test("random insert/remove sequences equal the brute force at every step and a fresh build at the end", arguments: 0..<20 as Range<UInt64>)
    func sequenceEqualsFreshBuild(seed: UInt64) throws {
        let universe = RandomPools(seed: seed, poolCount: 8...24)
        var rng = SplitMix64(seed: seed ^ 0x5eed)
        var index = CycleIndex(bases: universe.bases)
        var present: [PoolSpec] = []

        for _ in 0..<80 {
            let before = snapshot(index, pools: present)
            let slotsBefore = Dictionary(uniqueKeysWithValues: present.map { ($0.address, index.slot(of: $0.address)) })
            let absent = universe.pools.filter { !present.contains($0) }
            var removed: Address?
            if let pool = absent.randomElement(using: &rng), present.isEmpty || Int.random(in: 0..<5, using: &rng) < 3 {
                try index.insert(pool: pool.address, tokens: pool.tokens)
                present.append(pool)
            } else if let pool = present.randomElement(using: &rng) {
                try index.remove(pool: pool.address)
                present.removeAll { $0 == pool }
                removed = pool.address
            }

            let addresses = present.map(\.address)
            let expected = BruteForceCycles.cycles(pools: present, bases: universe.bases)
            expectSameCycles(index.allCycles(addresses), expected)
            #expect(index.cycleCount == expected.count)
            #expect(index.poolCount == present.count)
            for (id, legs) in before where !legs.contains(where: { $0.pool == removed }) {
                #expect(index.legs(of: id) == legs, "cycle \(id.rawValue) moved")
            }
            for pool in present where pool.address != removed {
                if let slot = slotsBefore[pool.address] {
                    #expect(index.slot(of: pool.address) == slot)
                }
            }
        }

        let fresh = try CycleIndex(bases: universe.bases, pools: present.shuffled(using: &rng))
        let addresses = present.map(\.address)
        let freshByPool = fresh.cyclesByPool(addresses)
        for (pool, cycles) in index.cyclesByPool(addresses) {
            expectSameCycles(cycles, freshByPool[pool, default: []], "through pool \(pool)")
        }
        #expect(index.cycleCount == fresh.cycleCount)
    }

    /// Every cycle id listed under `pools`, with its legs.
    private func snapshot(_ index: CycleIndex, pools: [PoolSpec]) -> [CycleID: [CycleLeg]] {
        var cycles: [CycleID: [CycleLeg]] = [:]
        for pool in pools {
            guard let slot = index.slot(of: pool.address) else { continue }
            for id in index.cycles(through: slot) {
                cycles[id] = index.legs(of: id)
            }
        }
        return cycles
    }
}
