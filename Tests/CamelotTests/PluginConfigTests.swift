import Foundation
import Kernel
import Testing
import Camelot

/// The two plugin entries: names and kinds, the settings they refuse, and which addresses their
/// decoders answer for.
@Suite struct PluginConfigTests {
    @Test func namesAndKinds() {
        #expect(CamelotV2Plugin.name == "camelot-v2")
        #expect(CamelotV2Plugin.routerKinds == ["camelot-v2-router", "pair"])
        #expect(CamelotV3Plugin.name == "camelot-v3")
        #expect(CamelotV3Plugin.routerKinds == ["algebra-router", "pool"])
    }

    @Test func refusesForeignKinds() {
        var v2 = ArbitrumEntries.camelotV2
        v2.routers[0].kind = "algebra-router"
        #expect(configError(CamelotV2Plugin.self, v2)?.field == "routers[0].kind")
        var v3 = ArbitrumEntries.camelotV3
        v3.routers[0].kind = "pair"
        #expect(configError(CamelotV3Plugin.self, v3)?.field == "routers[0].kind")
        v3 = ArbitrumEntries.camelotV3
        v3.pools = [.init(name: "p", address: ArbitrumEntries.weth, coins: [], kind: "pair")]
        #expect(configError(CamelotV3Plugin.self, v3)?.field == "pools[0].kind")
    }

    @Test func needsExactlyOneFactoryWithAnInitCodeHash() {
        var v3 = ArbitrumEntries.camelotV3
        v3.factories.removeLast()
        #expect(configError(CamelotV3Plugin.self, v3)?.field == "factories")
        var v2 = ArbitrumEntries.camelotV2
        v2.factories += ArbitrumEntries.camelotV3.factories
        #expect(configError(CamelotV2Plugin.self, v2)?.field == "factories[2].initCodeHash")
    }

    /// Algebra pool calls decode on pools named in `pools:` or as `pool` routers only; Camelot
    /// pair calls on configured pairs only, with and without a referrer.
    @Test func decodesPoolsOnlyWhereConfigured() throws {
        let pool = ArbitrumEntries.address("0xB1026b8e7276e7AC75410F1fcbbe21796e8f7526")
        var v3 = ArbitrumEntries.camelotV3
        v3.pools = [.init(name: "WETH/USDC", address: pool, coins: [], kind: "pool")]
        let decoder = try CamelotV3Plugin(entry: v3).decoder
        // swap(0x…01, false, -7, 0, "") — exact output of 7 of token0.
        let swap: [UInt8] = try Hex.decode("128acb08" + word(1) + word(0) + String(repeating: "f", count: 63) + "9" + word(0) + word(0xa0) + word(0))
        #expect(try decoder.decode(ContractCall(to: pool, data: swap[...], value: .zero)) == DecodedSwap(function: "swap", legs: [
            SwapLeg(dex: "camelot-v3", hops: [SwapHop(tokenIn: nil, tokenOut: nil, pool: .pool(pool, zeroForOne: false))],
                    amount: .exactOut(7), limit: nil, recipient: Address(precompile: 1), deadline: nil),
        ]))
        #expect(try decoder.decode(ContractCall(to: ArbitrumEntries.algebraRouter, data: swap[...], value: .zero)) == nil)
        #expect(try decoder.decode(ContractCall(to: ArbitrumEntries.weth, data: swap[...], value: .zero)) == nil)

        let pair = ArbitrumEntries.address("0xa6c5C7D189fA4eB5Af8ba34E63dCDD3a635D433f")
        var v2 = ArbitrumEntries.camelotV2
        v2.routers.append(.init(name: "ARB/WETH", address: pair, kind: "pair", version: nil))
        let v2Decoder = try CamelotV2Plugin(entry: v2).decoder
        let plain = "022c0d9f" + word(9) + word(0) + word(2) + word(0x80) + word(0)
        let referred = "6e1fdd7f" + word(9) + word(0) + word(2) + word(0xa0) + word(3) + word(0)
        for hex in [plain, referred] {
            let data: [UInt8] = try Hex.decode(hex)
            #expect(try v2Decoder.decode(ContractCall(to: pair, data: data[...], value: .zero)) == DecodedSwap(function: "swap", legs: [
                SwapLeg(dex: "camelot-v2", hops: [SwapHop(tokenIn: nil, tokenOut: nil, pool: .pool(pair, zeroForOne: false))],
                        amount: .exactOut(9), limit: nil, recipient: Address(precompile: 2), deadline: nil),
            ]))
            #expect(try v2Decoder.decode(ContractCall(to: ArbitrumEntries.camelotRouter, data: data[...], value: .zero)) == nil)
        }
    }

    private func configError<Plugin: DEXPlugin>(_ type: Plugin.Type, _ entry: DEXEntry) -> PluginConfigError? {
        do {
            _ = try Plugin(entry: entry)
            return nil
        } catch {
            return error
        }
    }
}
