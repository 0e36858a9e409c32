import Benchmark
import Foundation
import Engine
import Kernel
import BenchmarkSupport
import UniswapV2

/// `Engine.process` on the synthetic universe's two-coin pools as Uniswap V2 pairs: a message
/// without swaps, and a message whose one swap moves a pool in about 10, 200 or 2,000 cycles:
/// simulation, screening of every cycle through the pool, sizing and pricing of those that pass.
///
/// The pairs are `PairUniverse`'s, at consistent prices, so few cycles pass the screen until the
/// swap moves its pool. The swap buys
/// 0.5 % of the pool's output reserve, alternating direction from one iteration to the next, so
/// the state swings back and forth instead of drifting.
func processBenchmarks() {
    let configuration = Benchmark.Configuration(
        metrics: [.wallClock, .mallocCountTotal],
        timeUnits: .nanoseconds,
        warmupIterations: 10,
        maxDuration: .seconds(3),
        maxIterations: 20_000
    )
    Benchmark("Engine.process, a message without swaps", configuration: configuration) { benchmark in
        var engine = pairEngine
        let message = SwapMessage(sequenceNumber: 1, timestamp: 0, transactions: [])
        for _ in benchmark.scaledIterations { blackHole(engine.process(message)) }
    }
    for target in [10, 200, 2_000] {
        Benchmark("Engine.process, one swap on a pool in ~\(target) cycles: simulate, screen, size, price", configuration: configuration) { benchmark in
            var engine = pairEngine
            guard let pool = pairProbes[target], let pair = engine.pendingPool(pool) as? UniswapV2Pool else { fatalError("no probe for \(target)") }
            let messages = [true, false].map { zeroForOne in
                let amount = (zeroForOne ? pair.reserve0 : pair.reserve1) / UInt256(200)
                let leg = SwapLeg(dex: "uniswap-v2", hops: [SwapHop(tokenIn: nil, tokenOut: nil, pool: .pool(pool, zeroForOne: zeroForOne))],
                                  amount: .exactIn(amount), limit: nil, recipient: nil, deadline: nil)
                return SwapMessage(sequenceNumber: 1, timestamp: 0, transactions: [SwapTransaction(hash: .zero, legs: [leg])])
            }
            var turn = 0
            for _ in benchmark.scaledIterations {
                blackHole(engine.process(messages[turn & 1]))
                turn &+= 1
            }
        }
    }
}

/// The universe's two-coin pools as V2 pairs at consistent prices (`PairUniverse`), in an engine.
let pairEngine: Engine = {
    let pools = PairUniverse.pairs(universe).map { SnapshotPool(dex: "uniswap-v2", pool: $0) }
    do {
        let entry = DEXEntry(name: "uniswap-v2", plugin: "uniswap-v2", enabled: true, routers: [],
                             factories: [DEXEntry.Factory(address: Address(precompile: 0xFAC), initCodeHash: Hash32.zero)], fees: [3000], pools: [])
        let engine = try Engine(snapshot: Snapshot(block: 0, timestamp: 0, pools: pools), plugins: ["uniswap-v2": try UniswapV2Plugin(entry: entry)])
        print("pair engine: \(engine.index.poolCount) pairs, \(engine.index.cycleCount) cycles")
        return engine
    } catch {
        fatalError("the pair universe does not load: \(error)")
    }
}()

/// For 10, 200 and 2,000: the pair whose cycle count is nearest.
let pairProbes: [Int: Address] = {
    let index = pairEngine.index
    var probes: [Int: Address] = [:]
    for target in [10, 200, 2_000] {
        var best: (Address, PoolSlot, Int)?
        for spec in universe.pools where spec.tokens.count == 2 {
            guard let slot = index.slot(of: spec.address) else { continue }
            let distance = abs(index.cycles(through: slot).count - target)
            if best.map({ distance < $0.2 }) ?? true { best = (spec.address, slot, distance) }
        }
        guard let best else { fatalError("no pairs") }
        print("pair probe for ~\(target) cycles: \(index.cycles(through: best.1).count) cycles")
        probes[target] = best.0
    }
    return probes
}()
