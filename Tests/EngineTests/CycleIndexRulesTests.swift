import Engine
import Kernel
import Testing

/// The rules of the index on hand-made graphs: which cycles count, where they start, what a hop
/// records, how refused input leaves the index, and the storage layout the screening relies on.
@Suite struct CycleIndexRulesTests {
    let weth = CycleIndex.defaultBases[0]
    let usdc = testAddress(0xa1), usdt = testAddress(0xa2), dai = testAddress(0xa3), token = testAddress(0xa4)

    /// The legs of `pool` from coin `from` to coin `to`, the pool's coins being `tokens`.
    func leg(_ pool: UInt64, _ tokens: [Address], _ from: Int, _ to: Int) -> CycleLeg {
        CycleLeg(pool: testAddress(pool), tokenIn: tokens[from], tokenOut: tokens[to], from: from, to: to)
    }

    @Test("the default base is Arbitrum's WETH, and a repeated base keeps its first place")
    func bases() throws {
        #expect(CycleIndex.defaultBases == [try Address(hex: "0x82aF49447D8a07e3bd95BD0d56f35241523fBab1")])
        #expect(CycleIndex().bases == CycleIndex.defaultBases)
        #expect(CycleIndex(bases: [usdc, weth, usdc]).bases == [usdc, weth])
    }

    @Test("a 2-hop cycle needs two pools on the pair, and comes in both directions")
    func twoHopCycles() throws {
        var index = CycleIndex()
        let pair = [weth, token]
        try index.insert(pool: testAddress(1), tokens: pair)
        #expect(index.cycleCount == 0)
        try index.insert(pool: testAddress(2), tokens: [token, weth])
        #expect(index.allCycles([testAddress(1)]) == [
            [leg(1, pair, 0, 1), leg(2, [token, weth], 0, 1)],
            [leg(2, [token, weth], 1, 0), leg(1, pair, 1, 0)],
        ])
    }

    @Test("a triangle gives two 3-hop cycles, both starting at the base")
    func triangle() throws {
        let pools = [PoolSpec(address: testAddress(1), tokens: [weth, usdc]),
                     PoolSpec(address: testAddress(2), tokens: [usdc, token]),
                     PoolSpec(address: testAddress(3), tokens: [token, weth])]
        let index = try CycleIndex(bases: [weth], pools: pools)
        #expect(index.allCycles(pools.map(\.address)) == [
            [leg(1, [weth, usdc], 0, 1), leg(2, [usdc, token], 0, 1), leg(3, [token, weth], 0, 1)],
            [leg(3, [token, weth], 1, 0), leg(2, [usdc, token], 1, 0), leg(1, [weth, usdc], 1, 0)],
        ])
    }

    @Test("a cycle through two bases is listed once, from the base listed first", arguments: [true, false])
    func twoBases(wethFirst: Bool) throws {
        let bases = wethFirst ? [weth, usdc] : [usdc, weth]
        let pools = [PoolSpec(address: testAddress(1), tokens: [weth, usdc]),
                     PoolSpec(address: testAddress(2), tokens: [usdc, token]),
                     PoolSpec(address: testAddress(3), tokens: [token, weth]),
                     PoolSpec(address: testAddress(4), tokens: [usdc, weth])]
        let index = try CycleIndex(bases: bases, pools: pools)
        let cycles = index.allCycles(pools.map(\.address))
        // 2 triangles (one per direction) x 2 pools on WETH/USDC, and the 2 two-hop cycles.
        #expect(cycles.count == 6)
        #expect(index.cycleCount == 6)
        #expect(cycles.allSatisfy { $0[0].tokenIn == bases[0] })
    }

    @Test("a Curve pool gives a hop for every ordered pair of its coins, with their indexes")
    func multiCoinPool() throws {
        let coins = [usdc, usdt, dai]
        let pools = [PoolSpec(address: testAddress(1), tokens: coins),
                     PoolSpec(address: testAddress(2), tokens: [weth, usdc]),
                     PoolSpec(address: testAddress(3), tokens: [weth, dai])]
        let index = try CycleIndex(bases: [weth], pools: pools)
        #expect(index.allCycles(pools.map(\.address)) == [
            [leg(2, [weth, usdc], 0, 1), leg(1, coins, 0, 2), leg(3, [weth, dai], 1, 0)],
            [leg(3, [weth, dai], 0, 1), leg(1, coins, 2, 0), leg(2, [weth, usdc], 1, 0)],
        ])
    }

    @Test("no pool is used twice: a 3-coin pool holding the base closes no cycle alone")
    func noPoolTwice() throws {
        var index = CycleIndex()
        try index.insert(pool: testAddress(1), tokens: [weth, usdc, usdt])
        #expect(index.cycleCount == 0)
        try index.insert(pool: testAddress(2), tokens: [usdc, usdt])
        // WETH -> USDC -> USDT -> WETH through pools 1, 2, 1 would use pool 1 twice.
        #expect(index.cycleCount == 0)
    }

    @Test("refused pools leave the index as it was")
    func refusals() throws {
        var index = CycleIndex()
        try index.insert(pool: testAddress(1), tokens: [weth, usdc])
        try index.insert(pool: testAddress(2), tokens: [weth, usdc])
        let nine = (0..<9).map { testAddress(0x100 + $0) }
        #expect(throws: CycleIndexError.duplicatePool(testAddress(1))) {
            try index.insert(pool: testAddress(1), tokens: [weth, usdt])
        }
        #expect(throws: CycleIndexError.coinCount(pool: testAddress(3), count: 1)) {
            try index.insert(pool: testAddress(3), tokens: [weth])
        }
        #expect(throws: CycleIndexError.coinCount(pool: testAddress(3), count: 9)) {
            try index.insert(pool: testAddress(3), tokens: nine)
        }
        #expect(throws: CycleIndexError.repeatedToken(pool: testAddress(3), token: usdc)) {
            try index.insert(pool: testAddress(3), tokens: [usdc, weth, usdc])
        }
        #expect(throws: CycleIndexError.unknownPool(testAddress(3))) {
            try index.remove(pool: testAddress(3))
        }
        #expect(index.poolCount == 2)
        #expect(index.cycleCount == 2)
        #expect(index.slot(of: testAddress(3)) == nil)
    }

    @Test("a removed pool's slot goes to the next pool, and its cycles' ids to the next cycles")
    func reuse() throws {
        var index = CycleIndex()
        try index.insert(pool: testAddress(1), tokens: [weth, usdc])
        let slot = try index.insert(pool: testAddress(2), tokens: [weth, usdc])
        let ids = Set(index.cycles(through: slot))
        try index.remove(pool: testAddress(2))
        #expect(index.slot(of: testAddress(2)) == nil)
        #expect(index.address(of: slot) == nil)
        #expect(index.cycles(through: slot).isEmpty)
        #expect(index.cycleCount == 0)
        let again = try index.insert(pool: testAddress(3), tokens: [usdc, weth])
        #expect(again == slot)
        #expect(index.address(of: again) == testAddress(3))
        #expect(Set(index.cycles(through: again)) == ids)
    }

    @Test("a cycle is 24 contiguous bytes: three 6-byte hops in 8-byte places, the count in the last one's padding")
    func layout() {
        #expect(MemoryLayout<CycleHop>.size == 6)
        #expect(MemoryLayout<CycleHop>.stride == 8)
        #expect(MemoryLayout<Cycle>.stride == 24)
    }
}
