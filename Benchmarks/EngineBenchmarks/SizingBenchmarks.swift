import Benchmark
import Curve
import Engine
import Kernel
import UniswapV2
import UniswapV3

/// Cycle sizing (closed form with its exact verification, and the bracketed search) and the
/// cost estimate, one sizing per operation and 1,000 operations per sample (`scalingFactor`).
func sizingBenchmarks() {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .mallocCountTotal, .instructions],
        timeUnits: .nanoseconds,
        warmupIterations: 100,
        scalingFactor: .kilo,
        maxDuration: .seconds(3),
        maxIterations: 100_000
    )

    // WETH/USDC-sized pairs: 1,000 WETH against 2.5 M USDC (6 decimals), the second paying 1 %
    // more WETH per USDC; two more pairs close a WETH → USDC → ARB → WETH triangle 1 % apart.
    let weth = UInt256(1_000_000_000_000_000_000)
    func pair(_ reserve0: UInt256, _ reserve1: UInt256, zeroForOne: Bool, withMap: Bool = true) -> SizingHop {
        guard let pool = try? UniswapV2Pool(address: .zero, token0: .zero, token1: .zero, reserve0: reserve0, reserve1: reserve1) else {
            fatalError("the benchmark pair no longer builds")
        }
        var hop = SizingHop(pool: pool, from: zeroForOne ? 0 : 1, to: zeroForOne ? 1 : 0)
        if !withMap { (hop.map, hop.segments, hop.exactQuote) = (nil, nil, nil) }
        return hop
    }
    let wethUSDC = pair(weth * UInt256(1000), UInt256(2_500_000_000_000), zeroForOne: true)
    let usdcWETH = pair(weth * UInt256(1010), UInt256(2_500_000_000_000), zeroForOne: false)
    let usdcARB = pair(UInt256(3_000_000_000_000), weth * UInt256(5_000_000), zeroForOne: true)
    let arbWETH = pair(weth * UInt256(4_125_000), weth * UInt256(1_000), zeroForOne: true)
    guard let bounds = SizingBounds(upper: weth * UInt256(1000)) else { fatalError("the benchmark bounds no longer build") }
    let sizer = CycleSizer()

    // Two WETH/ARB pairs (both 18 decimals), 1 % apart: runs of equal output one unit wide.
    let wethARB = pair(weth * UInt256(1000), weth * UInt256(5_000_000), zeroForOne: true)
    let arbWETHRich = pair(weth * UInt256(1010), weth * UInt256(5_000_000), zeroForOne: false)
    let twoPairs = [wethARB, arbWETHRich]
    Benchmark("Closed-form sizing, 2 V2 pairs (18-decimal tokens), with exact verification (per op)") { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(sizer.size(twoPairs, within: bounds))
        }
    }

    // Through USDC: one unit of USDC is about 4·10^8 wei of WETH, so the output moves in runs
    // that wide and the climb searches for the first input of a run.
    let twoPairsThroughUSDC = [wethUSDC, usdcWETH]
    Benchmark("Closed-form sizing, 2 V2 pairs (through 6-decimal USDC), with exact verification (per op)") { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(sizer.size(twoPairsThroughUSDC, within: bounds))
        }
    }

    let threePairs = [wethUSDC, usdcARB, arbWETH]
    Benchmark("Closed-form sizing, 3 V2 pairs, with exact verification (per op)") { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(sizer.size(threePairs, within: bounds))
        }
    }

    // A WETH/USDC Uniswap V3 pool (0.05 %) at 2,500 USDC per WETH (sqrt(2.5e-9) = 5e-5 times
    // 2^96) with 2 M USDC of in-range depth (one position over the whole range), then the richer
    // V2 pair back.
    let sqrtPrice = UInt256(decimal: "3961408125713216879677197") ?? .zero
    guard let tick = try? TickMath.tick(atSqrtRatio: sqrtPrice),
          let v3 = try? UniswapV3Pool(
              address: .zero, token0: .zero, token1: .zero, fee: 500, tickSpacing: 10, sqrtPriceX96: sqrtPrice, tick: tick,
              liquidity: UInt256(40_000_000_000_000_000), ticks: TickTable())
    else { fatalError("the benchmark V3 pool no longer builds") }
    let v3Hop = SizingHop(pool: v3, from: 0, to: 1)
    let v3ThenPair = [v3Hop, usdcWETH]
    Benchmark("Closed-form sizing, V3 in range then V2, with exact verification (per op)") { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(sizer.size(v3ThenPair, within: bounds))
        }
    }

    let twoPairsWithoutMaps = [pair(weth * UInt256(1000), UInt256(2_500_000_000_000), zeroForOne: true, withMap: false), usdcWETH]
    Benchmark("Bracketed search, 2 V2 pairs, 40 quotes (per op)") { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(sizer.size(twoPairsWithoutMaps, within: bounds))
        }
    }

    // Curve + V3: a USDC/USDT Uniswap V3 pool (0.05 %, 5 M of each in range, one position over
    // the whole range as above) paying 1.01 USDT per USDC, then a Curve StableSwap pool
    // (A = 2,000, fee 4 bp, 10 M of each) back at par. The Curve hop has no closed form: the
    // bracketed search, 40 exact quotes, each a Newton solve of the invariant.
    let sqrtParity = UInt256(decimal: "79623317895830914860737227849") ?? .zero
    let microRate = UInt256(decimal: "1000000000000000000000000000000") ?? .zero  // 10^(36 - 6)
    guard let parityTick = try? TickMath.tick(atSqrtRatio: sqrtParity),
          let stableV3 = try? UniswapV3Pool(
              address: .zero, token0: .zero, token1: .zero, fee: 500, tickSpacing: 10, sqrtPriceX96: sqrtParity, tick: parityTick,
              liquidity: UInt256(5_000_000_000_000), ticks: TickTable()),
          let stableCurve = try? CurveStableSwapPool(
              address: .zero, coins: [.zero, .zero], variant: .stableswap, amplification: UInt256(200_000),
              fee: UInt256(4_000_000), adminFee: UInt256(5_000_000_000), rates: [microRate, microRate],
              balances: [UInt256(10_000_000_000_000), UInt256(10_000_000_000_000)]),
          let stableBounds = SizingBounds(upper: UInt256(200_000_000_000))  // 200,000 USDC
    else { fatalError("the benchmark Curve + V3 cycle no longer builds") }
    let curveThenV3 = [SizingHop(pool: stableV3, from: 0, to: 1), SizingHop(pool: stableCurve, from: 1, to: 0)]
    Benchmark("Bracketed sizing, Uniswap V3 then Curve StableSwap (per op)") { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(sizer.size(curveThenV3, within: stableBounds))
        }
    }

    // Every cycle above is profitable, so each benchmark sizes a real opportunity.
    // Each sizing's method and cycle quotes, for reading the timings.
    for (name, hops, limits) in [("2 V2 18-decimal", twoPairs, bounds), ("2 V2 through USDC", twoPairsThroughUSDC, bounds), ("3 V2", threePairs, bounds),
                                 ("V3 then V2", v3ThenPair, bounds), ("bracketed", twoPairsWithoutMaps, bounds),
                                 ("V3 then Curve", curveThenV3, stableBounds)] {
        let sizing = sizer.size(hops, within: limits)
        guard sizing.trade != nil else { fatalError("a benchmark cycle lost its profit") }
        print("sizing \(name): \(sizing.method), \(sizing.quoteEvaluations) cycle quotes, \(sizing.hopQuotes) single-pool")
    }

    // The cost of the two-pair cycle: calldata, envelope, brotli, gas.
    let model = CycleCostModel(template: TransactionTemplate(nonce: 4123, maxFeePerGas: UInt256(20_000_000), gasLimit: 600_000, to: .zero))
    let executorHops = [
        ExecutorHop(kind: .uniswapV2, pool: Address(precompile: 1), tokenIn: 0, tokenOut: 1),
        ExecutorHop(kind: .uniswapV2, pool: Address(precompile: 2), tokenIn: 1, tokenOut: 0),
    ]
    Benchmark("Cost estimate, 2 hops: calldata, envelope, brotli, gas (per op)") { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(model.estimate(hops: executorHops, amountIn: weth, baseFee: UInt256(10_000_000), l1PricePerUnit: UInt256(40_000_000)))
        }
    }
}
