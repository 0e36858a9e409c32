import Camelot
import Curve
import Engine
import Kernel
import Testing
import UniswapV2
import UniswapV3

/// The engine on cycles whose hops are of different families: a V3 hop that crosses ticks, a
/// Curve StableSwap hop, a Camelot stable pair. The reference optimum is found without the
/// engine's method: a grid over the inputs, then every integer around the grid's best.
@Suite struct MixedFamilyScenarioTests {
    typealias W = EngineWorld
    static let a = W.tokenA
    static let weth = W.weth

    /// A plugin of `type` for an entry named `name`, on a made-up factory (pools here are called
    /// by address, so nothing is derived).
    static func plugin<P: DEXPlugin>(_ type: P.Type, _ name: String, fees: [UInt32] = [], pools: [DEXEntry.Pool] = []) throws -> any DEXPlugin {
        try P(entry: DEXEntry(
            name: name, plugin: P.name, enabled: true, routers: [],
            factories: [DEXEntry.Factory(address: testAddress(0xFAC), initCodeHash: Keccak256.hash(Array("test".utf8)))],
            fees: fees, pools: pools))
    }

    static func plugins() throws -> [String: any DEXPlugin] {
        var plugins = try W.plugins()
        plugins["uniswap-v3"] = try plugin(UniswapV3Plugin.self, "uniswap-v3", fees: [500, 3000])
        plugins["camelot-v2"] = try plugin(CamelotV2Plugin.self, "camelot-v2")
        plugins["curve"] = try plugin(CurvePlugin.self, "curve")
        return plugins
    }

    /// A V3 WETH/A pool at price 1 (tick 0): 10^9 of liquidity over ticks −600 … 600 and
    /// 5·10^8 more over −6000 … 6000.
    static func v3Pool(fee: UInt32 = 3000) throws -> SnapshotPool {
        let ticks = try TickTable([
            .init(tick: -6000, liquidityNet: Int256(500_000_000)), .init(tick: -600, liquidityNet: Int256(1_000_000_000)),
            .init(tick: 600, liquidityNet: -Int256(1_000_000_000)), .init(tick: 6000, liquidityNet: -Int256(500_000_000)),
        ])
        let (token0, token1) = a < weth ? (a, weth) : (weth, a)
        let pool = try UniswapV3Pool(
            address: testAddress(0x3333), token0: token0, token1: token1, fee: fee, tickSpacing: 60,
            sqrtPriceX96: UInt256.one << 96, tick: 0, liquidity: UInt256(1_500_000_000), ticks: ticks)
        return SnapshotPool(dex: "uniswap-v3", pool: pool)
    }

    /// A direct call swapping `amount` of `tokenIn` in the two-coin pool `pool`.
    static func directSwap(_ dex: String, _ pool: any PricingPool, _ tokenIn: Address, _ amount: UInt64) -> SwapLeg {
        let zeroForOne = pool.tokens[0] == tokenIn
        return SwapLeg(dex: dex, hops: [SwapHop(tokenIn: tokenIn, tokenOut: nil, pool: .pool(pool.address, zeroForOne: zeroForOne))],
                       amount: .exactIn(UInt256(amount)), limit: nil, recipient: nil, deadline: nil)
    }

