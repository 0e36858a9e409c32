import Engine
import Kernel
import Testing

/// An aggregator swap whose route the calldata hides moves its pair's pools by amounts the
/// engine cannot know: their cycles are not sized until a block covering it is confirmed (or,
/// with none confirmed, for the unconfirmed window).
@Suite struct UncertainPoolTests {
    typealias W = EngineWorld

    /// Message `sequenceNumber`: the visible swap that opens Sushi → Uniswap on WETH/A, then a
    /// hidden route from `tokenIn` to `tokenOut`.
    static func message(_ sequenceNumber: UInt64, hiddenFrom tokenIn: Address?, to tokenOut: Address?) -> SwapMessage {
        var message = W.message(sequenceNumber, [W.swap("uniswap-v2", W.weth, W.tokenA, exactIn: 2_000_000)])
        let route = UnknownRoute(aggregator: "1inch", tokenIn: tokenIn, tokenOut: tokenOut, amountIn: UInt256(5_000), minAmountOut: nil)
        message.transactions.append(SwapTransaction(hash: W.hash(sequenceNumber * 100 + 99), legs: [], unknownRoutes: [route]))
        return message
    }

    @Test func aHiddenRouteOnThePairHoldsItsCyclesUntilItsBlockIsConfirmed() throws {
        var (engine, _, _) = try EngineScenarioTests.twoPairs()
        // Native ETH as aggregators write it stands for WETH's pools.
        let found = engine.process(Self.message(7, hiddenFrom: ArbitrumOne.nativeETHPlaceholder, to: W.tokenA))
        #expect(found.isEmpty)
        #expect(engine.counters.cyclesUncertain == 1)
        #expect(engine.counters.cyclesSized == 0)

        // A block before the message's leaves the pools uncertain.
        engine.confirm(block: 6 + ArbitrumOne.blockNumberOffset, timestamp: 1_724_815_070, pools: [])
        #expect(engine.process(W.message(8, [W.swap("uniswap-v2", W.weth, W.tokenA, exactIn: 10)])).isEmpty)
        #expect(engine.counters.cyclesUncertain == 2)

        // The message's block confirmed (its swaps with it): the next swap's cycle is sized again.
        engine.confirm(block: 8 + ArbitrumOne.blockNumberOffset, timestamp: 1_724_815_080, pools: [])
        let after = engine.process(W.message(9, [W.swap("uniswap-v2", W.weth, W.tokenA, exactIn: 2_000_000)]))
        #expect(after.count == 1)
        #expect(engine.counters.cyclesUncertain == 2)
    }

    /// With no block confirmed (a run on a snapshot alone), the pools are released once their
    /// mark is more than the unconfirmed window old, as the feed's transactions are forgotten.
    @Test func withoutConfirmationsTheHoldExpiresAfterTheUnconfirmedWindow() throws {
        var configuration = W.cheapFees
        configuration.unconfirmedWindowBlocks = 10
        var (engine, _, _) = try EngineScenarioTests.twoPairs(configuration: configuration)
        #expect(engine.process(Self.message(7, hiddenFrom: W.weth, to: W.tokenA)).isEmpty)
        #expect(engine.counters.cyclesUncertain == 1)
        // Ten blocks later the mark is one window old: still held.
        #expect(engine.process(W.message(17, [W.swap("uniswap-v2", W.weth, W.tokenA, exactIn: 10)])).isEmpty)
        #expect(engine.counters.cyclesUncertain == 2)
        // Past the window: the swap's cycle is sized and found again.
        let after = engine.process(W.message(18, [W.swap("uniswap-v2", W.weth, W.tokenA, exactIn: 2_000_000)]))
        #expect(after.count == 1)
        #expect(engine.counters.cyclesUncertain == 2)
    }

    @Test func aHiddenRouteElsewhereOrWithoutItsPairChangesNothing() throws {
        for (tokenIn, tokenOut) in [(W.tokenB, W.tokenA), (nil, W.tokenA), (W.weth, nil)] as [(Address?, Address?)] {
            var (engine, _, _) = try EngineScenarioTests.twoPairs()
            let found = engine.process(Self.message(7, hiddenFrom: tokenIn, to: tokenOut))
            #expect(found.count == 1)
            #expect(engine.counters.cyclesUncertain == 0)
        }
    }
}
