import BigInt
import Foundation
import Kernel
import Testing
import UniswapV2
import UniswapV3
@testable import Engine

/// Cycles whose optimum lies past a concentrated-liquidity hop's first tick range: the sizer
/// walks the hops' segments (`PiecewiseOptimum`) and searches the exact quotes from there,
/// against brute force and a long ternary search.
@Suite struct PiecewiseSizingTests {
    /// A V3 pool at price 1 (fee 0.3 %, spacing 60) with `positions` of liquidity around the
    /// price, stacked so that the active liquidity changes at every 60-tick boundary within
    /// ±`reach` ticks; ticks loaded in `loaded` (nil: all).
    static func steppedPool(liquidity: UInt256, positions: Int, loaded: ClosedRange<Int32>? = nil) throws -> UniswapV3Pool {
        var table = TickTable()
        var active = UInt256.zero
        for index in 1...positions {
            let spread = Int32(index) * 60
            try table.update(tick: -spread, liquidityDelta: Int256(bitPattern: liquidity), upper: false)
            try table.update(tick: spread, liquidityDelta: Int256(bitPattern: liquidity), upper: true)
            active += liquidity
        }
        return try UniswapV3Pool(
            address: .zero, token0: .zero, token1: .zero, fee: 3000, tickSpacing: 60, sqrtPriceX96: UInt256.one << 96,
            tick: 0, liquidity: active, ticks: table, completeTickRange: loaded)
    }

    /// A pair pricing token 1 at `premium` over the V3 pool, so that token 0 → V3 → token 1 →
    /// pair → token 0 profits; a hop as the engine builds it (one segment, every input).
    static func pair(reserve: UInt256, premium: Double) throws -> SizingHop {
        let fee = try #require(PairFee(millionths: 3000))
        let pair = try UniswapV2Pool(
            address: .zero, token0: .zero, token1: .zero,
            reserve0: UInt256(truncating: reserve.approximateDouble * premium), reserve1: reserve, fee: fee)
        return Hops.pool(pair, zeroForOne: false)
    }

    @Test("small pools: the walk crosses several ranges and the answer is brute force's, or within the bound")
    func smallPoolsAgainstBruteForce() throws {
        for (positions, premium) in [(4, 1.03), (6, 1.05), (3, 1.08), (8, 1.02)] {
            let pool = try Self.steppedPool(liquidity: UInt256(200_000), positions: positions)
            let hops = [Hops.pool(pool, zeroForOne: true), try Self.pair(reserve: UInt256(3_000_000), premium: premium)]
            let bounds = try #require(SizingBounds(upper: UInt256(60_000)))
            let sizing = CycleSizer().size(hops, within: bounds)
            let best = try #require(Reference.bruteForce(hops, over: 1...60_000))
            #expect([.piecewiseNearOptimal, .piecewiseLocal].contains(sizing.method), "\(positions), \(premium): \(sizing.method)")
            let trade = try #require(sizing.trade)
            let bound = try #require(sizing.profitBound)
            // The segments' bound holds for the true optimum, and the answer is within it.
            #expect(best.profit <= bound)
            #expect(bound - trade.profit >= best.profit - trade.profit)
            #expect(trade.profit + UInt256(2) >= best.profit, "\(positions), \(premium): \(trade.profit) against \(best.profit)")
            // The optimum is past the first range: the old closed form could not have found it.
            let firstLimit = try #require(hops[0].inputLimit)
            #expect(best.input > firstLimit)
        }
    }

