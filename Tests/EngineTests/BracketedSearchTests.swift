import BigInt
import Curve
import Kernel
import Testing
@testable import Engine

/// The bracketed (Brent) search for cycles without a closed form: its budget, brute-force optima
/// on non-Möbius profits, and its precision on deep pools against the closed form's bound.
@Suite struct BracketedSearchTests {
    /// A Curve StableSwap pool of two 18-decimal coins with these balances (A = 200, fee 4 bp),
    /// as a hop from coin `from` to the other.
    static func curve(_ balance0: UInt256, _ balance1: UInt256, from: Int) throws -> SizingHop {
        let rate = UInt256(10).power(18)
        let pool = try CurveStableSwapPool(
            address: .zero, coins: [.zero, .zero], variant: .stableswap, amplification: UInt256(20_000),
            fee: UInt256(4_000_000), adminFee: UInt256(5_000_000_000), rates: [rate, rate], balances: [balance0, balance1])
        return SizingHop(map: nil) { (amountIn: UInt256) throws(PoolError) -> UInt256 in
            try pool.quote(amountIn, from: from, to: 1 - from)
        }
    }

    @Test func aV2PairAndACurvePoolMatchBruteForce() throws {
        // The pair pays 1.06 of coin 1 per coin 0; the Curve pool swaps back near par.
        let hops = [try Hops.v2(UInt256(20_000), UInt256(21_200)), try Self.curve(UInt256(400_000), UInt256(400_000), from: 1)]
        let sizing = CycleSizer().size(hops, within: try #require(SizingBounds(upper: UInt256(20_000))))
        #expect(sizing.method == .bracketed)
        #expect(sizing.quoteEvaluations <= BracketedSearch.maxEvaluations)
        let best = try #require(Reference.bruteForce(hops, over: 1...20_000))
        let trade = try #require(sizing.trade)
        #expect(trade.profit == best.profit)
        #expect(Reference.cycleOut(hops, trade.amountIn) == trade.amountsOut.last)
    }

    @Test func aRoundedConcaveProfitReachesItsKnownOptimum() throws {
        // One hop paying floor(2·sqrt(S·x)): the exact profit floor(2·sqrt(S·x)) − x is at most
        // S (since 2·sqrt(S·x) <= S + x), and only x = S reaches it; S − 1 holds on either side
        // for about sqrt(S) inputs, so a search may stop one unit short. Known without a search,
        // at any scale: within 10^-6 of it (or the one unit, for a small S).
        for scale in [UInt256(50_000), UInt256(10).power(18), UInt256(10).power(24) + UInt256(12_345)] {
            let hop = SizingHop(map: nil) { (amountIn: UInt256) throws(PoolError) -> UInt256 in
                ProductSquareRoot.floor(amountIn, scale << 2)
            }
            for upper in [scale << 2, scale * UInt256(1000), UInt256(10).power(30)] {
                let sizing = CycleSizer().size([hop], within: try #require(SizingBounds(upper: upper)))
                #expect(sizing.quoteEvaluations <= BracketedSearch.maxEvaluations)
                let trade = try #require(sizing.trade)
                #expect(trade.profit <= scale)
                #expect(scale - trade.profit <= max(.one, scale / UInt256(1_000_000)), "S = \(scale), upper \(upper): profit \(trade.profit) at \(trade.amountIn)")
            }
        }
        // Over a bracket narrower than the budget every input is quoted: the optimum exactly.
        let hop = SizingHop(map: nil) { (amountIn: UInt256) throws(PoolError) -> UInt256 in ProductSquareRoot.floor(amountIn, UInt256(400)) }
        let small = CycleSizer().size([hop], within: try #require(SizingBounds(lower: UInt256(80), upper: UInt256(119))))
        #expect(small.trade?.amountIn == UInt256(100))
        #expect(small.trade?.profit == UInt256(100))
        #expect(small.quoteEvaluations == 40)
    }

    @Test func revertsAboveSomeSizeOnlyShrinkTheBracket() throws {
        let pair = try Hops.v2(UInt256(20_000), UInt256(21_200))
        let back = try Hops.v2(UInt256(20_000), UInt256(20_000))
        let limited = SizingHop(map: nil) { (amountIn: UInt256) throws(PoolError) -> UInt256 in
            guard amountIn <= UInt256(3_000) else { throw .revert("limit") }
            return try back.quote(amountIn)
        }
        let hops = [pair, limited]
        let sizing = CycleSizer().size(hops, within: try #require(SizingBounds(upper: UInt256(20_000))))
        let best = try #require(Reference.bruteForce(hops, over: 1...20_000))
        #expect(sizing.trade?.profit == best.profit)
    }

    @Test func anUnprofitableCycleGivesNoTrade() throws {
        let hops = [try Hops.v2(UInt256(20_000), UInt256(20_000)), try Self.curve(UInt256(400_000), UInt256(400_000), from: 1)]
        let sizing = CycleSizer().size(hops, within: try #require(SizingBounds(upper: UInt256(20_000))))
        #expect(sizing.trade == nil)
        #expect(sizing.quoteEvaluations <= BracketedSearch.maxEvaluations)
    }

    /// Deep random cycles sized by the bracketed search (maps withheld) against the closed
    /// form's bound on the same pools, which no integer input's exact profit exceeds: the
    /// relative shortfall from the true optimum is below 10^-6, in fewer quotes on average than
    /// golden-section steps alone take.
    @Test func deepCyclesAreWithinAMillionthOfTheOptimum() throws {
        var random = SplitMix64(seed: 21)
        var checked = 0
        var worst = 0.0
        var quotes = 0
        for round in 0..<200 {
            let hops = try RandomCycles.make(&random, kinds: round % 2 == 0 ? [.v2, .v2] : [.v3, .v2, .v2])
            let bounds = try #require(SizingBounds(upper: hops.firstReserve))
            guard let bound = CycleSizer().size(hops.hops, within: bounds).profitBound, bound > UInt256(10).power(9) else { continue }
            let sizing = CycleSizer().size(Hops.withoutMaps(hops.hops), within: bounds)
            #expect(sizing.method == .bracketed)
            #expect(sizing.quoteEvaluations <= BracketedSearch.maxEvaluations)
            let trade = try #require(sizing.trade)
            let shortfall = Double(Big.of(bound - trade.profit)) / Double(Big.of(bound))
            worst = max(worst, shortfall)
            quotes += sizing.quoteEvaluations
            #expect(shortfall < 1e-6, "round \(round): profit \(trade.profit) against bound \(bound)")
            checked += 1
        }
        #expect(checked > 100)
        // The parabolic steps earn their keep on smooth profits: golden-section steps alone spent
        // the whole budget on these cycles (6,680 quotes for 167, 2026-12-07), Brent's 3,671.
        #expect(quotes * 10 < checked * BracketedSearch.maxEvaluations * 7, "\(quotes) quotes for \(checked) cycles")
        print("bracketed search: worst relative shortfall from the bound over \(checked) deep cycles: \(worst), \(quotes) quotes")
    }
}
