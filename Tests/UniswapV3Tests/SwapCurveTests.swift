import Foundation
import Kernel
import Testing
import UniswapV3

/// `swapCurve` of concentrated-liquidity pools (Kernel's, shared with Algebra) on random pools
/// built from positions: the exact quote never exceeds the curve within `inputLimit`, the input
/// at the limit moves the price exactly to the range's end, a little more moves it past, and the
/// curve's marginal rate is a tiny quote's.
@Suite struct SwapCurveTests {
    /// A pool at a random price in a random tick with 0 to 6 positions around it, half the time
    /// on top of liquidity that no tick bounds, and now and then ticks loaded only near the price.
    static func randomPool(_ random: inout SplitMix64) throws -> UniswapV3Pool {
        let (fee, spacing) = [(UInt32(100), Int32(1)), (500, 10), (3000, 60), (10_000, 200)][Int.random(in: 0...3, using: &random)]
        let tick = Int32.random(in: -400_000...400_000, using: &random)
        let low = try TickMath.sqrtRatio(atTick: tick), high = try TickMath.sqrtRatio(atTick: tick + 1)
        let price = low + UInt256(random.next()) % (high - low)
        var table = TickTable()
        var liquidity = Bool.random(using: &random) ? Self.liquidity(&random) : .zero
        for _ in 0..<Int.random(in: 0...6, using: &random) {
            let lower = (tick / spacing + Int32.random(in: -300...300, using: &random)) * spacing
            let upper = lower + spacing * Int32.random(in: 1...300, using: &random)
            let amount = Self.liquidity(&random)
            try table.update(tick: lower, liquidityDelta: Int256(bitPattern: amount), upper: false)
            try table.update(tick: upper, liquidityDelta: Int256(bitPattern: amount), upper: true)
            if lower <= tick && tick < upper { liquidity += amount }
        }
        let loaded: ClosedRange<Int32>? = random.next() % 4 == 0
            ? (tick - Int32.random(in: 0...5_000, using: &random))...(tick + Int32.random(in: 0...5_000, using: &random)) : nil
        return try UniswapV3Pool(address: .zero, token0: .zero, token1: .zero, fee: fee, tickSpacing: spacing, sqrtPriceX96: price,
                                 tick: tick, liquidity: liquidity, ticks: table, completeTickRange: loaded)
    }

    /// A log-uniform liquidity between 10^6 and 10^24.
    static func liquidity(_ random: inout SplitMix64) -> UInt256 {
        UInt256(truncating: pow(10, Double.random(in: 6...24, using: &random)))
    }

    /// The nearest initialized tick the swap meets (at or below the tick going down, above it
    /// going up, by a linear search) where the loaded ticks cover the tick the swap leaves there.
    static func nextKnownTick(_ pool: UniswapV3Pool, zeroForOne: Bool) -> Int32? {
        let next = zeroForOne ? pool.ticks.ticks.last { $0 <= pool.tick } : pool.ticks.ticks.first { $0 > pool.tick }
        guard let next, pool.completeTickRange.map({ $0.contains(zeroForOne ? next - 1 : next) }) ?? true else { return nil }
        return next
    }

    /// Whether an initialized tick's price lies strictly between `start` and `end`.
    static func crossesATick(_ pool: UniswapV3Pool, from start: UInt256, to end: UInt256) throws -> Bool {
        try pool.ticks.ticks.contains { tick in
            let price = try TickMath.sqrtRatio(atTick: tick)
            return start < end ? start < price && price < end : end < price && price < start
        }
    }

    /// `floor(x·m·reserveOut / (reserveIn·d + x·m))`.
    static func value(_ curve: SwapCurve, at x: UInt256) throws -> UInt256 {
        let scaled = x * curve.feeMultiplier
        return try #require(UInt256.mulDiv(scaled, curve.reserveOut, curve.reserveIn * curve.feeDenominator + scaled))
    }

    /// The output of an exact input `x` with no price limit.
    static func quote(_ pool: UniswapV3Pool, _ x: UInt256, zeroForOne: Bool) throws -> ConcentratedLiquiditySwapResult {
        try pool.quote(zeroForOne: zeroForOne, amountSpecified: try #require(Int256(exactly: x)),
                       sqrtPriceLimitX96: zeroForOne ? lowestLimit : highestLimit)
    }

