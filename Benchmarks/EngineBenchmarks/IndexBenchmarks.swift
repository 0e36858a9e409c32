import Benchmark
import BenchmarkSupport
import Engine
import Kernel

/// The cycle index over a synthetic universe of 10,000 pools (`SyntheticUniverse`), with WETH as
/// the one base: building it, reading the cycles through one pool, screening them, and taking a
/// busy pool out and in again.
///
/// The harness runs each benchmark in a process of its own; the universe's index and the pools
/// probed are globals, built on first use, so the build benchmark's process (and its resident
/// peak) holds only the universe and the indexes it builds itself.
func indexBenchmarks() {
    Benchmark(
        "CycleIndex build, 10,000 synthetic pools",
        configuration: .init(
            metrics: [.wallClock, .peakMemoryResident, .mallocCountTotal],
            timeUnits: .milliseconds,
            warmupIterations: 1,
            maxDuration: .seconds(30),
            maxIterations: 20
        )
    ) { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(indexOfUniverse())
        }
    }

    let perPass = Benchmark.Configuration(
        metrics: [.wallClock, .mallocCountTotal],
        timeUnits: .nanoseconds,
        warmupIterations: 10,
        scalingFactor: .kilo,
        maxDuration: .seconds(3),
        maxIterations: 10_000
    )
    for target in [10, 200, 2_000] {
        // The list of the cycles through the pool, and every hop of every cycle read from storage.
        Benchmark("cycles(through:), pool in ~\(target) cycles, every hop read (per pass)", configuration: perPass) { benchmark in
            guard let slot = probes[target] else { fatalError("no probe for \(target)") }
            for _ in benchmark.scaledIterations {
                var sum: UInt32 = 0
                for id in universeIndex.cycles(through: slot) {
                    for hop in universeIndex[id] {
                        sum &+= hop.pool.rawValue &+ UInt32(hop.from &* 8 &+ hop.to)
                    }
                }
                blackHole(sum)
            }
        }
        // A model of the screening: each hop's rate looked up in a table by (pool, from, to),
        // multiplied along the cycle and compared with 1.
        Benchmark("screening model, pool in ~\(target) cycles: rate product per cycle (per pass)", configuration: perPass) { benchmark in
            guard let slot = probes[target] else { fatalError("no probe for \(target)") }
            for _ in benchmark.scaledIterations {
                var profitable = 0
                for id in universeIndex.cycles(through: slot) {
                    var product = 1.0
                    for hop in universeIndex[id] {
                        product *= spotRates[hop.pool.index &* 64 &+ hop.from &* 8 &+ hop.to]
                    }
                    if product > 1 { profitable &+= 1 }
                }
                blackHole(profitable)
            }
        }
    }

    // Incremental change: one of the twelve WETH/USDC pools, among the busiest, out and back in.
    // The index is kept between samples (the first, a warm-up, copies it from `universeIndex`).
    var churned: CycleIndex?
    Benchmark(
        "remove and re-insert a WETH/USDC pool",
        configuration: .init(metrics: [.wallClock, .mallocCountTotal], timeUnits: .microseconds,
                             warmupIterations: 2, maxDuration: .seconds(5), maxIterations: 1_000)
    ) { benchmark in
        var index = churned.take() ?? universeIndex
        for _ in benchmark.scaledIterations {
            try index.remove(pool: wethUSDCPool.address)
            try index.insert(pool: wethUSDCPool.address, tokens: wethUSDCPool.tokens)
        }
        churned = index
    }
}

/// The universe the benchmarks index.
let universe = SyntheticUniverse()

/// A fresh index of `universe`, pools inserted in the universe's (random) order.
func indexOfUniverse() -> CycleIndex {
    var index = CycleIndex()
    for pool in universe.pools {
        do {
            try index.insert(pool: pool.address, tokens: pool.tokens)
        } catch {
            fatalError("the synthetic universe does not index: \(error)")
        }
    }
    return index
}

/// The index of `universe`, built once.
let universeIndex: CycleIndex = {
    let index = indexOfUniverse()
    print("synthetic universe: \(universe.pools.count) pools, \(index.cycleCount) cycles with WETH as base")
    return index
}()

/// Made-up spot rates near 1 for every (pool, from, to), at `slot * 64 + from * 8 + to`.
let spotRates = (0..<(universe.pools.count * 64)).map { 0.999 + Double($0 % 7) * 0.0003 }

/// For 10, 200 and 2,000: the slot of the pool whose cycle count is nearest.
let probes: [Int: PoolSlot] = {
    let slots = universe.pools.compactMap { universeIndex.slot(of: $0.address) }
    var probes: [Int: PoolSlot] = [:]
    for target in [10, 200, 2_000] {
        let distance = { (slot: PoolSlot) in abs(universeIndex.cycles(through: slot).count - target) }
        guard let slot = slots.min(by: { distance($0) < distance($1) }) else { fatalError("no pools") }
        print("probe for ~\(target) cycles: pool slot \(slot.rawValue), in \(universeIndex.cycles(through: slot).count) cycles")
        probes[target] = slot
    }
    return probes
}()

/// The first WETH/USDC pool of the universe.
let wethUSDCPool: SyntheticUniverse.Pool = {
    guard let pool = universe.pools.first(where: { $0.tokens == Array(universe.hubs.prefix(2)) }),
          let slot = universeIndex.slot(of: pool.address)
    else { fatalError("no WETH/USDC pool") }
    print("WETH/USDC pool \(pool.address): \(universeIndex.cycles(through: slot).count) cycles")
    return pool
}()
