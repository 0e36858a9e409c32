import BigInt
import Kernel
import Testing
@testable import Engine

/// Closed-form sizing against optima found by trying every input, on real pool math (Uniswap
/// V2 pairs, Uniswap V3 pools) small enough to try them all.
@Suite struct ClosedFormSizingTests {
    /// A sizer that may quote every input the bound leaves open in these small pools.
    static let provingSizer = CycleSizer(exhaustiveWindowLimit: 20_000)

    /// Sizes `hops` over `1 ... upper`, checks it against brute force over the same inputs and
    /// returns the result.
    @discardableResult
    static func checkAgainstBruteForce(_ hops: [SizingHop], upper: UInt64, sizer: CycleSizer = provingSizer) throws -> CycleSizing {
        let bounds = try #require(SizingBounds(upper: UInt256(upper)))
        let sizing = sizer.size(hops, within: bounds)
        let best = Reference.bruteForce(hops, over: 1...upper)
        if sizing.method == .closedFormOptimal {
            #expect(sizing.trade?.amountIn == best?.input)
            #expect(sizing.trade?.profit == best?.profit)
        } else {
            // A local maximum: no more than the optimum, no less than the bound allows.
            let found = sizing.trade?.profit ?? .zero
            #expect(found <= best?.profit ?? .zero)
            if let bound = sizing.profitBound { #expect(best?.profit ?? .zero <= bound) }
        }
        if let trade = sizing.trade {
            #expect(trade.amountsOut.count == hops.count)
            #expect(Reference.cycleOut(hops, trade.amountIn) == trade.amountsOut.last)
            #expect(trade.amountsOut.last == trade.amountIn + trade.profit)
        }
        return sizing
    }

    @Test func twoV2PairsMatchBruteForce() throws {
        // WETH/USDC-like pairs that disagree by 4 % and 7 %, and one pair of unequal depth.
        for (first, second) in [((20_000, 26_000), (26_000, 20_800)), ((9_000, 30_000), (40_000, 12_840)), ((50_000, 50_000), (3_000, 3_200))] {
            let hops = [try Hops.v2(UInt256(UInt64(first.0)), UInt256(UInt64(first.1))),
                        try Hops.v2(UInt256(UInt64(second.0)), UInt256(UInt64(second.1)))]
            let sizing = try Self.checkAgainstBruteForce(hops, upper: UInt64(first.0))
            #expect(sizing.method == .closedFormOptimal)
            #expect(sizing.trade != nil)
        }
    }

    @Test func threeV2PairsMatchBruteForce() throws {
        let hops = [try Hops.v2(UInt256(30_000), UInt256(60_000)),
                    try Hops.v2(UInt256(26_000), UInt256(50_000), zeroForOne: false),
                    try Hops.v2(UInt256(45_000), UInt256(47_000), feeMillionths: 2500)]
        let sizing = try Self.checkAgainstBruteForce(hops, upper: 30_000)
        #expect(sizing.method == .closedFormOptimal)
        #expect(sizing.trade != nil)
    }

    @Test func v3InRangeThenV2MatchesBruteForce() throws {
        // Price 1.05 (token1 per token0) on the V3 pool, 1.0 on the pair: buy token1 on V3.
        let sqrtPrice = UInt256(truncating: 1.0246950766 * 0x1p96)
        for (liquidity, fee) in [(UInt256(40_000), UInt32(3000)), (UInt256(25_000), UInt32(500))] {
            let hops = [try Hops.v3(liquidity: liquidity, sqrtPriceX96: sqrtPrice, fee: fee, zeroForOne: true),
                        try Hops.v2(UInt256(38_000), UInt256(38_000), zeroForOne: false)]
            let sizing = try Self.checkAgainstBruteForce(hops, upper: 20_000)
            #expect(sizing.method == .closedFormOptimal)
            #expect(sizing.trade != nil)
        }
    }

    @Test func theDefaultLimitsLeaveALocalMaximumWithinTheBound() throws {
        let hops = [try Hops.v2(UInt256(20_000), UInt256(26_000)), try Hops.v2(UInt256(26_000), UInt256(20_800))]
        let sizing = try Self.checkAgainstBruteForce(hops, upper: 20_000, sizer: CycleSizer())
        let trade = try #require(sizing.trade)
        // Nothing better one unit either side.
        for neighbour in [trade.amountIn - .one, trade.amountIn + .one] {
            let profit = try #require(Reference.profit(hops, neighbour))
            #expect(profit <= BigInt(Big.of(trade.profit)))
        }
    }

    @Test func aCycleWithoutProfitIsProvenEmptyWithoutQuoting() throws {
        // The same price both ways: fees make every input lose.
        let hops = [try Hops.v2(UInt256(10).power(21), UInt256(10).power(21)), try Hops.v2(UInt256(10).power(21), UInt256(10).power(21))]
        let sizing = CycleSizer().size(hops, within: try #require(SizingBounds(upper: UInt256(10).power(24))))
        #expect(sizing.trade == nil)
        #expect(sizing.method == .closedFormOptimal)
        #expect(sizing.quoteEvaluations == 0)
        #expect(sizing.profitBound == .zero)
    }

    @Test func aMispricingJustAboveTheFeesHasNoIntegerProfit() throws {
        // 0.61 % apart against 0.6 % of fees: K > M, but the best real profit is a fraction of a
        // unit, and the window proves that no integer input makes one.
        let hops = [try Hops.v2(UInt256(1_000_000), UInt256(1_006_100)), try Hops.v2(UInt256(1_000_000), UInt256(1_000_000), zeroForOne: false)]
        let sizing = try Self.checkAgainstBruteForce(hops, upper: 100_000)
        #expect(sizing.trade == nil)
        #expect(sizing.method == .closedFormOptimal)
    }

    @Test func theCapAndTheLowerBoundAreRespected() throws {
        let hops = [try Hops.v2(UInt256(20_000), UInt256(26_000)), try Hops.v2(UInt256(26_000), UInt256(20_800))]
        let whole = try #require(SizingBounds(upper: UInt256(20_000)))
        let unbounded = try #require(Self.provingSizer.size(hops, within: whole).trade)
        // A cap below the optimum: the best input at or below the cap, proven by brute force.
        let cap = unbounded.amountIn / UInt256(2)
        let capped = try Self.checkAgainstBruteForce(hops, upper: try #require(cap.uint64Value))
        #expect(capped.trade.map { $0.amountIn <= cap } == true)
        #expect(capped.method == .closedFormOptimal)
        // A lower bound above the optimum: the smallest allowed input is best.
        let lower = unbounded.amountIn * UInt256(2)
        let floored = Self.provingSizer.size(hops, within: try #require(SizingBounds(lower: lower, upper: UInt256(20_000))))
        let best = Reference.bruteForce(hops, over: try #require(lower.uint64Value)...20_000)
        #expect(floored.trade?.amountIn == best?.input)
        #expect(floored.trade?.profit == best?.profit)
    }

    @Test func aRevertingStartFallsBackToTheBracketedSearch() throws {
        // The second pair's map claims a depth it does not have: its exact quote reverts for the
        // closed form's input (all of the output reserve requested), so the sizer searches below.
        let pair = try Hops.v2(UInt256(20_000), UInt256(26_000))
        let shallow = try Hops.v2(UInt256(300), UInt256(250))
        let deep = try #require(MobiusMap(curve: SwapCurve(reserveIn: UInt256(26_000), reserveOut: UInt256(20_800), feeMultiplier: 997, feeDenominator: 1000, inputLimit: nil)))
        let lying = SizingHop(map: deep) { (amountIn: UInt256) throws(PoolError) -> UInt256 in
            guard amountIn < UInt256(100) else { throw .revert("too deep") }
            return try shallow.quote(amountIn)
        }
        let hops = [pair, lying]
        let sizing = CycleSizer().size(hops, within: try #require(SizingBounds(upper: UInt256(20_000))))
        #expect(sizing.method == .bracketed)
        #expect(sizing.profitBound == nil)
        let best = Reference.bruteForce(hops, over: 1...20_000)
        #expect(sizing.trade?.profit == best?.profit)
    }

    @Test func boundsRefuseAnEmptyOrZeroRange() {
        #expect(SizingBounds(lower: .zero, upper: UInt256(5)) == nil)
        #expect(SizingBounds(lower: UInt256(6), upper: UInt256(5)) == nil)
        #expect(SizingBounds(lower: UInt256(5), upper: UInt256(5)) != nil)
    }
}

extension UInt256 {
    /// `self` to the power `exponent` (trapping on overflow; test values only).
    func power(_ exponent: Int) -> UInt256 {
        (0..<exponent).reduce(UInt256.one) { product, _ in product * self }
    }
}