    @Test func theQuoteStaysBelowTheCurveUpToTheRangeEndAndCrossesItAfter() throws {
        var random = SplitMix64(seed: 2027)
        var limitsChecked = 0, atTicks = 0, crossings = 0, samples = 0, emptyRanges = 0, loadedEnds = 0
        for _ in 0..<400 {
            let pool = try Self.randomPool(&random)
            for zeroForOne in [true, false] {
                let (from, to) = zeroForOne ? (0, 1) : (1, 0)
                guard let curve = pool.swapCurve(from: from, to: to) else {
                    #expect(pool.liquidity.isZero)
                    emptyRanges += 1
                    continue
                }
                #expect(curve.feeMultiplier + UInt256(UInt64(pool.fee)) == UInt256(1_000_000) && curve.feeDenominator == UInt256(1_000_000))
                let limit = try #require(curve.inputLimit)
                for _ in 0..<6 where !limit.isZero {
                    let x = min(max(UInt256(truncating: limit.approximateDouble * pow(10, -Double.random(in: 0...12, using: &random))), .one), limit)
                    let result = try Self.quote(pool, x, zeroForOne: zeroForOne)
                    #expect((zeroForOne ? result.amount1 : result.amount0).magnitude <= (try Self.value(curve, at: x)), "\(pool) \(zeroForOne) x \(x)")
                    samples += 1
                }
                guard !limit.isZero, limit < Int256.max.magnitude else { continue }
                // At the limit: no initialized tick passed, and on the next one where the loaded
                // ticks reach it.
                let atLimit = try Self.quote(pool, limit, zeroForOne: zeroForOne)
                #expect(!(try Self.crossesATick(pool, from: pool.sqrtPriceX96, to: atLimit.sqrtPriceX96)), "\(pool) \(zeroForOne) limit \(limit)")
                #expect((zeroForOne ? atLimit.amount1 : atLimit.amount0).magnitude <= (try Self.value(curve, at: limit)))
                limitsChecked += 1
                if let next = Self.nextKnownTick(pool, zeroForOne: zeroForOne) {
                    #expect(atLimit.sqrtPriceX96 == (try TickMath.sqrtRatio(atTick: next)), "\(pool) \(zeroForOne) limit \(limit)")
                    atTicks += 1
                } else if pool.completeTickRange != nil {
                    loadedEnds += 1
                }
                // A thousandth of the next range's virtual input reserve more moves the price on,
                // unless it already is at the "no limit" price or the swap leaves the loaded ticks.
                guard atLimit.sqrtPriceX96 != (zeroForOne ? lowestLimit : highestLimit) else { continue }
                let q96 = UInt256.one << 96
                let nextReserve = try #require(zeroForOne ? UInt256.mulDiv(atLimit.liquidity, q96, atLimit.sqrtPriceX96)
                    : UInt256.mulDiv(atLimit.liquidity, atLimit.sqrtPriceX96, q96))
                let more = try #require(Int256(exactly: limit + nextReserve / UInt256(1000) + UInt256(1_000_000)))
                do throws(PoolError) {
                    let beyond = try pool.quote(zeroForOne: zeroForOne, amountSpecified: more, sqrtPriceLimitX96: zeroForOne ? lowestLimit : highestLimit)
                    #expect(zeroForOne ? beyond.sqrtPriceX96 < atLimit.sqrtPriceX96 : beyond.sqrtPriceX96 > atLimit.sqrtPriceX96, "\(pool) \(zeroForOne)")
                } catch {
                    guard case .invalidState = error else { throw error }
                    #expect(pool.completeTickRange != nil, "\(error)")
                }
                crossings += 1
            }
        }
        #expect(limitsChecked > 300 && atTicks > 150 && crossings > 200 && samples > 2_000 && emptyRanges > 20 && loadedEnds > 10)
    }

    @Test func aPriceOnTheNextInitializedTickLeavesNoRoom() throws {
        // The price sits exactly on tick 600, initialized: going down, the first step crosses it.
        let onTick = try TickMath.sqrtRatio(atTick: 600)
        let pool = try UniswapV3Pool(
            address: .zero, token0: .zero, token1: .zero, fee: 3000, tickSpacing: 60, sqrtPriceX96: onTick, tick: 600,
            liquidity: UInt256(1_000_000_000_000), ticks: try TickTable([TickTable.Entry(tick: 600, liquidityNet: 400_000_000_000)]))
        #expect(pool.swapCurve(from: 0, to: 1)?.inputLimit == .zero)
        let upwards = try #require(pool.swapCurve(from: 1, to: 0))
        #expect(upwards.inputLimit.map { $0 > UInt256(1_000_000) } == true)
    }

    @Test func theMarginalRateIsATinyQuotes() throws {
        var random = SplitMix64(seed: 2028)
        var checked = 0
        for _ in 0..<300 {
            let pool = try Self.randomPool(&random)
            for zeroForOne in [true, false] {
                let (from, to) = zeroForOne ? (0, 1) : (1, 0)
                guard let curve = pool.swapCurve(from: from, to: to), let rate = curve.marginalRate, let limit = curve.inputLimit else { continue }
                #expect(pool.marginalRate(from: from, to: to) == rate)
                let x = curve.reserveIn / UInt256(1_000_000_000)
                guard x <= limit, x >= UInt256(1_000_000) else { continue }
                let result = try Self.quote(pool, x, zeroForOne: zeroForOne)
                let out = (zeroForOne ? result.amount1 : result.amount0).magnitude
                guard out >= UInt256(10_000_000) else { continue }
                #expect(abs(out.approximateDouble / x.approximateDouble - rate) <= rate * 1e-6, "\(pool) \(zeroForOne)")
                checked += 1
            }
        }
        #expect(checked > 100)
    }

    @Test func directionsOtherThanTheTwoHaveNoCurve() throws {
        let pool = try plainPool(sqrtPriceX96: priceOne, liquidity: UInt256(1_000_000))
        #expect(pool.swapCurve(from: 0, to: 0) == nil && pool.swapCurve(from: 1, to: 2) == nil && pool.marginalRate(from: 2, to: 0) == nil)
    }
}
