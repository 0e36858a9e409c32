@testable import Kernel
import Testing
import UniswapV3

/// Bounds, reverts and absurd states: a result or a typed error, never a trap.
struct PoolExtremeTests {
    @Test func zeroAmountRevertsAS() throws {
        let pool = try plainPool(sqrtPriceX96: priceOne, liquidity: 1_000_000)
        #expect(throws: PoolError.revert("AS")) { try pool.quote(zeroForOne: true, amountSpecified: .zero, sqrtPriceLimitX96: lowestLimit) }
        #expect(throws: PoolError.revert("AS")) { try pool.amountOut(.zero, from: 0, to: 1) }
    }

    @Test func priceLimitsOutsideTheRuleRevertSPL() throws {
        let pool = try plainPool(sqrtPriceX96: priceOne, liquidity: 1_000_000)
        let cases: [(Bool, UInt256)] = [
            (true, priceOne), (true, priceOne &+ .one), (true, TickMath.minSqrtRatio), (true, .zero),
            (false, priceOne), (false, priceOne &- .one), (false, TickMath.maxSqrtRatio), (false, .max),
        ]
        for (zeroForOne, limit) in cases {
            #expect(throws: PoolError.revert("SPL"), "\(zeroForOne) \(limit)") {
                try pool.quote(zeroForOne: zeroForOne, amountSpecified: 1000, sqrtPriceLimitX96: limit)
            }
        }
    }

    @Test func poolsAtTheEndsOfTheRangeCannotMoveFurther() throws {
        let bottom = try plainPool(sqrtPriceX96: TickMath.minSqrtRatio, liquidity: 1_000_000, tickSpacing: 1)
        #expect(bottom.tick == TickMath.minTick)
        #expect(throws: PoolError.revert("SPL")) { try bottom.amountOut(1000, from: 0, to: 1) }
        let top = try plainPool(sqrtPriceX96: highestLimit, liquidity: 1_000_000, tickSpacing: 1)
        #expect(top.tick == TickMath.maxTick - 1)
        #expect(throws: PoolError.revert("SPL")) { try top.amountOut(1000, from: 1, to: 0) }
        // The other way they trade normally.
        #expect(try bottom.amountOut(1000, from: 1, to: 0) > .zero)
        #expect(try top.amountOut(1000, from: 0, to: 1) > .zero)
    }

    @Test func zeroLiquidityWalksEveryWordToTheLimit() throws {
        for (spacing, zeroForOne) in [(Int32(1), true), (1, false), (200, true)] {
            let pool = try plainPool(sqrtPriceX96: priceOne, liquidity: .zero, tickSpacing: spacing)
            let limit = zeroForOne ? lowestLimit : highestLimit
            let result = try pool.quote(zeroForOne: zeroForOne, amountSpecified: 1_000_000, sqrtPriceLimitX96: limit)
            #expect(result.amount0 == .zero && result.amount1 == .zero)
            #expect(result.sqrtPriceX96 == limit)
            #expect(result.tick == (zeroForOne ? TickMath.minTick : TickMath.maxTick - 1))
        }
    }

    @Test func exhaustingLiquidityStopsAtTheLimitWithWhatTheRangeHeld() throws {
        let lower = TickTable.Entry(tick: -600, liquidityNet: 10_000_000_000)
        let upper = TickTable.Entry(tick: 600, liquidityNet: -10_000_000_000)
        let pool = try plainPool(sqrtPriceX96: priceOne, liquidity: 10_000_000_000, ticks: [lower, upper])
        let held1 = try SqrtPriceMath.amount1Delta(try TickMath.sqrtRatio(atTick: -600), priceOne, liquidity: 10_000_000_000, roundUp: false)
        for amount in [Int256(bitPattern: UInt256(1) << 200), Int256.max, -Int256(bitPattern: UInt256(1) << 200), Int256.min] {
            let result = try pool.quote(zeroForOne: true, amountSpecified: amount, sqrtPriceLimitX96: lowestLimit)
            #expect(result.sqrtPriceX96 == lowestLimit)
            #expect(result.liquidity == .zero)
            #expect(result.amount1 == Int256(bitPattern: UInt256.zero &- held1), "\(amount)")
        }
        let limited = try pool.quote(zeroForOne: true, amountSpecified: Int256.max, sqrtPriceLimitX96: try TickMath.sqrtRatio(atTick: -300))
        #expect(limited.tick == -300 && limited.liquidity == 10_000_000_000)
    }

    @Test func crossingIntoImpossibleLiquidityRevertsLSOrLA() throws {
        // Going down subtracts the net of the crossed tick: 200 out of 100 active underflows.
        let under = try plainPool(sqrtPriceX96: priceOne, liquidity: 100, ticks: [TickTable.Entry(tick: -60, liquidityNet: 200)])
        #expect(throws: PoolError.revert("LS")) { try under.quote(zeroForOne: true, amountSpecified: 1_000_000, sqrtPriceLimitX96: lowestLimit) }
        // Going up adds it: past uint128 overflows.
        let nearMax = twoTo128 &- 10
        let over = try plainPool(sqrtPriceX96: priceOne, liquidity: nearMax, ticks: [TickTable.Entry(tick: 60, liquidityNet: 100)])
        #expect(throws: PoolError.revert("LA")) {
            try over.quote(zeroForOne: false, amountSpecified: Int256.max, sqrtPriceLimitX96: highestLimit)
        }
    }

    /// Random states at the edges (liquidity 1 … 2^128 − 1, prices near both ends, amounts up to
    /// ±2^255): every swap returns or throws `PoolError`; results keep the loop's invariants.
    @Test func randomExtremesNeverTrap() throws {
        var random = SplitMix64(seed: 2026)
        let liquidities: [UInt256] = [.one, 1000, UInt256(1) << 64, twoTo128 &- .one, twoTo128 >> 1]
        let amounts: [Int256] = [1, -1, 1000, -1000, Int256(bitPattern: UInt256(1) << 128), .max, .min, -Int256(bitPattern: UInt256(1) << 200)]
        var results = 0, reverts = 0
        for _ in 0..<400 {
            let tick = Int32(Int64(random.next() % 1_774_000) - 887_000)
            let price = try TickMath.sqrtRatio(atTick: tick) &+ UInt256(random.next() % 1000)
            let liquidity = liquidities[Int(random.next() % UInt64(liquidities.count))]
            let entries = (0..<3).map { _ in
                TickTable.Entry(tick: Int32(Int64(random.next() % 29_000) - 14_500) * 60,
                                liquidityNet: Int256(bitPattern: UInt256(random.next() >> 1)))
            }
            guard let table = try? TickTable(entries),
                  let pool = try? UniswapV3Pool(address: .zero, token0: .zero, token1: .zero, fee: UInt32(random.next() % 100_000),
                                                tickSpacing: 60, sqrtPriceX96: price, tick: tick, liquidity: liquidity, ticks: table)
            else { continue }
            let zeroForOne = random.next() & 1 == 0
            let amount = amounts[Int(random.next() % UInt64(amounts.count))]
            do {
                let result = try pool.quote(zeroForOne: zeroForOne, amountSpecified: amount,
                                            sqrtPriceLimitX96: zeroForOne ? lowestLimit : highestLimit)
                results += 1
                let (paid, received) = zeroForOne ? (result.amount0, result.amount1) : (result.amount1, result.amount0)
                #expect(!paid.isNegative && (received.isNegative || received.isZero))
                #expect(zeroForOne ? result.sqrtPriceX96 <= price : result.sqrtPriceX96 >= price)
                #expect(result.sqrtPriceX96 >= lowestLimit && result.sqrtPriceX96 <= highestLimit)
            } catch {
                reverts += 1
            }
        }
        #expect(results > 100)
        #expect(reverts > 0)
    }

    @Test func impossibleStatesAreRefusedAtConstruction() {
        func make(fee: UInt32 = 3000, spacing: Int32 = 60, price: UInt256 = priceOne, tick: Int32 = 0,
                  liquidity: UInt256 = 1, ticks: [TickTable.Entry] = []) throws -> UniswapV3Pool {
            try UniswapV3Pool(address: .zero, token0: .zero, token1: .zero, fee: fee, tickSpacing: spacing, sqrtPriceX96: price,
                              tick: tick, liquidity: liquidity, ticks: try TickTable(ticks))
        }
        #expect(throws: PoolError.self) { try make(fee: 1_000_000) }
        #expect(throws: PoolError.self) { try make(spacing: 0) }
        #expect(throws: PoolError.self) { try make(spacing: 16384) }
        #expect(throws: PoolError.self) { try make(price: TickMath.maxSqrtRatio) }
        #expect(throws: PoolError.self) { try make(price: TickMath.minSqrtRatio &- .one) }
        #expect(throws: PoolError.self) { try make(tick: TickMath.maxTick + 1) }
        #expect(throws: PoolError.self) { try make(liquidity: twoTo128) }
        #expect(throws: PoolError.self) { try make(ticks: [TickTable.Entry(tick: 61, liquidityNet: 1)]) }
        #expect(throws: PoolError.self) { try make().amountOut(1, from: 0, to: 0) }
        #expect(throws: PoolError.self) { try make().amountOut(.max, from: 0, to: 1) }
    }

    @Test func swapsBeyondTheLoadedTicksAreRefused() throws {
        let pool = try UniswapV3Pool(address: .zero, token0: .zero, token1: .zero, fee: 500, tickSpacing: 10, sqrtPriceX96: priceOne,
                                     tick: 0, liquidity: 1_000_000_000_000, ticks: TickTable(), completeTickRange: -2570...5119)
        #expect(try pool.quote(zeroForOne: true, amountSpecified: 1000, sqrtPriceLimitX96: lowestLimit).tick < 0)
        #expect(throws: PoolError.self) { try pool.quote(zeroForOne: true, amountSpecified: .max, sqrtPriceLimitX96: lowestLimit) }
        // Tick -2570's bit is in the word below the loaded ones: a swap may stop above its price,
        // not on it (the pool would cross it there if it were initialized).
        let bottom = try TickMath.sqrtRatio(atTick: -2570)
        #expect(try pool.quote(zeroForOne: true, amountSpecified: .max, sqrtPriceLimitX96: bottom + UInt256(1)).tick == -2570)
        #expect(throws: PoolError.self) { try pool.quote(zeroForOne: true, amountSpecified: .max, sqrtPriceLimitX96: bottom) }
    }
}
