@testable import Host
import Kernel
import Testing

/// Each kind of bad dex.yaml gives its exact message, naming the file, the entry and the field;
/// all errors are reported at once.
@Suite struct ConfigLoaderTests {
    typealias S = ConfigTestSupport

    @Test func validFileLoadsIntoTypedEntries() throws {
        let loaded = try ConfigLoader(registry: S.toyRegistry).load(yaml: S.validYAML, file: "config/dex.yaml")
        #expect(loaded.config.chainId == 42161)
        #expect(loaded.config.tokens == [
            DEXConfig.Token(symbol: "WETH", address: S.weth, decimals: 18),
            DEXConfig.Token(symbol: "USDT", address: S.usdt, decimals: 6),
        ])
        #expect(loaded.config.dexes == [
            DEXEntry(name: "toy-one", plugin: "toy-dex", enabled: true,
                     routers: [.init(name: "Router", address: S.routerOne, kind: "toy-router", version: nil)],
                     factories: [], fees: [],
                     pools: [.init(name: "WETH/USDT", address: S.pool, coins: [S.weth, S.usdt], kind: nil)]),
            DEXEntry(name: "toy-two", plugin: "toy-dex", enabled: false,
                     routers: [.init(name: "Router", address: S.routerTwo, kind: "toy-router", version: "1")],
                     factories: [], fees: [], pools: []),
        ])
        #expect(loaded.dexes.map { type(of: $0.plugin).name } == ["toy-dex", "toy-dex"])
    }

    @Test func unknownKeysAreRefusedByName() {
        #expect(S.errors(S.yaml(replacing: "chainId: 42161", with: "chainId: 42161\nextra: 1")) == [
            "config/dex.yaml: extra: unknown key (expected one of chainId, tokens, dexes, aggregators, engine, rpc, sync, service, execution)",
        ])
        #expect(S.errors(S.yaml(replacing: "    enabled: true", with: "    enabled: true\n    speed: fast")) == [
            "config/dex.yaml: dexes[0] (toy-one): speed: unknown key (expected one of name, plugin, enabled, routers, factories, fees, pools, wrappedNative)",
        ])
        #expect(S.errors(S.yaml(replacing: "kind: toy-router}", with: "kind: toy-router, label: x}")) == [
            "config/dex.yaml: dexes[0] (toy-one): routers[0].label: unknown key (expected one of name, address, kind, version)",
        ])
        #expect(S.errors(S.yaml(replacing: "decimals: 6}", with: "decimals: 6, name: Tether}")) == [
            "config/dex.yaml: tokens[1] (USDT): name: unknown key (expected one of symbol, address, decimals)",
        ])
    }

    @Test func missingFieldsAreNamed() {
        #expect(S.errors(S.yaml(replacing: "    plugin: toy-dex\n    enabled: true", with: "    enabled: true")) == [
            "config/dex.yaml: dexes[0] (toy-one): plugin: missing",
        ])
        #expect(S.errors(S.yaml(replacing: "{name: Router, address: \"0x1111111111111111111111111111111111111111\", kind: toy-router}",
                                with: "{name: Router, kind: toy-router}")) == [
            "config/dex.yaml: dexes[0] (toy-one): routers[0].address: missing",
        ])
        #expect(S.errors(S.yaml(replacing: ", decimals: 18}", with: "}")) == [
            "config/dex.yaml: tokens[0] (WETH): decimals: missing",
        ])
        #expect(S.errors(S.yaml(replacing: "chainId: 42161", with: "chainId:")) == [
            "config/dex.yaml: chainId: missing",
        ])
        #expect(S.errors("chainId: 42161\ntokens: []\n") == [
            "config/dex.yaml: dexes: missing",
        ])
    }

    @Test func badAddressesAreRefused() {
        let router = "0x1111111111111111111111111111111111111111"
        let cases: [(String, String)] = [
            ("0x11111111111111111111111111111111111111", #"not 0x and 40 hex digits: "0x11111111111111111111111111111111111111""#),
            ("0x111111111111111111111111111111111111111g", #"not 0x and 40 hex digits: "0x111111111111111111111111111111111111111g""#),
            ("001111111111111111111111111111111111111111", #"not 0x and 40 hex digits: "001111111111111111111111111111111111111111""#),
            ("0xc873FEcbd354f5A56E00E710B90EF4201db2448d",
             #"bad EIP-55 checksum "0xc873FEcbd354f5A56E00E710B90EF4201db2448d" (expected "0xc873fEcbd354f5A56E00E710B90EF4201db2448d")"#),
            ("0x0000000000000000000000000000000000000000", "zero address"),
        ]
        for (bad, message) in cases {
            #expect(S.errors(S.yaml(replacing: router, with: bad)) == [
                "config/dex.yaml: dexes[0] (toy-one): routers[0].address: " + message,
            ])
        }
    }

    @Test func lowerAndUpperCaseAddressesNeedNoChecksum() {
        #expect(S.errors(S.yaml(replacing: "0x82aF49447D8a07e3bd95BD0d56f35241523fBab1", with: "0x82af49447d8a07e3bd95bd0d56f35241523fbab1")) == [])
        #expect(S.errors(S.yaml(replacing: "0x82aF49447D8a07e3bd95BD0d56f35241523fBab1", with: "0x82AF49447D8A07E3BD95BD0D56F35241523FBAB1")) == [])
    }

    @Test func badHashesAreRefused() {
        let factory = "    pools:\n"
        let withHash = { (hash: String) in
            S.yaml(replacing: factory, with: "    factories:\n      - {address: \"0x1F98431c8aD98523631AE4a59f267346ea31F984\", initCodeHash: \"\(hash)\"}\n" + factory)
        }
        #expect(S.errors(withHash("0xe34f199b19b2b4f47f68442619d555527d244f78a3297ea89325f843f87b8b54")) == [])
        #expect(S.errors(withHash("0xe34f199b")) == [
            #"config/dex.yaml: dexes[0] (toy-one): factories[0].initCodeHash: not 0x and 64 hex digits: "0xe34f199b""#,
        ])
        #expect(S.errors(withHash("0x" + String(repeating: "0", count: 64))) == [
            "config/dex.yaml: dexes[0] (toy-one): factories[0].initCodeHash: zero hash",
        ])
    }

    @Test func duplicateRouterAddressesAcrossEntriesEnabledOrNot() {
        #expect(S.errors(S.yaml(replacing: "0x2222222222222222222222222222222222222222", with: "0x1111111111111111111111111111111111111111")) == [
            "config/dex.yaml: dexes[1] (toy-two): routers[0].address: 0x1111111111111111111111111111111111111111 is already dexes[0] (toy-one) routers[0]",
        ])
        // A pool and a router cannot share an address either: the classifier maps both.
        #expect(S.errors(S.yaml(replacing: "0x3333333333333333333333333333333333333333", with: "0x1111111111111111111111111111111111111111")) == [
            "config/dex.yaml: dexes[0] (toy-one): pools[0].address: 0x1111111111111111111111111111111111111111 is already dexes[0] (toy-one) routers[0]",
        ])
    }

    @Test func duplicateEntryNames() {
        #expect(S.errors(S.yaml(replacing: "name: toy-two", with: "name: toy-one")) == [
            #"config/dex.yaml: dexes[1] (toy-one): name: "toy-one" is already dexes[0] (toy-one)"#,
        ])
    }

    @Test func unknownPluginName() {
        #expect(S.errors(S.yaml(replacing: "    plugin: toy-dex\n    enabled: false", with: "    plugin: balancer\n    enabled: false")) == [
            #"config/dex.yaml: dexes[1] (toy-two): plugin: unknown plugin "balancer" (known: toy-dex)"#,
        ])
    }

    @Test func routerKindMustBeThePluginsOwn() {
        #expect(S.errors(S.yaml(replacing: "kind: toy-router}", with: "kind: universal-router}")) == [
            #"config/dex.yaml: dexes[0] (toy-one): routers[0].kind: "universal-router" is not a router kind of plugin toy-dex (known: toy-router)"#,
        ])
    }

    @Test func feesOutOfRange() {
        let entry = "    enabled: false\n"
        #expect(S.errors(S.yaml(replacing: entry, with: entry + "    fees: [0, 1000000, 4294967296, 0.3, -5]\n")) == [
            "config/dex.yaml: dexes[1] (toy-two): fees[0]: 0 is out of range 1...999999 (millionths)",
            "config/dex.yaml: dexes[1] (toy-two): fees[1]: 1000000 is out of range 1...999999 (millionths)",
            "config/dex.yaml: dexes[1] (toy-two): fees[2]: 4294967296 is out of range 1...999999 (millionths)",
            #"config/dex.yaml: dexes[1] (toy-two): fees[3]: expected a whole number, got "0.3""#,
            #"config/dex.yaml: dexes[1] (toy-two): fees[4]: expected a whole number, got "-5""#,
        ])
    }

    @Test func tokenDecimalsAbove77() {
        #expect(S.errors(S.yaml(replacing: "decimals: 6}", with: "decimals: 78}")) == [
            "config/dex.yaml: tokens[1] (USDT): decimals: 78 is out of range 0...77",
        ])
        #expect(S.errors(S.yaml(replacing: "decimals: 6}", with: "decimals: 77}")) == [])
    }

    @Test func duplicateTokens() {
        let usdt = #"{symbol: USDT, address: "0xFd086bC7CD5C481DCC9C85ebE478A1C0b69FCbb9", decimals: 6}"#
        // The same address in another case is the same token.
        #expect(S.errors(S.yaml(replacing: usdt, with: #"{symbol: WETH2, address: "0x82af49447d8a07e3bd95bd0d56f35241523fbab1", decimals: 18}"#)
            .replacingOccurrences(of: "coins: [WETH, USDT]", with: "coins: [WETH]")) == [
            "config/dex.yaml: tokens[1] (WETH2): address: 0x82aF49447D8a07e3bd95BD0d56f35241523fBab1 is already tokens[0] (WETH)",
        ])
        #expect(S.errors(S.yaml(replacing: usdt, with: usdt.replacingOccurrences(of: "symbol: USDT", with: "symbol: WETH"))
            .replacingOccurrences(of: "coins: [WETH, USDT]", with: "coins: [WETH]")) == [
            #"config/dex.yaml: tokens[1] (WETH): symbol: "WETH" is already tokens[0] (WETH)"#,
        ])
    }

    @Test func poolCoinsNameTokensOrAddresses() throws {
        #expect(S.errors(S.yaml(replacing: "coins: [WETH, USDT]", with: "coins: [WETH, USDC]")) == [
            #"config/dex.yaml: dexes[0] (toy-one): pools[0].coins[1]: "USDC" is neither an address nor the symbol of a token in tokens"#,
        ])
        let yaml = S.yaml(replacing: "coins: [WETH, USDT]", with: #"coins: ["0xaf88d065e77c8cC2239327C5EDb3A432268e5831", USDT]"#)
        let loaded = try ConfigLoader(registry: S.toyRegistry).load(yaml: yaml, file: "config/dex.yaml")
        #expect(loaded.config.dexes[0].pools[0].coins == [S.address("0xaf88d065e77c8cC2239327C5EDb3A432268e5831"), S.usdt])
    }

    @Test func underlyingCoinsAreReadLikeCoins() throws {
        let yaml = S.yaml(replacing: "coins: [WETH, USDT]", with: "coins: [WETH, USDT], underlyingCoins: [USDT, WETH]")
        let loaded = try ConfigLoader(registry: S.toyRegistry).load(yaml: yaml, file: "config/dex.yaml")
        #expect(loaded.config.dexes[0].pools[0].underlyingCoins == [S.usdt, S.weth])
        #expect(S.errors(S.yaml(replacing: "coins: [WETH, USDT]", with: "coins: [WETH, USDT], underlyingCoins: [DAI]")) == [
            #"config/dex.yaml: dexes[0] (toy-one): pools[0].underlyingCoins[0]: "DAI" is neither an address nor the symbol of a token in tokens"#,
        ])
    }

    @Test func wrongShapesAndValues() {
        #expect(S.errors(S.yaml(replacing: "    enabled: true", with: "    enabled: yes")) == [
            #"config/dex.yaml: dexes[0] (toy-one): enabled: expected true or false, got "yes""#,
        ])
        #expect(S.errors(S.yaml(replacing: "    enabled: false\n", with: "    enabled: false\n    pools: {}\n")) == [
            "config/dex.yaml: dexes[1] (toy-two): pools: expected a list, got a mapping",
        ])
        #expect(S.errors(S.yaml(replacing: "name: toy-one", with: "name: [a, b]")) == [
            "config/dex.yaml: dexes[0]: name: expected text, got a list",
        ])
        #expect(S.errors("- 1\n") == ["config/dex.yaml: expected a mapping, got a list"])
        #expect(S.errors("") == ["config/dex.yaml: empty document"])
    }

    @Test func yamlSyntaxErrorsGiveLineAndColumn() {
        #expect(S.errors("chainId: 42161\ntokens: [\n") == [
            "config/dex.yaml: line 3, column 1: did not find expected node content",
        ])
        #expect(S.errors("chainId: 42161\nchainId: 1\n") == ["config/dex.yaml: line 1, column 1: duplicate keys: chainId"])
    }

    @Test func allErrorsAreCollectedNotJustTheFirst() {
        let yaml = S.validYAML
            .replacingOccurrences(of: "chainId: 42161", with: "chainId: 42161\nowner: me")
            .replacingOccurrences(of: "decimals: 18}", with: "decimals: 99}")
            .replacingOccurrences(of: "0x1111111111111111111111111111111111111111", with: "0x1111")
            .replacingOccurrences(of: "    plugin: toy-dex\n    enabled: false", with: "    plugin: nope\n    enabled: false")
        #expect(S.errors(yaml) == [
            "config/dex.yaml: owner: unknown key (expected one of chainId, tokens, dexes, aggregators, engine, rpc, sync, service, execution)",
            "config/dex.yaml: tokens[0] (WETH): decimals: 99 is out of range 0...77",
            #"config/dex.yaml: dexes[0] (toy-one): routers[0].address: not 0x and 40 hex digits: "0x1111""#,
            #"config/dex.yaml: dexes[1] (toy-two): plugin: unknown plugin "nope" (known: toy-dex)"#,
        ])
    }

    @Test func pluginInitErrorsCarryTheSamePrefix() {
        #expect(S.errors(S.yaml(replacing: "    enabled: true\n", with: "    enabled: true\n    fees: [3000]\n")) == [
            "config/dex.yaml: dexes[0] (toy-one): fees: toy-dex pools have no fee tiers",
        ])
    }

    @Test func unreadableFileIsAnError() {
        #expect(throws: ConfigErrors.self) {
            try ConfigLoader(registry: S.toyRegistry).load(path: "/nonexistent/dex.yaml")
        }
    }
}
