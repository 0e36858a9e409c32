import Benchmark
import Engine
import Host
import Kernel
import TestSupport
import UniswapV2
import UniswapV3

/// State sync's pure side over 5,000 tracked pools (half Uniswap V2 pairs, half Uniswap V3 pools
/// with 120 initialized ticks each, 50 of them with whole 2,000-tick tables): the memory they take,
/// and one block of 50 logs applied and journaled (25 V2 `Sync`, 15 V3 `Swap`, 10 V3 `Mint` or
/// `Burn` of one position, alternating so the state stays bounded).
func syncBenchmarks() {
    Benchmark(
        "Sync: 5,000 pools tracked (V3 tick tables included), built",
        configuration: .init(metrics: [.wallClock, .peakMemoryResident], timeUnits: .milliseconds, warmupIterations: 0, maxDuration: .seconds(20), maxIterations: 3)
    ) { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(SyncUniverse.make().pools.pools.count)
        }
    }

    let kinds: [(name: String, filter: (ChainLog) -> Bool)] = [
        ("50 logs: 25 V2 Sync, 15 V3 Swap, 10 V3 Mint/Burn", { _ in true }),
        ("its 25 V2 Sync logs", { $0.log.topics.first == V2PairEvents.sync }),
        ("its 15 V3 Swap logs", { $0.log.topics.first == UniswapV3PoolEvents.swap }),
        ("its 10 V3 Mint/Burn logs", { [UniswapV3PoolEvents.mint, UniswapV3PoolEvents.burn].contains($0.log.topics.first) }),
    ]
    for kind in kinds {
        Benchmark(
            "Sync: one block of \(kind.name) applied and journaled, 5,000 pools tracked (per block, 1000 blocks per sample)",
            configuration: .init(metrics: [.wallClock, .mallocCountTotal], timeUnits: .microseconds, warmupIterations: 0,
                                 scalingFactor: .kilo, maxDuration: .seconds(10), maxIterations: 20)
        ) { benchmark in
            var universe = SyncUniverse.make()
            // 194 blocks: a block's Mints and the next one's Burns hit the same pools, so cycling
            // through them keeps every position balanced.
            let blocks = (UInt64(1)...194).map { universe.block($0).filter(kind.filter) }
            var number: UInt64 = 1
            benchmark.startMeasurement()
            for _ in benchmark.scaledIterations {
                let logs = blocks[Int((number - 1) % 194)]
                let outcome = universe.pools.apply(SyncUniverse.header(number), logs: logs[...])
                guard outcome.applied == logs.count else { fatalError("the benchmark block applied \(outcome.applied) of \(logs.count) logs: \(outcome.reloadReasons)") }
                number += 1
            }
            // Stop before the universe is freed at the closure's end (milliseconds of deallocation).
            benchmark.stopMeasurement()
        }
    }
}

/// The synthetic tracked universe and its blocks of logs.
struct SyncUniverse {
    var pools: SyncedPools
    let pairs: [Address]
    let v3: [(address: Address, tick: Int32, sqrtPrice: UInt256, liquidity: UInt256)]

    static func header(_ number: UInt64) -> BlockHeader {
        BlockHeader(number: number, hash: Hash32(bytes: UInt256(number + 1).bigEndianBytes) ?? .zero,
                    parentHash: Hash32(bytes: UInt256(number).bigEndianBytes) ?? .zero, timestamp: 1_700_000_000 + number)
    }

