import Kernel
import Testing
import UniswapV3

/// `UniswapV3Plugin(entry:)` refuses what it cannot use, naming the field; `poolAddress` derives
/// pools for the configured fee tiers only.
@Suite struct PluginConfigTests {
    static let base = Arbitrum.uniswapEntry()

    /// The field of the `PluginConfigError` the entry gives, or nil when it is accepted.
    func refusal(_ change: (inout DEXEntry) -> Void) -> String? {
        var entry = Self.base
        change(&entry)
        do {
            _ = try UniswapV3Plugin(entry: entry)
            return nil
        } catch {
            #expect(!error.message.isEmpty)
            return error.field
        }
    }

    @Test func nameAndKinds() {
        #expect(UniswapV3Plugin.name == "uniswap-v3")
        #expect(UniswapV3Plugin.routerKinds == ["swap-router", "swap-router-02", "universal-router", "pool"])
        #expect(refusal { _ in } == nil)
    }

    @Test func refusals() {
        let hash = Arbitrum.uniswapInitCodeHash
        #expect(refusal { $0.factories = [] } == "factories")
        #expect(refusal { $0.factories[0].initCodeHash = nil } == "factories")
        #expect(refusal { $0.factories.append(.init(address: Arbitrum.pancakeDeployer, initCodeHash: hash)) } == "factories[1].initCodeHash")
        #expect(refusal { $0.factories.append(.init(address: Arbitrum.pancakeDeployer, initCodeHash: nil)) } == nil)
        #expect(refusal { $0.fees = [500, 1_000_000] } == "fees[1]")
        #expect(refusal { $0.routers[2].version = nil } == "routers[2].version")
        #expect(refusal { $0.routers[3].version = "1.3" } == "routers[3].version")
        #expect(refusal { $0.routers[0].version = "1" } == "routers[0].version")
        #expect(refusal { $0.routers[1].kind = "swap-router-03" } == "routers[1].kind")
        #expect(refusal { $0.routers[4].address = Arbitrum.swapRouter } == "routers[4].address")
        #expect(refusal { $0.pools[0].address = Arbitrum.swapRouter02 } == "pools[0].address")
        #expect(refusal { $0.pools[0].coins = [Arbitrum.weth] } == "pools[0].coins")
        #expect(refusal { $0.pools[0].coins = [Arbitrum.usdc, Arbitrum.weth] } == "pools[0].coins")
        #expect(refusal { $0.pools[0].coins = [] } == nil)
        #expect(refusal { $0.pools[0].kind = "stableswap" } == "pools[0].kind")
    }

    /// PancakeSwap V3 is an entry of this plugin: its deployer and init code hash, no routers.
    @Test func pancakeEntryAndPoolAddresses() throws {
        let pancake = try UniswapV3Plugin(entry: Arbitrum.pancakeEntry)
        let uniswap = try UniswapV3Plugin(entry: Arbitrum.uniswapEntry())
        #expect(uniswap.poolAddress(Arbitrum.weth, Arbitrum.usdc, fee: 500) == Arbitrum.wethUsdcPool)
        #expect(uniswap.poolAddress(Arbitrum.usdc, Arbitrum.weth, fee: 500) == Arbitrum.wethUsdcPool)
        #expect(uniswap.poolAddress(Arbitrum.weth, Arbitrum.usdc, fee: 2500) == nil, "not a Uniswap tier")
        #expect(uniswap.poolAddress(Arbitrum.weth, Arbitrum.usdc, fee: nil) == nil)
        #expect(uniswap.poolAddress(Arbitrum.weth, Arbitrum.weth, fee: 500) == nil)
        #expect(pancake.poolAddress(Arbitrum.weth, Arbitrum.usdc, fee: 2500) != nil)
        #expect(pancake.poolAddress(Arbitrum.weth, Arbitrum.usdc, fee: 500) != uniswap.poolAddress(Arbitrum.weth, Arbitrum.usdc, fee: 500))
        let anyTier = try UniswapV3Plugin(entry: DEXEntry(name: "x", plugin: "uniswap-v3", enabled: true, routers: [],
                                                          factories: Arbitrum.uniswapEntry().factories, fees: [], pools: []))
        #expect(anyTier.poolAddress(Arbitrum.weth, Arbitrum.usdc, fee: 0xff_ffff) != nil)
        #expect(anyTier.poolAddress(Arbitrum.weth, Arbitrum.usdc, fee: 0x100_0000) == nil)
        #expect(try pancake.decoder.decode(ContractCall(to: Arbitrum.swapRouter02, data: [0x04, 0xe4, 0x5a, 0xaf][...], value: .zero)) == nil)
    }

    /// Legs carry the entry's name: a fork's legs are its own.
    @Test func legsCarryTheEntryName() throws {
        var entry = Arbitrum.pancakeEntry
        entry.routers = [.init(name: "SmartRouter", address: Arbitrum.address("0x32226588378236Fd0c7c4053999F88aC0e5cAc77"), kind: "swap-router-02", version: nil)]
        let decoder = try UniswapV3Plugin(entry: entry).decoder
        let data = calldata(0x04e4_5aaf, [.tuple([.address(Arbitrum.weth), .address(Arbitrum.usdc), .uint(2500), .address(Arbitrum.weth), .uint(0), .uint(1), .uint(0)])])
        let leg = try #require(try decoder.decode(ContractCall(to: entry.routers[0].address, data: data[...], value: .zero))?.legs.first)
        #expect(leg.dex == "pancakeswap-v3" && leg.amount == .exactInRouterBalance)
    }
}
