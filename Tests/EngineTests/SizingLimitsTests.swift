import BigInt
import Kernel
import Testing
@testable import Engine

/// Where the closed form is not trusted (its optimum past a hop's `inputLimit`) and where it
/// answers without a quote (its bound at most the minimum asked for), against brute force.
@Suite struct SizingLimitsTests {
    /// Two pairs 4 % apart: the closed-form optimum is near 1,000 of token 0. Without segments:
    /// a limit the tests put on a map leaves nothing known past it.
    static func pairs() throws -> [SizingHop] {
        [try Hops.v2(UInt256(20_000), UInt256(26_000)), try Hops.v2(UInt256(26_000), UInt256(20_800))].map { hop in
            var limited = hop
            limited.segments = nil
            return limited
        }
    }

    @Test func anOptimumPastAHopsLimitIsSizedOnTheExactQuotes() throws {
        var hops = try Self.pairs()
        let free = CycleSizer().size(hops, within: try #require(SizingBounds(upper: UInt256(20_000))))
        let freeTrade = try #require(free.trade)
        // The second hop's map said to hold only below what the optimum sends into it.
        hops[1].inputLimit = freeTrade.amountsOut[0] / UInt256(2)
        let sizing = CycleSizer().size(hops, within: try #require(SizingBounds(upper: UInt256(20_000))))
        #expect(sizing.method == .bracketed)
        #expect(sizing.profitBound == nil)
        let best = try #require(Reference.bruteForce(hops, over: 1...20_000))
        #expect(sizing.trade?.profit == best.profit)
    }

    @Test func aLimitBeyondTheOptimumChangesNothing() throws {
        var hops = try Self.pairs()
        let bounds = try #require(SizingBounds(upper: UInt256(20_000)))
        let free = CycleSizer().size(hops, within: bounds)
        hops[0].inputLimit = UInt256(15_000)
        hops[1].inputLimit = UInt256(15_000)
        #expect(CycleSizer().size(hops, within: bounds) == free)
    }

    @Test func aBoundAtMostTheMinimumIsAnsweredWithoutAQuote() throws {
        let hops = try Self.pairs()
        let bounds = try #require(SizingBounds(upper: UInt256(20_000)))
        let bound = try #require(CycleSizer().size(hops, within: bounds).profitBound)
        let best = try #require(Reference.bruteForce(hops, over: 1...20_000))
        #expect(best.profit <= bound)

        let below = CycleSizer().size(hops, within: bounds, minimumProfit: bound)
        #expect(below.method == .closedFormBelowMinimum)
        #expect(below.trade == nil)
        #expect(below.quoteEvaluations == 0)
        #expect(below.profitBound == bound)

        // One unit under the bound, the cycle is sized as without a minimum.
        let sized = CycleSizer().size(hops, within: bounds, minimumProfit: bound - .one)
        #expect(sized == CycleSizer().size(hops, within: bounds))
        #expect(sized.trade != nil)
    }

    @Test func aBoundPastALimitIsNotTrustedToSkip() throws {
        var hops = try Self.pairs()
        let bounds = try #require(SizingBounds(upper: UInt256(20_000)))
        let free = CycleSizer().size(hops, within: bounds)
        let bound = try #require(free.profitBound)
        hops[0].inputLimit = try #require(free.trade?.amountIn) / UInt256(2)
        // The map does not describe the pool at its optimum, so its bound proves nothing there.
        let sizing = CycleSizer().size(hops, within: bounds, minimumProfit: bound)
        #expect(sizing.method == .bracketed)
        #expect(sizing.quoteEvaluations > 0)
    }
}
