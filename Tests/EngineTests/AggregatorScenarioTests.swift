import Engine
import Kernel
import Testing

/// Aggregator legs in the engine: a route decoded from an aggregator's calldata names its pools
/// by address, and often only the first hop's token in (KyberSwap's executor hops). The engine
/// follows the route through the pools' own tokens, moves the pools as a router leg through the
/// same pools would, and finds the arbitrage the swap opens.
@Suite struct AggregatorScenarioTests {
    typealias W = EngineWorld

    /// WETH/A, A/B and B/WETH at one price, and an engine over them.
    static func world() throws -> (Engine, aWeth: Address, bA: Address, wethB: Address) {
        let pools = [
            try W.pair("uniswap-v2", W.weth, 10_000_000, W.tokenA, 10_000_000),
            try W.pair("uniswap-v2", W.tokenA, 10_000_000, W.tokenB, 10_000_000),
            try W.pair("uniswap-v2", W.tokenB, 10_000_000, W.weth, 10_000_000),
        ]
        let engine = try Engine(snapshot: Snapshot(block: 1, timestamp: 0, pools: pools), plugins: W.plugins(), configuration: W.cheapFees)
        return (engine, pools[0].pool.address, pools[1].pool.address, pools[2].pool.address)
    }

    @Test func anAggregatorRouteByPoolAddressesOpensTheArbitrage() throws {
        var (aggregated, aWeth, bA, wethB) = try Self.world()
        var (routed, _, _, _) = try Self.world()
        // B → A → WETH: the aggregator names the pools, the first hop's token in and the last
        // hop's token out; the router leg names every token.
        let aggregator = SwapLeg(
            dex: "kyberswap",
            hops: [SwapHop(tokenIn: W.tokenB, tokenOut: nil, pool: .address(bA)), SwapHop(tokenIn: nil, tokenOut: W.weth, pool: .address(aWeth))],
            amount: .exactIn(3_000_000), limit: nil, recipient: nil, deadline: nil)
        let router = SwapLeg(
            dex: "uniswap-v2",
            hops: [SwapHop(tokenIn: W.tokenB, tokenOut: W.tokenA, pool: .byTokens(fee: nil)), SwapHop(tokenIn: W.tokenA, tokenOut: W.weth, pool: .byTokens(fee: nil))],
            amount: .exactIn(3_000_000), limit: nil, recipient: nil, deadline: nil)
        let found = aggregated.process(W.message(2, timestamp: 0, [aggregator]))
        let expected = routed.process(W.message(2, timestamp: 0, [router]))
        #expect(aggregated.counters.legsApplied == 1)
        for pool in [aWeth, bA, wethB] {
            #expect(try W.reserves(aggregated, pool) == W.reserves(routed, pool))
        }
        let opportunity = try #require(found.first)
        #expect(found.map { $0.cycle.map(\.pool) } == expected.map { $0.cycle.map(\.pool) })
        // WETH is now scarce in WETH/A and B cheap in A/B: the cycle runs through B/WETH first.
        let best = try #require(try W.bruteForce(aggregated, opportunity.cycle.map { ($0.pool, $0.tokenIn) }, over: 1...3_000_000))
        W.expectWithinBound(opportunity.grossProfit, best.profit)
    }

    /// A hop by address whose token in the pool does not hold is not applied: the leg fails as
    /// one through an unknown pool, and nothing moves.
    @Test func aRouteThroughTheWrongTokenIsNotApplied() throws {
        var (engine, aWeth, bA, _) = try Self.world()
        let before = try W.reserves(engine, bA)
        let leg = SwapLeg(
            dex: "kyberswap",
            hops: [SwapHop(tokenIn: W.weth, tokenOut: nil, pool: .address(bA)), SwapHop(tokenIn: nil, tokenOut: nil, pool: .address(aWeth))],
            amount: .exactIn(3_000_000), limit: nil, recipient: nil, deadline: nil)
        #expect(engine.process(W.message(2, timestamp: 0, [leg])).isEmpty)
        #expect(engine.counters.legsApplied == 0)
        #expect(try W.reserves(engine, bA) == before)
    }
}
