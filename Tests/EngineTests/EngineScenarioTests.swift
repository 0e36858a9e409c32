import Engine
import Kernel
import Testing
import UniswapV2

/// The engine end to end on small Uniswap V2 / SushiSwap worlds: a swap in a message moves a
/// pair, the engine finds the cycle it opens, and the size it reports is the best one a brute
/// force over every integer input finds.
@Suite struct EngineScenarioTests {
    typealias W = EngineWorld

    /// Two pairs of WETH/A at one price; a large buy of A on Uniswap opens Sushi → Uniswap.
    static func twoPairs(configuration: EngineConfiguration = W.cheapFees) throws -> (Engine, uni: Address, sushi: Address) {
        let uni = try W.pair("uniswap-v2", W.weth, 10_000_000, W.tokenA, 20_000_000)
        let sushi = try W.pair("sushiswap-v2", W.weth, 10_000_000, W.tokenA, 20_000_000)
        let engine = try Engine(snapshot: Snapshot(block: 100, timestamp: 1_724_815_000, pools: [uni, sushi]), plugins: W.plugins(), configuration: configuration)
        return (engine, uni.pool.address, sushi.pool.address)
    }

    @Test func twoV2PairsReportTheBruteForceOptimum() throws {
        var (engine, uni, sushi) = try Self.twoPairs()
        let message = W.message(7, [W.swap("uniswap-v2", W.weth, W.tokenA, exactIn: 2_000_000)])
        let found = engine.process(message)
        #expect(engine.counters.legsApplied == 1)
        let opportunity = try #require(found.first)
        #expect(found.count == 1)
        // A is now dear on Uniswap: buy it on Sushi, sell it on Uniswap.
        #expect(opportunity.cycle.map(\.pool) == [sushi, uni])
        #expect(opportunity.token == W.weth)
        let best = try #require(try W.bruteForce(engine, [(sushi, W.weth), (uni, W.tokenA)], over: 1...3_000_000))
        W.expectWithinBound(opportunity.grossProfit, best.profit)
        #expect(opportunity.amountOut == opportunity.amountIn + opportunity.grossProfit)
        #expect(opportunity.trigger == message.transactions[0].hash)
        #expect(opportunity.sequenceNumber == 7)
        #expect(opportunity.block == 7 + ArbitrumOne.blockNumberOffset)
        // The hops chain, and the costs add up: 1 wei of base fee per gas, no L1 fee.
        #expect(opportunity.cycle[0].amountIn == opportunity.amountIn)
        #expect(opportunity.cycle[0].amountOut == opportunity.cycle[1].amountIn)
        #expect(opportunity.cycle[1].amountOut == opportunity.amountOut)
        #expect(opportunity.l1Cost == .zero)
        #expect(opportunity.l2Cost == UInt256(opportunity.gasUnits))
        #expect(opportunity.netProfit == opportunity.grossProfit - opportunity.l2Cost)
        #expect(opportunity.netProfitEth == opportunity.netProfit)
    }

    @Test func threeV2PairsReportTheBruteForceOptimum() throws {
        let pools = [
            try W.pair("uniswap-v2", W.weth, 10_000_000, W.tokenA, 10_000_000),
            try W.pair("uniswap-v2", W.tokenA, 10_000_000, W.tokenB, 10_000_000),
            try W.pair("uniswap-v2", W.tokenB, 10_000_000, W.weth, 10_000_000),
        ]
        var engine = try Engine(snapshot: Snapshot(block: 1, timestamp: 0, pools: pools), plugins: W.plugins(), configuration: W.cheapFees)
        let found = engine.process(W.message(2, timestamp: 0, [W.swap("uniswap-v2", W.tokenB, W.tokenA, exactIn: 3_000_000)]))
        let opportunity = try #require(found.first)
        #expect(found.count == 1)
        // Selling B for A made A scarce in the A/B pair: WETH → A → B → WETH.
        let (aWeth, bA, wethB) = (pools[0].pool.address, pools[1].pool.address, pools[2].pool.address)
        #expect(opportunity.cycle.map(\.pool) == [aWeth, bA, wethB])
        let best = try #require(try W.bruteForce(engine, [(aWeth, W.weth), (bA, W.tokenA), (wethB, W.tokenB)], over: 1...3_000_000))
        W.expectWithinBound(opportunity.grossProfit, best.profit)
    }

    @Test func aCycleBelowItsCostIsNotReported() throws {
        // Real fees: 0.01 gwei and the L1 price; a small imbalance in small pools earns less.
        var (engine, _, _) = try Self.twoPairs(configuration: EngineConfiguration())
        let found = engine.process(W.message(1, [W.swap("uniswap-v2", W.weth, W.tokenA, exactIn: 2_000_000)]))
        #expect(found.isEmpty)
        #expect(engine.counters.cyclesSized == 1)
        #expect(engine.counters.belowCost == 1)
        #expect(engine.counters.opportunities == 0)
    }

