import Engine
import Kernel
import Testing

/// The index holds exactly the cycles a brute-force enumeration finds, over random small graphs.
@Suite struct CycleIndexBruteForceTests {
    @Test("random graphs: the index equals the brute force, in total and per pool", arguments: 0..<80 as Range<UInt64>)
    func equalsBruteForce(seed: UInt64) throws {
        let universe = RandomPools(seed: seed)
        let index = try CycleIndex(bases: universe.bases, pools: universe.pools)
        let expected = BruteForceCycles.cycles(pools: universe.pools, bases: universe.bases)
        let addresses = universe.pools.map(\.address)

        expectSameCycles(index.allCycles(addresses), expected)
        #expect(index.cycleCount == expected.count)
        let expectedByPool = cyclesByPool(expected)
        for (pool, cycles) in index.cyclesByPool(addresses) {
            expectSameCycles(cycles, expectedByPool[pool, default: []], "through pool \(pool)")
        }
    }

    @Test("the random graphs reach every rule: 2- and 3-hop cycles, multi-coin pools, cycles through two bases")
    func randomGraphsCoverTheRules() {
        var twoHop = 0, threeHop = 0, multiCoin = 0, twoBases = 0
        for seed in 0..<80 as Range<UInt64> {
            let universe = RandomPools(seed: seed)
            let coins = Dictionary(universe.pools.map { ($0.address, $0.tokens.count) }, uniquingKeysWith: max)
            for cycle in BruteForceCycles.cycles(pools: universe.pools, bases: universe.bases) {
                if cycle.count == 2 { twoHop += 1 } else { threeHop += 1 }
                if cycle.contains(where: { coins[$0.pool, default: 0] > 2 }) { multiCoin += 1 }
                if Set(cycle.map(\.tokenIn)).intersection(universe.bases).count > 1 { twoBases += 1 }
            }
        }
        #expect(twoHop > 100)
        #expect(threeHop > 100)
        #expect(multiCoin > 100)
        #expect(twoBases > 100)
    }
}