    static func make() -> SyncUniverse {
        var random = SplitMix64(seed: 5000)
        var entries: [SnapshotPool] = []
        var pairs: [Address] = []
        var v3: [(address: Address, tick: Int32, sqrtPrice: UInt256, liquidity: UInt256)] = []
        let token = { (n: Int) in Address(precompile: 0x10_0000 + UInt64(n)) }
        for n in 0..<2_500 {
            let address = Address(precompile: 0x2_0000_0000 + UInt64(n))
            guard let pair = try? UniswapV2Pool(address: address, token0: token(n), token1: token(n + 1),
                                                reserve0: UInt256(1 + random.next() % (1 << 62)), reserve1: UInt256(1 + random.next() % (1 << 62)))
            else { fatalError("the benchmark pair no longer builds") }
            entries.append(SnapshotPool(dex: "uniswap-v2", pool: pair))
            pairs.append(address)
        }
        for n in 0..<2_500 {
            let address = Address(precompile: 0x3_0000_0000 + UInt64(n))
            let spacing: Int32 = 10
            let tick = Int32(random.next() % 2000) * spacing - 10_000
            let width = n < 50 ? 1_000 : 60
            let rows = (-width..<width).map { offset in
                TickTable.Entry(tick: tick + Int32(offset) * spacing, liquidityNet: Int256(offset < 0 ? 1_000_000 : -1_000_000))
            }
            let liquidity = UInt256(1_000_000) * UInt256(UInt64(width)) + UInt256(1 << 60)
            guard let sqrtPrice = try? TickMath.sqrtRatio(atTick: tick), let table = try? TickTable(rows),
                  let pool = try? UniswapV3Pool(address: address, token0: token(n), token1: token(n + 7), fee: 500, tickSpacing: spacing,
                                                sqrtPriceX96: sqrtPrice, tick: tick, liquidity: liquidity, ticks: table)
            else { fatalError("the benchmark V3 pool no longer builds") }
            entries.append(SnapshotPool(dex: "uniswap-v3", pool: pool))
            v3.append((address, tick, sqrtPrice, liquidity))
        }
        return SyncUniverse(pools: SyncedPools(pools: entries, at: header(0), journalDepth: 64), pairs: pairs, v3: v3)
    }

    /// Block `number`'s 50 logs.
    func block(_ number: UInt64) -> [ChainLog] {
        let hash = Self.header(number).hash
        var logs: [ChainLog] = []
        func add(_ address: Address, _ topics: [Hash32], _ words: [UInt256]) {
            logs.append(ChainLog(log: EventLog(address: address, topics: topics, data: words.flatMap(\.bigEndianBytes)),
                                 blockNumber: number, blockHash: hash, logIndex: UInt64(logs.count)))
        }
        let base = Int((number + 1) / 2 % 97) * 25  // a block's Mints and the next block's Burns hit the same pools
        for n in 0..<25 {
            add(pairs[(base + n) % pairs.count], [V2PairEvents.sync], [UInt256(1_000_000 + number), UInt256(2_000_000 + UInt64(n))])
        }
        for n in 0..<15 {
            let pool = v3[(base + n) % v3.count]
            add(pool.address, [UniswapV3PoolEvents.swap, .zero, .zero],
                [UInt256(1), UInt256(1), pool.sqrtPrice, pool.liquidity, tickWord(pool.tick)])
        }
        for n in 0..<10 {
            let pool = v3[(base + 15 + n) % v3.count]
            let (lower, upper) = (tickWord(pool.tick - 200), tickWord(pool.tick + 200))
            if number % 2 == 1 {
                add(pool.address, [UniswapV3PoolEvents.mint, .zero, Hash32(bytes: lower.bigEndianBytes) ?? .zero, Hash32(bytes: upper.bigEndianBytes) ?? .zero],
                    [UInt256.zero, UInt256(5_000), UInt256(1), UInt256(1)])
            } else {
                add(pool.address, [UniswapV3PoolEvents.burn, .zero, Hash32(bytes: lower.bigEndianBytes) ?? .zero, Hash32(bytes: upper.bigEndianBytes) ?? .zero],
                    [UInt256(5_000), UInt256(1), UInt256(1)])
            }
        }
        return logs
    }

    /// An int24 as its sign-extended ABI word.
    func tickWord(_ tick: Int32) -> UInt256 {
        tick >= 0 ? UInt256(UInt64(tick)) : UInt256.max - UInt256(UInt64(-Int64(tick) - 1))
    }
}