    @Test func aSwapThatRevertsChangesNothing() throws {
        var (engine, uni, _) = try Self.twoPairs()
        let before = try W.reserves(engine, uni)
        let version = engine.stateVersion
        let quote = try #require(engine.pendingPool(uni)).amountOut(UInt256(2_000_000), from: 1, to: 0)
        let found = engine.process(W.message(1, [W.swap("uniswap-v2", W.weth, W.tokenA, exactIn: 2_000_000, minOut: quote + .one)]))
        #expect(found.isEmpty)
        #expect(engine.counters.legsFailed[.amountOutMin] == 1)
        #expect(engine.counters.legsApplied == 0)
        #expect(try W.reserves(engine, uni) == before)
        #expect(engine.stateVersion == version)
        let expired = engine.process(W.message(2, timestamp: 1_000, [W.swap("uniswap-v2", W.weth, W.tokenA, exactIn: 2_000_000, deadline: 999)]))
        #expect(expired.isEmpty)
        #expect(engine.counters.legsFailed[.deadline] == 1)
        #expect(try W.reserves(engine, uni) == before)
    }

    @Test func theOrderOfTwoSwapsInOneMessageMatters() throws {
        var (engine, uni, _) = try Self.twoPairs()
        // The second swap sells A for WETH with a minimum it only gets after the first swap has
        // made WETH cheap in the pair.
        var pair = try #require(engine.pendingPool(uni) as? UniswapV2Pool)
        let wethIsToken0 = pair.tokens[0] == W.weth
        _ = try pair.swap(exactIn: UInt256(2_000_000), zeroForOne: wethIsToken0)
        let afterFirst = try pair.amountOut(UInt256(1_000_000), zeroForOne: !wethIsToken0)
        _ = try pair.swap(exactIn: UInt256(1_000_000), zeroForOne: !wethIsToken0)
        let first = W.swap("uniswap-v2", W.weth, W.tokenA, exactIn: 2_000_000)
        let second = W.swap("uniswap-v2", W.tokenA, W.weth, exactIn: 1_000_000, minOut: afterFirst)

        var reversed = engine
        _ = engine.process(W.message(1, [first, second]))
        #expect(engine.counters.legsApplied == 2)
        #expect(try W.reserves(engine, uni) == (pair.reserve0, pair.reserve1))
        _ = reversed.process(W.message(1, [second, first]))
        #expect(reversed.counters.legsApplied == 1)
        #expect(reversed.counters.legsFailed[.amountOutMin] == 1)
    }

    @Test func stateCarriesAcrossMessagesAndConfirmDropsIncludedSwaps() throws {
        var (engine, uni, _) = try Self.twoPairs()
        var pair = try #require(engine.pendingPool(uni) as? UniswapV2Pool)
        let wethIsToken0 = pair.tokens[0] == W.weth
        _ = engine.process(W.message(1, [W.swap("uniswap-v2", W.weth, W.tokenA, exactIn: 500_000)]))
        _ = engine.process(W.message(2, [W.swap("uniswap-v2", W.tokenA, W.weth, exactIn: 300_000)]))
        _ = try pair.swap(exactIn: UInt256(500_000), zeroForOne: wethIsToken0)
        let afterBlock1 = pair
        _ = try pair.swap(exactIn: UInt256(300_000), zeroForOne: !wethIsToken0)
        #expect(try W.reserves(engine, uni) == (pair.reserve0, pair.reserve1))

        // The block of message 1 lands with the state the sync read: the first swap is in it,
        // the second is re-applied on top.
        engine.confirm(block: 1 + ArbitrumOne.blockNumberOffset, timestamp: 1_724_815_077, pools: [afterBlock1])
        #expect(try W.reserves(engine, uni) == (pair.reserve0, pair.reserve1))
        #expect(engine.counters.legsApplied == 2)

        // A block whose state differs from the feed's (a transfer the engine could not see)
        // wins: the pending swap is applied to it.
        var corrected = try UniswapV2Pool(
            address: uni, token0: afterBlock1.tokens[0], token1: afterBlock1.tokens[1],
            reserve0: afterBlock1.reserve0 + UInt256(1_000), reserve1: afterBlock1.reserve1)
        engine.confirm(block: 1 + ArbitrumOne.blockNumberOffset, timestamp: 1_724_815_077, pools: [corrected])
        _ = try corrected.swap(exactIn: UInt256(300_000), zeroForOne: !wethIsToken0)
        #expect(try W.reserves(engine, uni) == (corrected.reserve0, corrected.reserve1))

        // Once message 2's block lands too, nothing is pending.
        engine.confirm(block: 2 + ArbitrumOne.blockNumberOffset, timestamp: 1_724_815_078, pools: [corrected])
        #expect(try W.reserves(engine, uni) == (corrected.reserve0, corrected.reserve1))
    }

    @Test func aLegOnAPoolTheEngineDoesNotHoldIsCounted() throws {
        var (engine, _, _) = try Self.twoPairs()
        let found = engine.process(W.message(1, [W.swap("uniswap-v2", W.tokenA, W.tokenB, exactIn: 1_000)]))
        #expect(found.isEmpty)
        #expect(engine.counters.legsOnUnknownPools == 1)
        #expect(engine.counters.legsApplied == 0)
    }

    @Test func theSameFeedGivesTheSameLines() throws {
        func run() throws -> [String] {
            var (engine, _, _) = try Self.twoPairs()
            var lines: [String] = []
            for seq in 1...5 as ClosedRange<UInt64> {
                let legs = [W.swap(seq.isMultiple(of: 2) ? "sushiswap-v2" : "uniswap-v2", W.weth, W.tokenA, exactIn: 300_000 * seq)]
                lines += engine.process(W.message(seq, legs)).map { JSONValue.object($0.json).rendered }
            }
            return lines
        }
        let first = try run()
        #expect(!first.isEmpty)
        #expect(try run() == first)
    }
}
