import Engine
@testable import Host
import Kernel
import TestSupport
import Testing
import UniswapV2

/// The journal and rewind of `SyncedPools`, on Uniswap V2 pairs driven by random `Sync` logs:
/// after any run of blocks and any rewind the journal reaches, the pools hold exactly the states
/// they held at that block.
@Suite struct SyncJournalTests {
    static let tokens = (1...4).map { Address(high32: 0, middle64: 0, low64: UInt64($0) << 8) }

    /// Three pairs over the four tokens.
    static func pairs() throws -> [SnapshotPool] {
        try (0..<3).map { index in
            let pool = try UniswapV2Pool(address: Address(high32: 0xAA, middle64: 0, low64: UInt64(index)), token0: tokens[index], token1: tokens[index + 1],
                                         reserve0: UInt256(1_000_000), reserve1: UInt256(2_000_000))
            return SnapshotPool(dex: "uniswap-v2", pool: pool)
        }
    }

    static func header(_ number: UInt64, fork: UInt64 = 0) -> BlockHeader {
        BlockHeader(number: number, hash: hash(number, fork), parentHash: number == 0 ? .zero : hash(number - 1, fork), timestamp: 1000 + number)
    }

    static func hash(_ number: UInt64, _ fork: UInt64) -> Hash32 {
        Keccak256.hash(Array("\(number)/\(fork)".utf8))
    }

    /// A `Sync(reserve0, reserve1)` log of `pool`.
    static func syncLog(_ pool: Address, _ reserve0: UInt64, _ reserve1: UInt64, block: UInt64, index: UInt64) -> ChainLog {
        let data = UInt256(reserve0).bigEndianBytes + UInt256(reserve1).bigEndianBytes
        return ChainLog(log: EventLog(address: pool, topics: [V2PairEvents.sync], data: data), blockNumber: block, blockHash: hash(block, 0), logIndex: index)
    }

    /// Each pool's state as its snapshot entry, for comparison.
    static func entries(_ pools: SyncedPools) -> [String: String] {
        pools.pools.mapValues { UniswapV2Plugin.entry(of: $0.pool)?.rendered ?? "?" }.reduce(into: [:]) { $0[$1.key.description] = $1.value }
    }

    @Test func rewindRestoresEveryEarlierBlock() throws {
        var random = SplitMix64(seed: 7)
        let pairs = try Self.pairs()
        var pools = SyncedPools(pools: pairs, at: Self.header(0), journalDepth: 64)
        var history: [[String: String]] = [Self.entries(pools)]
        for block in UInt64(1)...100 {
            let logs = (0..<random.next() % 4).map { index in
                Self.syncLog(pairs[Int(random.next() % 3)].pool.address, 1 + random.next() % 1_000_000_000, 1 + random.next() % 1_000_000_000, block: block, index: index)
            }
            let outcome = pools.apply(Self.header(block), logs: logs[...])
            #expect(outcome.applied == logs.count)
            #expect(outcome.failures.isEmpty)
            history.append(Self.entries(pools))
        }
        for depth in [1, 5, 17, 64] {
            var copy = pools
            let target = UInt64(100 - depth)
            #expect(copy.rewind(to: target) != nil)
            #expect(copy.head?.number == target)
            #expect(Self.entries(copy) == history[Int(target)], "rewind by \(depth)")
        }
        var tooDeep = pools
        #expect(tooDeep.rewind(to: 100 - 65) == nil, "the journal undoes 64 blocks: block 35 is beyond it")
        #expect(Self.entries(tooDeep) == history[100], "a refused rewind changes nothing")
    }

    @Test func rewindUndoesReplacedAndRemovedPools() throws {
        let pairs = try Self.pairs()
        var pools = SyncedPools(pools: [pairs[0]], at: Self.header(0), journalDepth: 8)
        _ = pools.apply(Self.header(1), logs: [])
        pools.replace([pairs[1]])
        _ = pools.apply(Self.header(2), logs: [])
        pools.remove([pairs[0].pool.address])
        #expect(Set(pools.pools.keys) == [pairs[1].pool.address])
        #expect(pools.rewind(to: 1) == [pairs[0].pool.address])
        #expect(Set(pools.pools.keys) == [pairs[0].pool.address, pairs[1].pool.address])
        #expect(pools.rewind(to: 0) == [pairs[1].pool.address])
        #expect(Set(pools.pools.keys) == [pairs[0].pool.address])
    }

    @Test func malformedAndUntrackedLogsAreCountedNotApplied() throws {
        let pairs = try Self.pairs()
        var pools = SyncedPools(pools: pairs, at: Self.header(0), journalDepth: 8)
        let before = Self.entries(pools)
        let address = pairs[0].pool.address
        let truncated = ChainLog(log: EventLog(address: address, topics: [V2PairEvents.sync], data: [1, 2, 3]), blockNumber: 1, blockHash: Self.hash(1, 0), logIndex: 0)
        let stranger = Self.syncLog(Address(high32: 0xBB, middle64: 0, low64: 1), 5, 5, block: 1, index: 1)
        let outcome = pools.apply(Self.header(1), logs: [truncated, stranger][...])
        #expect(outcome.applied == 0)
        #expect(outcome.untracked == 1)
        #expect(outcome.reload == [address])
        #expect(outcome.failures.count == 1)
        #expect(outcome.failures.first?.detail.contains("block 1 log 0") == true)
        #expect(Self.entries(pools) == before)
    }
}
