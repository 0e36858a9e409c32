import Engine
import Kernel
import Testing
import UniswapV2

/// What the executor asks of the engine: the hops in the executor's terms, the re-quote on the
/// newest pending state, and a bounded memory of unconfirmed feed transactions.
@Suite struct EngineExecutionHooksTests {
    typealias W = EngineWorld

    @Test func anOpportunityCarriesItsExecutorHopsAndRequotesToItsOwnOutput() throws {
        var (engine, uni, sushi) = try EngineScenarioTests.twoPairs()
        let opportunity = try #require(engine.process(W.message(7, [W.swap("uniswap-v2", W.weth, W.tokenA, exactIn: 2_000_000)])).first)
        #expect(opportunity.executorHops.map(\.pool) == [sushi, uni])
        #expect(opportunity.executorHops.allSatisfy { $0.kind == .uniswapV2 })
        for (hop, step) in zip(opportunity.executorHops, opportunity.cycle) {
            let pool = try #require(engine.pendingPool(hop.pool))
            #expect(pool.tokens[Int(hop.tokenIn)] == step.tokenIn)
            #expect(pool.tokens[Int(hop.tokenOut)] == step.tokenOut)
        }
        // On the state it was found on, the re-quote is the reported output to the wei.
        #expect(engine.requote(opportunity) == opportunity.amountOut)
        // A later swap through the cycle's first pool moves it.
        _ = engine.process(W.message(8, [W.swap("sushiswap-v2", W.weth, W.tokenA, exactIn: 1_000_000)]))
        let moved = try #require(engine.requote(opportunity))
        #expect(moved < opportunity.amountOut)
    }

    @Test func unconfirmedTransactionsAreForgottenBeyondTheWindowWithoutChangingTheState() throws {
        var configuration = W.cheapFees
        configuration.unconfirmedWindowBlocks = 10
        var (engine, uni, _) = try EngineScenarioTests.twoPairs(configuration: configuration)
        var pair = try #require(engine.pendingPool(uni) as? UniswapV2Pool)
        let wethIsToken0 = pair.tokens[0] == W.weth
        for sequence in UInt64(1)...UInt64(60) {
            let buy = sequence % 2 == 0
            _ = engine.process(W.message(sequence, [W.swap("uniswap-v2", buy ? W.weth : W.tokenA, buy ? W.tokenA : W.weth, exactIn: 1_000)]))
            _ = try pair.swap(exactIn: UInt256(1_000), zeroForOne: buy == wethIsToken0)
            // Never more than two windows' worth is held.
            #expect(engine.unconfirmedCount <= 21)
        }
        #expect(engine.unconfirmedCount >= 10)
        #expect(try W.reserves(engine, uni) == (pair.reserve0, pair.reserve1))
    }
}
