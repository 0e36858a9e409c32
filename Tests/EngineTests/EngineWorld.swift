import Engine
import Kernel
import Testing
import UniswapV2

/// A small world for engine scenarios: the real Uniswap V2 and SushiSwap plugins (their real
/// factories derive the pair addresses), pairs made on them, and legs as the routers' decoders
/// give them.
enum EngineWorld {
    static let weth = ArbitrumOne.wrappedNativeToken
    /// Made-up tokens (their addresses sort below WETH's).
    static let tokenA = testAddress(0xA)
    static let tokenB = testAddress(0xB)

    /// The `uniswap-v2` and `sushiswap-v2` entries of config/dex.yaml (factories only).
    static func plugins() throws -> [String: any DEXPlugin] {
        func entry(_ name: String, factory: String, initCodeHash: String) throws -> DEXEntry {
            DEXEntry(
                name: name, plugin: "uniswap-v2", enabled: true, routers: [],
                factories: [DEXEntry.Factory(address: try Address(hex: factory), initCodeHash: try Hash32(hex: initCodeHash))],
                fees: [3000], pools: [])
        }
        return [
            "uniswap-v2": try UniswapV2Plugin(entry: entry(
                "uniswap-v2", factory: "0xf1D7CC64Fb4452F05c498126312eBE29f30Fbcf9",
                initCodeHash: "0x96e8ac4277198ff8b6f785478aa9a39f403cb768dd02cbee326c3e7da348845f")),
            "sushiswap-v2": try UniswapV2Plugin(entry: entry(
                "sushiswap-v2", factory: "0xc35DADB65012eC5796536bD9864eD8773aBc74C4",
                initCodeHash: "0xe18a34eb0e04b04f7a0ac29a6e80748dca96319b42c54d679cb821dca90c6303")),
        ]
    }

    /// The `dex` pair of `x` and `y` holding `reserveX` of x and `reserveY` of y, at the address
    /// the entry's factory deploys it.
    static func pair(_ dex: String, _ x: Address, _ reserveX: UInt64, _ y: Address, _ reserveY: UInt64) throws -> SnapshotPool {
        let address = try #require(try plugins()[dex]?.poolAddress(x, y, fee: nil))
        let (token0, token1) = x < y ? (x, y) : (y, x)
        let (reserve0, reserve1) = x < y ? (reserveX, reserveY) : (reserveY, reserveX)
        let pool = try UniswapV2Pool(address: address, token0: token0, token1: token1, reserve0: UInt256(reserve0), reserve1: UInt256(reserve1))
        return SnapshotPool(dex: dex, pool: pool)
    }

    /// A router leg: exactly `amount` of `tokenIn` for `tokenOut` through the `dex` pair, with a
    /// minimum out and a deadline when given.
    static func swap(_ dex: String, _ tokenIn: Address, _ tokenOut: Address, exactIn amount: UInt64, minOut: UInt256? = nil, deadline: UInt64? = nil) -> SwapLeg {
        SwapLeg(
            dex: dex, hops: [SwapHop(tokenIn: tokenIn, tokenOut: tokenOut, pool: .byTokens(fee: nil))],
            amount: .exactIn(UInt256(amount)), limit: minOut, recipient: nil, deadline: deadline.map { UInt256($0) })
    }

    /// The engine's profit is the brute force's to within 10^-6 of it, or one unit where that
    /// is less: the sizer proves the integer optimum only where few inputs could tie
    /// (`CycleSizer`); otherwise it returns a local maximum about one output unit per hop short
    /// at most, which in these small pools is above 10^-6.
    static func expectWithinBound(_ profit: UInt256, _ best: UInt256, sourceLocation: SourceLocation = #_sourceLocation) {
        let tolerance = max(best / UInt256(1_000_000), .one)
        #expect(profit <= best, sourceLocation: sourceLocation)
        #expect(profit + tolerance >= best, "profit \(profit), brute force \(best)", sourceLocation: sourceLocation)
    }

    /// A transaction hash made from `number`.
    static func hash(_ number: UInt64) -> Hash32 {
        Keccak256.hash(UInt256(number).bigEndianBytes)
    }

    /// A message of one transaction per leg.
    static func message(_ sequenceNumber: UInt64, timestamp: UInt64 = 1_724_815_077, _ legs: [SwapLeg]) -> SwapMessage {
        SwapMessage(
            sequenceNumber: sequenceNumber, timestamp: timestamp,
            transactions: legs.enumerated().map { SwapTransaction(hash: hash(sequenceNumber * 100 + UInt64($0.offset)), legs: [$0.element]) })
    }

    /// Cheap costs so that small pools' profits show: a 1 wei base fee, no L1 fee, 1 gas per
    /// hop (the transaction's intrinsic gas stays: about 22,000 wei in all).
    static let cheapFees = EngineConfiguration(
        l2BaseFee: .one, l1PricePerUnit: .zero,
        gasTable: HopGasTable(uniswapV2: 1, camelotV2: 1, uniswapV3: 1, algebra: 1, curve: 1))

    /// The state of the pair at `address` after the engine's pending swaps.
    static func reserves(_ engine: Engine, _ address: Address) throws -> (UInt256, UInt256) {
        let pool = try #require(engine.pendingPool(address) as? UniswapV2Pool)
        return (pool.reserve0, pool.reserve1)
    }

    /// The best profit of the cycle `hops` on the engine's pending pools by trying every input in
    /// `range` (no closed form, no search): the largest `out − in`, the smallest input among equals.
    static func bruteForce(_ engine: Engine, _ hops: [(pool: Address, tokenIn: Address)], over range: ClosedRange<UInt64>) throws -> (input: UInt256, profit: UInt256)? {
        var pools: [(pool: any PricingPool, from: Int, to: Int)] = []
        for hop in hops {
            let pool = try #require(engine.pendingPool(hop.pool))
            let from = try #require(pool.tokens.firstIndex(of: hop.tokenIn))
            pools.append((pool, from, 1 - from))
        }
        var best: (input: UInt256, profit: UInt256)?
        for x in range {
            var amount = UInt256(x)
            var reverted = false
            for hop in pools {
                guard let out = try? hop.pool.amountOut(amount, from: hop.from, to: hop.to) else { reverted = true; break }
                amount = out
            }
            guard !reverted, amount > UInt256(x) else { continue }
            let profit = amount - UInt256(x)
            if let current = best, profit <= current.profit { continue }
            best = (UInt256(x), profit)
        }
        return best
    }
}
