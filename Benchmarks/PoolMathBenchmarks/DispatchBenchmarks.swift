import Benchmark
import Kernel
import UniswapV2
import UniswapV3

/// The closed enum an engine could hold its pools in instead of `any PricingPool` (ADR 0004):
/// one case per pool type, a `switch` per call.
enum EnumPool {
    /// A Uniswap V2 pair.
    case uniswapV2(UniswapV2Pool)
    /// A Uniswap V3 pool.
    case uniswapV3(UniswapV3Pool)

    /// The pool's `amountOut(_:from:to:)`.
    func amountOut(_ amountIn: UInt256, from: Int, to: Int) throws(PoolError) -> UInt256 {
        switch self {
        case .uniswapV2(let pool): try pool.amountOut(amountIn, from: from, to: to)
        case .uniswapV3(let pool): try pool.amountOut(amountIn, from: from, to: to)
        }
    }
}

/// The same exact-input quote of the same pool three ways: on the concrete type, through
/// `any PricingPool` and through `EnumPool`, for ADR 0004. Each operation quotes the next of 16
/// copies of the pool held in an array (`identity` hides the array from the optimizer), so the
/// existential's type and the enum's case are read from memory on every quote, as an engine
/// reads them from its pool table.
func dispatchBenchmarks(v2: UniswapV2Pool, v3: UniswapV3Pool) {
    // V2: the WETH/ARB-sized pair's real swap, token1 in. V3: 10^13 of token0 into the ladder,
    // which stays inside the current range (one swap step, no tick crossed).
    let v2AmountIn = UInt256(decimal: "219694007376945517") ?? .zero
    let v3AmountIn = UInt256(10_000_000_000_000)
    let copies = 16

    // The concrete calls are written out per type, so that nothing generic stands between the
    // loop and the pool's own method.
    Benchmark("Dispatch Uniswap V2 quote, concrete type (per op)") { benchmark in
        let pools = identity([UniswapV2Pool](repeating: v2, count: copies))
        for i in benchmark.scaledIterations {
            blackHole(try pools[i % copies].amountOut(v2AmountIn, from: 1, to: 0))
        }
    }
    Benchmark("Dispatch Uniswap V3 quote, concrete type (per op)") { benchmark in
        let pools = identity([UniswapV3Pool](repeating: v3, count: copies))
        for i in benchmark.scaledIterations {
            blackHole(try pools[i % copies].amountOut(v3AmountIn, from: 0, to: 1))
        }
    }
    func wrapped(_ family: String, _ pool: any PricingPool, _ wrapped: EnumPool, amountIn: UInt256, from: Int, to: Int) {
        Benchmark("Dispatch \(family) quote, any PricingPool (per op)") { benchmark in
            let pools = identity([any PricingPool](repeating: pool, count: copies))
            for i in benchmark.scaledIterations {
                blackHole(try pools[i % copies].amountOut(amountIn, from: from, to: to))
            }
        }
        Benchmark("Dispatch \(family) quote, enum (per op)") { benchmark in
            let pools = identity([EnumPool](repeating: wrapped, count: copies))
            for i in benchmark.scaledIterations {
                blackHole(try pools[i % copies].amountOut(amountIn, from: from, to: to))
            }
        }
    }
    wrapped("Uniswap V2", v2, .uniswapV2(v2), amountIn: v2AmountIn, from: 1, to: 0)
    wrapped("Uniswap V3", v3, .uniswapV3(v3), amountIn: v3AmountIn, from: 0, to: 1)
}
