import Engine
import Kernel
import Testing

/// The 221 real V2 and V3 pools of August 2024 (a star around WETH with a few USDC pairs): the
/// index of them equals the brute force, per pool, with WETH and with WETH and both USDCs as bases.
@Suite struct RealPoolTopologyTests {
    @Test("the real 221-pool topology: index equals brute force", arguments: [1, 3])
    func equalsBruteForce(baseCount: Int) throws {
        let pools = try RealPoolTopology().specs()
        let usdcs = try ["0xaf88d065e77c8cC2239327C5EDb3A432268e5831", "0xFF970A61A04b1cA14834A43f5dE4533eBDDB5CC8"].map { try Address(hex: $0) }
        let bases = Array((CycleIndex.defaultBases + usdcs).prefix(baseCount))
        let index = try CycleIndex(bases: bases, pools: pools)
        let expected = BruteForceCycles.cycles(pools: pools, bases: bases)
        let addresses = pools.map(\.address)
        #expect(pools.count == 221)
        #expect(index.cycleCount == expected.count)
        let expectedByPool = cyclesByPool(expected)
        for (pool, cycles) in index.cyclesByPool(addresses) {
            expectSameCycles(cycles, expectedByPool[pool, default: []], "through pool \(pool)")
        }
    }
}
