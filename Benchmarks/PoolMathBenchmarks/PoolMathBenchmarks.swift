import Benchmark
import Camelot
import Curve
import Kernel
import UniswapV2
import UniswapV3

/// Pool math quotes, one quote per operation and 1,000 operations per sample (`scalingFactor`).
let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .mallocCountTotal, .instructions],
        timeUnits: .nanoseconds,
        warmupIterations: 100,
        scalingFactor: .kilo,
        maxDuration: .seconds(3),
        maxIterations: 100_000
    )

    // A WETH/ARB-sized Uniswap V2 pair (reserves of the real swap in
    // Tests/UniswapV2Tests/Fixtures/v2_swap_checks.json).
    guard let v2Pair = try? UniswapV2Pool(
        address: .zero, token0: .zero, token1: .zero,
        reserve0: UInt256(decimal: "69053343673155254") ?? .zero,
        reserve1: UInt256(decimal: "237877164475910606395") ?? .zero
    ) else { fatalError("the V2 pair no longer builds") }
    let v2AmountIn = UInt256(decimal: "219694007376945517") ?? .zero

    Benchmark("Uniswap V2 quote, exact input (per op)") { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(try v2Pair.amountOut(v2AmountIn, zeroForOne: false))
        }
    }

    Benchmark("Uniswap V2 quote, exact output (per op)") { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(try v2Pair.amountIn(forAmountOut: UInt256(63_525_138_221_377), zeroForOne: false))
        }
    }

    // Camelot V2 pairs holding about 5 M of each 6-decimal stablecoin (fee 0.001 % each way, as
    // the real USDC/USDC.e stable pair in Tests/CamelotTests), stable and volatile.
    for stable in [true, false] {
        guard let pair = try? CamelotV2Pool(
            address: .zero, token0: .zero, token1: .zero, reserve0: UInt256(5_000_000_000_000), reserve1: UInt256(4_990_000_000_000),
            token0FeePercent: 1, token1FeePercent: 1, stableSwap: stable, decimals0: 6, decimals1: 6
        ) else { fatalError("the Camelot pair no longer builds") }
        Benchmark("Camelot V2 \(stable ? "stable" : "volatile") quote, 10,000 USDC (per op)") { benchmark in
            for _ in benchmark.scaledIterations {
                blackHole(try pair.quote(UInt256(10_000_000_000), zeroForOne: true))
            }
        }
    }

    // Curve pools of 6-decimal stablecoins (rates 10^30) holding about 50 M each, as the Arbitrum
    // 2pool does; A = 2000 (A_precise 200000), fee 0.01 %. NG adds its off-peg multiplier (2x).
    let usd = UInt256(decimal: "1000000000000000000000000000000") ?? .zero
    func curvePool(_ variant: CurveStableSwapVariant, coins: Int) -> CurveStableSwapPool {
        let balances = (0..<coins).map { UInt256(UInt64(50_000_000_000_000 + 1_234_567_890 * $0)) }
        guard let pool = try? CurveStableSwapPool(
            address: .zero, coins: Array(repeating: .zero, count: coins), variant: variant,
            amplification: UInt256(200_000), fee: UInt256(1_000_000),
            offpegFeeMultiplier: variant == .stableswapNG ? UInt256(20_000_000_000) : .zero,
            adminFee: CurveStableSwapVariant.ngAdminFee, rates: Array(repeating: usd, count: coins), balances: balances
        ) else { fatalError("the Curve pool no longer builds") }
        return pool
    }
    for (variant, coins) in [(CurveStableSwapVariant.stableswap, 2), (.stableswap, 3), (.stableswapNG, 2), (.stableswapNG, 3)] {
        let pool = curvePool(variant, coins: coins)
        Benchmark("Curve \(variant.rawValue) \(coins)-coin get_dy, 10,000 USDC (per op)") { benchmark in
            for _ in benchmark.scaledIterations {
                blackHole(try pool.quote(UInt256(10_000_000_000), from: 0, to: 1))
            }
        }
    }

    // A Uniswap V3 pool (fee 0.05 %, spacing 10) at tick 5 inside a position [0, 100], above a
    // ladder of 20 narrow positions [-10(k+1), -10k]: a swap down to a price limit crosses one
    // initialized tick per 10 ticks. The amount is larger than the way to the limit needs, so the
    // swap stops at the limit: 0, 1 and 10 crossings are one, two and eleven steps.
    let v3Pool = uniswapV3Ladder()
    for (crossings, limitTick) in [(0, Int32(2)), (1, -5), (10, -95)] {
        guard let limit = try? TickMath.sqrtRatio(atTick: limitTick) else { fatalError("tick \(limitTick)") }
        Benchmark("Uniswap V3 quote, exact input, \(crossings) tick crossings (per op)") { benchmark in
            for _ in benchmark.scaledIterations {
                blackHole(try v3Pool.quote(zeroForOne: true, amountSpecified: Int256(Int64.max), sqrtPriceLimitX96: limit))
            }
        }
    }
    Benchmark("Uniswap V3 quote, exact output within one tick (per op)") { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(try v3Pool.quote(zeroForOne: true, amountSpecified: Int256(-1_000_000_000), sqrtPriceLimitX96: TickMath.minSqrtRatio + UInt256(1)))
        }
    }
    // The same ladder as a Camelot V3 (Algebra) pool, 0.05 % both ways: its swap step is
    // Kernel's `SwapMath.computeSwapStep`, called from the Camelot module.
    guard let camelotV3 = try? CamelotV3Pool(
        address: .zero, token0: .zero, token1: .zero, tickSpacing: 10, feeZeroToOne: 500, feeOneToZero: 500,
        sqrtPriceX96: v3Pool.state.sqrtPriceX96, tick: v3Pool.state.tick, liquidity: v3Pool.state.liquidity, ticks: v3Pool.state.ticks)
    else { fatalError("the Camelot V3 ladder no longer builds") }
    for (crossings, limitTick) in [(0, Int32(2)), (10, -95)] {
        guard let limit = try? TickMath.sqrtRatio(atTick: limitTick) else { fatalError("tick \(limitTick)") }
        Benchmark("Camelot V3 quote, exact input, \(crossings) tick crossings (per op)") { benchmark in
            for _ in benchmark.scaledIterations {
                blackHole(try camelotV3.quote(zeroForOne: true, amountSpecified: Int256(Int64.max), sqrtPriceLimitX96: limit))
            }
        }
    }
    dispatchBenchmarks(v2: v2Pair, v3: v3Pool)
}

/// The pool of the V3 benchmarks: liquidity 10^18 in [0, 100] and (k + 2)·10^17 in each
/// [-10(k+1), -10k] for k in 0..<20.
func uniswapV3Ladder() -> UniswapV3Pool {
    let top = Int256(1_000_000_000_000_000_000), rung = Int256(100_000_000_000_000_000)
    var entries = [TickTable.Entry(tick: 100, liquidityNet: Int256.zero - top)]
    entries.append(TickTable.Entry(tick: 0, liquidityNet: top - rung - rung))
    for k in 1..<20 { entries.append(TickTable.Entry(tick: Int32(-10 * k), liquidityNet: Int256.zero - rung)) }
    entries.append(TickTable.Entry(tick: -200, liquidityNet: Int256(2_100_000_000_000_000_000)))
    guard let ticks = try? TickTable(entries), let price = try? TickMath.sqrtRatio(atTick: 5),
          let pool = try? UniswapV3Pool(address: .zero, token0: .zero, token1: .zero, fee: 500, tickSpacing: 10,
                                        sqrtPriceX96: price, tick: 5, liquidity: top.bitPattern, ticks: ticks)
    else { fatalError("the V3 ladder no longer builds") }
    return pool
}
