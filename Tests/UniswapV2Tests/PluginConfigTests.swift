import Foundation
import Kernel
import Testing
import UniswapV2

/// The plugin entry: its name and kinds, the settings it refuses, CREATE2 pair addresses checked
/// against pairs that emitted real events, and which addresses its decoder answers for.
@Suite struct PluginConfigTests {
    @Test func nameAndKinds() {
        #expect(UniswapV2Plugin.name == "uniswap-v2")
        #expect(UniswapV2Plugin.routerKinds == ["v2-router", "pair"])
    }

    @Test func refusesAnUnknownRouterKind() {
        var entry = ArbitrumEntries.uniswapV2
        entry.routers.append(.init(name: "SwapRouter", address: ArbitrumEntries.sushiRouter, kind: "v3-router", version: nil))
        #expect(throws: PluginConfigError.self) { try UniswapV2Plugin(entry: entry) }
        #expect(configError(entry)?.field == "routers[1].kind")
    }

    @Test func refusesAnUnknownPoolKind() {
        var entry = ArbitrumEntries.uniswapV2
        entry.pools = [.init(name: "p", address: ArbitrumEntries.sushiRouter, coins: [], kind: "stableswap")]
        #expect(configError(entry)?.field == "pools[0].kind")
    }

    @Test func needsExactlyOneFactoryWithAnInitCodeHash() {
        var entry = ArbitrumEntries.uniswapV2
        entry.factories = [.init(address: entry.factories[0].address, initCodeHash: nil)]
        #expect(configError(entry)?.field == "factories")
        entry.factories = []
        #expect(configError(entry)?.field == "factories")
        entry.factories = ArbitrumEntries.uniswapV2.factories + ArbitrumEntries.sushiswapV2.factories
        #expect(configError(entry)?.field == "factories[1].initCodeHash")
    }

    /// Every Uniswap V2 and SushiSwap V2 pair that emitted a real Sync or Swap in the bundled
    /// receipts is CREATE2(factory, keccak256(token0 ‖ token1), init code hash), tokens either way round.
    @Test func derivesThePairsThatEmittedRealEvents() throws {
        let plugins = ["Uniswap V2": try UniswapV2Plugin(entry: ArbitrumEntries.uniswapV2),
                       "SushiSwap V2": try UniswapV2Plugin(entry: ArbitrumEntries.sushiswapV2)]
        let logs = try Fixture.json("swap_logs.json").objects("logs")
        #expect(logs.count == 5)
        for log in logs {
            let proof = try log.object("pool_identified_by_create2")
            let plugin = try #require(plugins[try proof.string("dex")])
            let pair = try log.address("pool")
            #expect(plugin.poolAddress(try proof.address("token0"), try proof.address("token1"), fee: nil) == pair)
            #expect(plugin.poolAddress(try proof.address("token1"), try proof.address("token0"), fee: nil) == pair)
        }
        // WETH/USDC.e on SushiSwap (arbitrum-addresses.md).
        let sushi = try #require(plugins["SushiSwap V2"])
        #expect(sushi.poolAddress(ArbitrumOne.wrappedNativeToken, ArbitrumEntries.address("0xFF970A61A04b1cA14834A43f5dE4533eBDDB5CC8"), fee: nil)
                == ArbitrumEntries.address("0x905dfCD5649217c42684f23958568e533C711Aa3"))
        #expect(sushi.poolAddress(ArbitrumOne.wrappedNativeToken, ArbitrumOne.wrappedNativeToken, fee: nil) == nil)
        #expect(sushi.poolAddress(.zero, ArbitrumOne.wrappedNativeToken, fee: nil) == nil)
    }

    /// Pairs named in `pools:` or as `pair` routers are decoded; unknown addresses and a router
    /// selector sent to a pair are not swaps.
    @Test func decodesPairsOnlyWhereConfigured() throws {
        let listed = ArbitrumEntries.address("0x103B03051Bf073c44DECfAF8dFd12275254AB97E")
        let asRouter = ArbitrumEntries.address("0xCB0E5bFa72bBb4d16AB5aA0c60601c438F04b4ad")
        var entry = ArbitrumEntries.uniswapV2
        entry.pools = [.init(name: "WETH/ARB", address: listed, coins: [], kind: nil)]
        entry.routers.append(.init(name: "a pair", address: asRouter, kind: "pair", version: nil))
        let decoder = try UniswapV2Plugin(entry: entry).decoder
        // swap(0, 5, 0x…01, "") — token0 in, 5 of token1 out.
        let data: [UInt8] = try Hex.decode("022c0d9f" + word(0) + word(5) + word(1) + word(0x80) + word(0))
        for pair in [listed, asRouter] {
            let decoded = try decoder.decode(ContractCall(to: pair, data: data[...], value: .zero))
            #expect(decoded == DecodedSwap(function: "swap", legs: [
                SwapLeg(dex: "uniswap-v2", hops: [SwapHop(tokenIn: nil, tokenOut: nil, pool: .pool(pair, zeroForOne: true))],
                        amount: .exactOut(5), limit: nil, recipient: Address(precompile: 1), deadline: nil),
            ]))
        }
        #expect(try decoder.decode(ContractCall(to: ArbitrumEntries.sushiRouter, data: data[...], value: .zero)) == nil)
        #expect(try decoder.decode(ContractCall(to: ArbitrumEntries.uniswapRouter, data: data[...], value: .zero)) == nil)
    }

    private func configError(_ entry: DEXEntry) -> PluginConfigError? {
        do {
            _ = try UniswapV2Plugin(entry: entry)
            return nil
        } catch {
            return error
        }
    }
}

/// A 32-byte big-endian word of `value`, in hex.
func word(_ value: UInt64) -> String {
    String(repeating: "0", count: 48) + String(value, radix: 16).leftPadded(to: 16)
}

extension String {
    func leftPadded(to width: Int) -> String { String(repeating: "0", count: max(0, width - count)) + self }
}