    /// The reference optimum over `1 ... upper` of the cycle `hops` on the engine's pending
    /// pools: a grid of `step`, then every input within a step of the grid's best.
    static func reference(_ engine: Engine, _ hops: [(pool: Address, tokenIn: Address, tokenOut: Address)], upper: UInt64, step: UInt64) throws -> UInt256 {
        var pools: [(pool: any PricingPool, from: Int, to: Int)] = []
        for hop in hops {
            let pool = try #require(engine.pendingPool(hop.pool))
            pools.append((pool, try #require(pool.tokens.firstIndex(of: hop.tokenIn)), try #require(pool.tokens.firstIndex(of: hop.tokenOut))))
        }
        func profit(_ x: UInt64) -> UInt256 {
            var amount = UInt256(x)
            for hop in pools {
                guard let out = try? hop.pool.amountOut(amount, from: hop.from, to: hop.to) else { return .zero }
                amount = out
            }
            return amount > UInt256(x) ? amount - UInt256(x) : .zero
        }
        var best = (input: UInt64(0), profit: UInt256.zero)
        for x in stride(from: step, through: upper, by: Int(step)) where profit(x) > best.profit { best = (x, profit(x)) }
        for x in max(1, best.input - min(best.input, step))...(best.input + step) where profit(x) > best.profit { best = (x, profit(x)) }
        return best.profit
    }

    /// The reported profit is the reference's within 10^-6 (it may be better: the reference's
    /// window can miss a sawtooth peak) and the hops' forward quotes reproduce it to the wei.
    static func expectNearOptimal(_ opportunity: Opportunity, _ engine: Engine, reference: UInt256) throws {
        let tolerance = reference / UInt256(1_000_000)
        #expect(opportunity.grossProfit + tolerance >= reference, "profit \(opportunity.grossProfit) vs reference \(reference)")
        var amount = opportunity.amountIn
        for hop in opportunity.cycle {
            let pool = try #require(engine.pendingPool(hop.pool))
            let from = try #require(pool.tokens.firstIndex(of: hop.tokenIn))
            let to = try #require(pool.tokens.firstIndex(of: hop.tokenOut))
            amount = try pool.amountOut(amount, from: from, to: to)
            #expect(amount == hop.amountOut)
        }
        #expect(amount == opportunity.amountOut)
    }

    @Test func v3CrossingTicksThenV2() throws {
        let v3 = try Self.v3Pool()
        let v2 = try W.pair("uniswap-v2", Self.weth, 1_000_000_000, Self.a, 1_000_000_000)
        var engine = try Engine(snapshot: Snapshot(block: 1, timestamp: 0, pools: [v3, v2]), plugins: Self.plugins(), configuration: W.cheapFees)
        // Buying A on the pair makes it dear there: WETH → V3 → A → V2 → WETH.
        let found = engine.process(W.message(2, timestamp: 0, [Self.directSwap("uniswap-v2", v2.pool, Self.weth, 300_000_000)]))
        let opportunity = try #require(found.first)
        #expect(opportunity.cycle.map(\.pool) == [v3.pool.address, v2.pool.address])
        let reference = try Self.reference(
            engine, [(v3.pool.address, Self.weth, Self.a), (v2.pool.address, Self.a, Self.weth)], upper: 400_000_000, step: 20_000)
        try Self.expectNearOptimal(opportunity, engine, reference: reference)
        // The optimum takes the V3 pool past its inner range: a tick is crossed.
        var after = try #require(engine.pendingPool(v3.pool.address) as? UniswapV3Pool)
        _ = try after.swap(opportunity.amountIn, from: after.tokens.firstIndex(of: Self.weth) ?? 0, to: after.tokens.firstIndex(of: Self.a) ?? 1)
        #expect(abs(after.tick) > 600)
    }

    @Test func curveThenV3() throws {
        let (coin0, coin1) = Self.a < Self.weth ? (Self.a, Self.weth) : (Self.weth, Self.a)
        let curve = try CurveStableSwapPool(
            address: testAddress(0xC0C0), coins: [coin0, coin1], variant: .stableswap, amplification: UInt256(20_000),
            fee: UInt256(4_000_000), adminFee: UInt256(5_000_000_000),
            rates: [UInt256(1_000_000_000_000_000_000), UInt256(1_000_000_000_000_000_000)], balances: [UInt256(1_000_000_000), UInt256(1_000_000_000)])
        let v3 = try Self.v3Pool(fee: 500)
        var engine = try Engine(
            snapshot: Snapshot(block: 1, timestamp: 0, pools: [SnapshotPool(dex: "curve", pool: curve), v3]),
            plugins: Self.plugins(), configuration: W.cheapFees)
        // Selling A into Curve makes it cheap there: WETH → Curve → A → V3 → WETH.
        let i = curve.tokens.firstIndex(of: Self.a) ?? 0
        let dump = SwapLeg(dex: "curve", hops: [SwapHop(tokenIn: Self.a, tokenOut: Self.weth, pool: .coins(curve.address, i: i, j: 1 - i))],
                           amount: .exactIn(UInt256(700_000_000)), limit: nil, recipient: nil, deadline: nil)
        let found = engine.process(W.message(2, timestamp: 0, [dump]))
        let opportunity = try #require(found.first)
        #expect(opportunity.cycle.map(\.pool) == [curve.address, v3.pool.address])
        let reference = try Self.reference(
            engine, [(curve.address, Self.weth, Self.a), (v3.pool.address, Self.a, Self.weth)], upper: 600_000_000, step: 30_000)
        try Self.expectNearOptimal(opportunity, engine, reference: reference)
    }

    @Test func camelotStableThenV2() throws {
        let (token0, token1) = Self.a < Self.weth ? (Self.a, Self.weth) : (Self.weth, Self.a)
        let stable = try CamelotV2Pool(
            address: testAddress(0xCA11), token0: token0, token1: token1, reserve0: UInt256(1_000_000_000), reserve1: UInt256(1_000_000_000),
            token0FeePercent: 40, token1FeePercent: 40, stableSwap: true, decimals0: 6, decimals1: 6)
        let v2 = try W.pair("uniswap-v2", Self.weth, 1_000_000_000, Self.a, 1_000_000_000)
        var engine = try Engine(
            snapshot: Snapshot(block: 1, timestamp: 0, pools: [SnapshotPool(dex: "camelot-v2", pool: stable), v2]),
            plugins: Self.plugins(), configuration: W.cheapFees)
        // (6-decimal tokens: the stable invariant x³y + xy³ over 10^18 units rounds to nothing at
        // these reserves.) Selling A into the stable pair makes it cheap there: WETH → Camelot → A → V2 → WETH.
        let found = engine.process(W.message(2, timestamp: 0, [Self.directSwap("camelot-v2", stable, Self.a, 800_000_000)]))
        let opportunity = try #require(found.first)
        #expect(opportunity.cycle.map(\.pool) == [stable.address, v2.pool.address])
        let reference = try Self.reference(
            engine, [(stable.address, Self.weth, Self.a), (v2.pool.address, Self.a, Self.weth)], upper: 700_000_000, step: 30_000)
        try Self.expectNearOptimal(opportunity, engine, reference: reference)
    }
}
