import BigInt
import Kernel
import Testing
@testable import Engine

/// Closed-form sizing on random deep cycles of real pool math: the sized input beats its
/// neighbours, and quoting the cycle forward reproduces every amount to the wei.
@Suite struct RandomCycleTests {
    static let shapes: [[RandomCycles.Kind]] = [[.v2, .v2], [.v2, .v2, .v2], [.v3, .v2], [.v3, .v2, .v2]]

    @Test func sizedInputsBeatTheirNeighboursAndReplayExactly() throws {
        var random = SplitMix64(seed: 31)
        var traded = 0, empty = 0, nearOptimal = 0
        var widestGap = UInt256.zero
        for round in 0..<400 {
            let cycle = try RandomCycles.make(&random, kinds: Self.shapes[round % Self.shapes.count])
            let bounds = try #require(SizingBounds(upper: cycle.firstReserve))
            let sizing = CycleSizer().size(cycle.hops, within: bounds)
            #expect(sizing.method != .bracketed)
            guard let trade = sizing.trade else {
                empty += 1
                // No trade: a spread of inputs all fail to profit.
                for shift in [8, 12, 16, 20] {
                    let input = cycle.firstReserve >> shift
                    if !input.isZero, let profit = Reference.profit(cycle.hops, input) { #expect(profit <= 0) }
                }
                continue
            }
            traded += 1
            // Forward: each hop's quote gives the recorded amount.
            var amount = trade.amountIn
            for (hop, recorded) in zip(cycle.hops, trade.amountsOut) {
                amount = try hop.quote(amount)
                #expect(amount == recorded)
            }
            #expect(amount == trade.amountIn + trade.profit)
            // Neighbours: one wei, 0.1 % and 1 % either side.
            let profit = BigInt(Big.of(trade.profit))
            for step in [UInt256.one, trade.amountIn / UInt256(1000), trade.amountIn / UInt256(100)] where !step.isZero {
                for neighbour in [trade.amountIn + step, trade.amountIn >= step + .one ? trade.amountIn - step : nil].compactMap({ $0 }) {
                    if let other = Reference.profit(cycle.hops, neighbour) {
                        #expect(other <= profit, "round \(round): \(neighbour) beats \(trade.amountIn) \(sizing.method) \(sizing.quoteEvaluations)")
                    }
                }
            }
            let bound = try #require(sizing.profitBound)
            #expect(trade.profit <= bound)
            if sizing.method == .closedFormNearOptimal {
                // Stopped early: the bound itself shows the answer within 10^-6 of the optimum.
                #expect(bound - trade.profit <= trade.profit / UInt256(1_000_000))
                nearOptimal += 1
            }
            widestGap = max(widestGap, bound - trade.profit)
        }
        #expect(traded > 200)
        #expect(empty > 10)
        #expect(nearOptimal > 0)
        print("closed form on \(traded) random cycles (\(nearOptimal) stopped near the optimum): widest gap between profit and bound \(widestGap)")
    }

    /// Cycles of pairs settled in floating point (`CycleSizer.sizePairs`) answer as the exact
    /// 512-bit closed form does on the same cycle with the pairs' prepared quotes removed:
    /// profits within 10^-6 of each other, each within its own bound.
    @Test func pairsSettledInFloatingPointMatchTheExactClosedForm() throws {
        var random = SplitMix64(seed: 37)
        var compared = 0, floating = 0
        for round in 0..<300 {
            let cycle = try RandomCycles.make(&random, kinds: round % 2 == 0 ? [.v2, .v2] : [.v2, .v2, .v2])
            let bounds = try #require(SizingBounds(upper: cycle.firstReserve))
            let fast = CycleSizer().size(cycle.hops, within: bounds)
            let exact = CycleSizer().size(cycle.hops.map { hop in
                var quotedThroughThePool = hop
                quotedThroughThePool.exactQuote = nil
                return quotedThroughThePool
            }, within: bounds)
            #expect((fast.trade == nil) == (exact.trade == nil), "round \(round)")
            guard let fastTrade = fast.trade, let exactTrade = exact.trade else { continue }
            compared += 1
            // Only the floating-point path reports the floating bound (a little above the exact).
            if fast.profitBound != exact.profitBound { floating += 1 }
            let (high, low) = (max(fastTrade.profit, exactTrade.profit), min(fastTrade.profit, exactTrade.profit))
            #expect(high - low <= high / UInt256(1_000_000), "round \(round): \(fastTrade.profit) against \(exactTrade.profit)")
            #expect(fastTrade.profit <= (fast.profitBound ?? .zero) && exactTrade.profit <= (exact.profitBound ?? .zero))
        }
        #expect(compared > 100)
        #expect(floating > compared / 2)
        print("pairs in floating point: \(compared) cycles compared with the exact closed form, \(floating) settled in floating point")
    }
}