    @Test("deep random pools: within 10^-6 of a long ternary search, in fewer quotes than the bracketed search")
    func deepPoolsAgainstTernarySearch() throws {
        var random = SplitMix64(seed: 0x9EC)
        var piecewise = 0
        for _ in 0..<40 {
            let liquidity = random.logUniform(exponents: 18...22)
            let pool = try Self.steppedPool(liquidity: liquidity, positions: Int(random.uniform(2...12)))
            let premium = 1 + Double.random(in: 0.01...0.06, using: &random)
            let hops = [Hops.pool(pool, zeroForOne: true), try Self.pair(reserve: liquidity * UInt256(30), premium: premium)]
            let bounds = try #require(SizingBounds(upper: liquidity * UInt256(4)))
            let sizing = CycleSizer().size(hops, within: bounds)
            let reference = try #require(Reference.ternary(hops, lower: bounds.lower, upper: bounds.upper))
            let profit = try #require(sizing.trade?.profit)
            #expect(profit >= reference.profit - reference.profit / UInt256(1_000_000), "\(sizing.method): \(profit) against \(reference.profit)")
            if let bound = sizing.profitBound { #expect(reference.profit <= bound) }
            if sizing.method == .piecewiseNearOptimal || sizing.method == .piecewiseLocal {
                piecewise += 1
                let bracketed = CycleSizer().size(Hops.withoutMaps(hops), within: bounds)
                #expect(sizing.quoteEvaluations < bracketed.quoteEvaluations)
            }
        }
        #expect(piecewise >= 30)
    }

    @Test("an optimum past the last loaded tick: the answer is the last input the pool prices")
    func optimumAtTheLoadedEnd() throws {
        // Loaded only 300 ticks below the price: the pool refuses a swap that ends further down.
        let pool = try Self.steppedPool(liquidity: UInt256(200_000), positions: 8, loaded: -300...300)
        let hops = [Hops.pool(pool, zeroForOne: true), try Self.pair(reserve: UInt256(3_000_000), premium: 1.2)]
        let bounds = try #require(SizingBounds(upper: UInt256(60_000)))
        let sizing = CycleSizer().size(hops, within: bounds)
        let best = try #require(Reference.bruteForce(hops, over: 1...60_000))
        #expect([.piecewiseNearOptimal, .piecewiseLocal].contains(sizing.method), "\(sizing.method)")
        #expect(sizing.trade?.profit == best.profit)
        // The best input is the last the pool prices.
        #expect(Reference.cycleOut(hops, best.input + .one) == nil)
    }

    @Test("segments that run out before the optimum send the cycle to the bracketed search")
    func segmentsThatRunOut() throws {
        let pool = try Self.steppedPool(liquidity: UInt256(200_000), positions: 8)
        let hops = [Hops.pool(pool, zeroForOne: true), try Self.pair(reserve: UInt256(3_000_000), premium: 1.06)]
        // Only the first two ranges asked for: the optimum lies further.
        let limited = CycleSizer(segmentLimit: 2).size(hops, within: try #require(SizingBounds(upper: UInt256(60_000))))
        #expect(limited.method == .bracketed)
        let best = try #require(Reference.bruteForce(hops, over: 1...60_000))
        #expect(limited.trade.map { $0.profit + UInt256(2) >= best.profit } == true)
    }

    @Test("degenerate segments (empty reserves) send the cycle to the bracketed search, never a trap")
    func degenerateSegments() throws {
        let pool = try Self.steppedPool(liquidity: UInt256(200_000), positions: 8)
        var hops = [Hops.pool(pool, zeroForOne: true), try Self.pair(reserve: UInt256(3_000_000), premium: 1.06)]
        for (reserveIn, reserveOut) in [(UInt256.zero, UInt256(1_000)), (UInt256(1_000), UInt256.zero), (UInt256.zero, UInt256.zero)] {
            hops[0].segments = { _ in
                [SwapSegment(startInput: .zero, startOutput: .zero, curve: SwapCurve(
                    reserveIn: reserveIn, reserveOut: reserveOut, feeMultiplier: UInt256(997), feeDenominator: UInt256(1_000), inputLimit: UInt256(10)))]
            }
            hops[0].map = nil
            let sizing = CycleSizer().size(hops, within: try #require(SizingBounds(upper: UInt256(60_000))))
            #expect([.bracketed, .piecewiseLocal, .piecewiseNearOptimal, .closedFormBelowMinimum].contains(sizing.method))
        }
    }
}
