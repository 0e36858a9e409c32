@testable import Host
import Kernel
import Testing

/// The repository's `config/dex.yaml` loads with the production plugin list, and says what the
/// addresses file says.
@Suite struct ConfigRealFileTests {
    typealias S = ConfigTestSupport

    @Test func realConfigLoadsWithTheProductionPlugins() throws {
        let loaded = try ConfigLoader().load(path: S.realConfigPath)
        let config = loaded.config
        #expect(config.chainId == 42161)
        #expect(config.tokens.map(\.symbol) == ["WETH", "USDC", "USDC.e", "USDT", "WBTC", "DAI", "ARB", "GMX", "LINK", "wstETH"])
        #expect(config.dexes.map(\.name) == ["uniswap-v2", "sushiswap-v2", "uniswap-v3", "pancakeswap-v3", "camelot-v2", "camelot-v3", "curve"])
        #expect(config.dexes.map(\.plugin) == ["uniswap-v2", "uniswap-v2", "uniswap-v3", "uniswap-v3", "camelot-v2", "camelot-v3", "curve"])
        #expect(config.dexes.map(\.enabled) == Array(repeating: true, count: 7))
        #expect(loaded.dexes.map { type(of: $0.plugin).name } == config.dexes.map(\.plugin))
    }

    @Test func realConfigRoutersAndVersions() throws {
        let config = try ConfigLoader().load(path: S.realConfigPath).config
        let uniswapV3 = try #require(config.dexes.first { $0.name == "uniswap-v3" })
        #expect(uniswapV3.fees == [100, 500, 3000, 10000])
        #expect(uniswapV3.routers.map { "\($0.address.checksummed) \($0.kind) \($0.version ?? "-")" } == [
            "0xE592427A0AEce92De3Edee1F18E0157C05861564 swap-router -",
            "0x68b3465833fb72A70ecDF485E0e4C7bD8665Fc45 swap-router-02 -",
            "0x4C60051384bd2d3C01bfc845Cf5F4b44bcbE9de5 universal-router 1",
            "0xeC8B0F7Ffe3ae75d7FfAb09429e3675bb63503e4 universal-router 1.2",
            "0x5E325eDA8064b456f4781070C0738d849c824258 universal-router 1.2",
            "0xA51afAFe0263b40EdaEf0Df8781eA9aa03E381a3 universal-router 2",
            "0x3fC91A3afd70395Cd496C647d5a6CC9D4B2b7FAD universal-router 1.2",
        ])
        let pancake = try #require(config.dexes.first { $0.name == "pancakeswap-v3" })
        #expect(pancake.fees == [100, 500, 2500, 10000])
        #expect(pancake.routers.isEmpty)
        #expect(config.dexes.flatMap(\.routers).count == 11)
    }

    /// Each factory and init code hash gives the address of a pool that emitted real swap logs
    /// (shared fixtures chain/arbitrum_swap_logs.json: pool, its tokens from the same receipt's
    /// transfers, block), so the hashes are the chain's. Salts: V2 pairs keccak(token0 ‖ token1),
    /// V3 pools keccak(abi.encode(token0, token1, fee)), Algebra pools keccak(abi.encode(token0, token1)).
    @Test(arguments: [
        ("uniswap-v2", "0x103B03051Bf073c44DECfAF8dFd12275254AB97E", "0x82aF49447D8a07e3bd95BD0d56f35241523fBab1", "0x912CE59144191C1204E64559FE8253a0e49E6548", nil),
        ("sushiswap-v2", "0xCB0E5bFa72bBb4d16AB5aA0c60601c438F04b4ad", "0x82aF49447D8a07e3bd95BD0d56f35241523fBab1", "0xFd086bC7CD5C481DCC9C85ebE478A1C0b69FCbb9", nil),
        ("camelot-v2", "0x6A78E84FA0edAD4D99eB90edc041CdbF85925961", "0x09E18590E8f76b6Cf471b3cd75fE1A1a9D2B2c2b", "0x82aF49447D8a07e3bd95BD0d56f35241523fBab1", nil),
        ("uniswap-v3", "0x2f5e87C9312fa29aed5c179E456625D79015299c", "0x2f2a2543B76A4166549F7aaB2e75Bef0aefC5B0f", "0x82aF49447D8a07e3bd95BD0d56f35241523fBab1", 500),
        ("pancakeswap-v3", "0x4bfc22A4dA7f31F8a912a79A7e44a822398b4390", "0x2f2a2543B76A4166549F7aaB2e75Bef0aefC5B0f", "0x82aF49447D8a07e3bd95BD0d56f35241523fBab1", 100),
        ("camelot-v3", "0xB1026b8e7276e7AC75410F1fcbbe21796e8f7526", "0x82aF49447D8a07e3bd95BD0d56f35241523fBab1", "0xaf88d065e77c8cC2239327C5EDb3A432268e5831", nil),
    ] as [(String, String, String, String, UInt16?)])
    func realConfigFactoriesDeriveRealPools(dex: String, pool: String, token0: String, token1: String, fee: UInt16?) throws {
        let config = try ConfigLoader().load(path: S.realConfigPath).config
        let factory = try #require(config.dexes.first { $0.name == dex }?.factories.first)
        let (a, b) = (S.address(token0).bytes, S.address(token1).bytes)
        let word = { (bytes: [UInt8]) in [UInt8](repeating: 0, count: 32 - bytes.count) + bytes }
        let salt = switch (dex, fee) {
        case (_, let fee?): Keccak256.hash(word(a) + word(b) + word([UInt8(fee >> 8), UInt8(fee & 0xff)]))
        case ("camelot-v3", nil): Keccak256.hash(word(a) + word(b))
        case (_, nil): Keccak256.hash(a + b)
        }
        #expect(Address.create2(deployer: factory.address, salt: salt, initCodeHash: try #require(factory.initCodeHash)) == S.address(pool))
    }

    @Test func realConfigCurvePoolsResolveCoinSymbols() throws {
        let config = try ConfigLoader().load(path: S.realConfigPath).config
        let curve = try #require(config.dexes.first { $0.name == "curve" })
        let symbols = Dictionary(uniqueKeysWithValues: config.tokens.map { ($0.address, $0.symbol) })
        #expect(curve.pools.map { "\($0.name) \($0.kind ?? "-") \($0.coins.map { symbols[$0] ?? "?" })" } == [
            #"2pool stableswap ["USDC.e", "USDT"]"#,
            #"tricrypto crypto ["USDT", "WBTC", "WETH"]"#,
        ])
    }

    @Test func productionRegistryHasTheFiveFamiliesOnce() {
        #expect(PluginRegistry.production.names == ["camelot-v2", "camelot-v3", "curve", "uniswap-v2", "uniswap-v3"])
    }
}
