import Aggregators
import Kernel
import Testing

/// The factories the direct forms derive pools from, as the ParaSwap and 0x entries give them.
@Suite struct DirectFormConfigTests {
    static func hash() throws -> Hash32 { try Hash32(hex: "0xe34f199b19b2b4f47f68442619d555527d244f78a3297ea89325f843f87b8b54") }

    static func entry(plugin: String, kind: String, factories: [DEXEntry.Factory]) -> DEXEntry {
        DEXEntry(name: plugin, plugin: plugin, enabled: true, routers: [DEXEntry.Router(name: "r", address: Address(precompile: 0x100), kind: kind, version: nil)],
                 factories: factories, fees: [], pools: [], wrappedNative: nil)
    }

    @Test func paraswapFactoriesNeedInitCodeHashesAndAreAtMostTwo() throws {
        let hash = try Self.hash()
        let withHash = DEXEntry.Factory(address: Address(precompile: 1), initCodeHash: hash)
        _ = try ParaSwapPlugin(entry: Self.entry(plugin: "paraswap", kind: "augustus-v6.2", factories: [withHash, withHash]))
        #expect(throws: PluginConfigError.self) {
            _ = try ParaSwapPlugin(entry: Self.entry(plugin: "paraswap", kind: "augustus-v6.2", factories: [withHash, withHash, withHash]))
        }
        let error = #expect(throws: PluginConfigError.self) {
            _ = try ParaSwapPlugin(entry: Self.entry(plugin: "paraswap", kind: "augustus-v6.2",
                                                      factories: [DEXEntry.Factory(address: Address(precompile: 1), initCodeHash: nil)]))
        }
        #expect(error?.field == "factories[0].initCodeHash")
    }

    @Test func zeroExTakesOneFactoryOfEachKind() throws {
        let hash = try Self.hash()
        let deployer = DEXEntry.Factory(address: Address(precompile: 1), initCodeHash: nil)
        let uniswapV3 = DEXEntry.Factory(address: Address(precompile: 2), initCodeHash: hash)
        _ = try ZeroExPlugin(entry: Self.entry(plugin: "0x", kind: "fill-quote-transformer", factories: [deployer, uniswapV3]))
        _ = try ZeroExPlugin(entry: Self.entry(plugin: "0x", kind: "exchange-proxy", factories: [uniswapV3]))
        #expect(throws: PluginConfigError.self) {
            _ = try ZeroExPlugin(entry: Self.entry(plugin: "0x", kind: "exchange-proxy", factories: [uniswapV3, uniswapV3]))
        }
        #expect(throws: PluginConfigError.self) {
            _ = try ZeroExPlugin(entry: Self.entry(plugin: "0x", kind: "fill-quote-transformer", factories: [uniswapV3]))
        }
    }
}
