@testable import Host
import Kernel
import Testing

/// The classifier: router and pool addresses of enabled entries to their plugin's decoder; unknown
/// addresses and selectors are not swaps; malformed calldata is a typed error counted per DEX.
@Suite struct ClassifierTests {
    typealias S = ConfigTestSupport

    static func classifier(_ yaml: String = S.validYAML, registry: PluginRegistry = S.toyRegistry) throws -> SwapClassifier {
        SwapClassifier(try ConfigLoader(registry: registry).load(yaml: yaml, file: "config/dex.yaml"))
    }

    static let recipient = S.address("0x00000000000000000000000000000000000000aa")
    static let toySwap = ToySwapDecoder.calldata(tokenIn: S.weth, tokenOut: S.usdt, amountIn: 1_000_000_000_000_000_000,
                                                 amountOutMin: 2_500_000_000, to: recipient)

    static func call(_ to: Address, _ data: [UInt8], value: UInt256 = .zero) -> ContractCall {
        ContractCall(to: to, data: data[...], value: value)
    }

    static func expectedSwap(dex: String) -> DecodedSwap {
        DecodedSwap(function: "swap", legs: [
            SwapLeg(dex: dex, hops: [SwapHop(tokenIn: S.weth, tokenOut: S.usdt, pool: .byTokens(fee: nil))],
                    amount: .exactIn(UInt256(1_000_000_000_000_000_000)), limit: UInt256(2_500_000_000),
                    recipient: recipient, deadline: nil),
        ])
    }

    @Test func routerCallOfAnEnabledEntryIsASwap() throws {
        var classifier = try Self.classifier()
        #expect(classifier.classify(Self.call(S.routerOne, Self.toySwap)) == .swap(dex: "toy-one", Self.expectedSwap(dex: "toy-one")))
        #expect(classifier.counters.swaps(of: "toy-one") == 1)
    }

    @Test func configuredPoolAddressesReachTheDecoderToo() throws {
        var classifier = try Self.classifier()
        #expect(classifier.dex(at: S.pool) == "toy-one")
        #expect(classifier.classify(Self.call(S.pool, Self.toySwap)) == .swap(dex: "toy-one", Self.expectedSwap(dex: "toy-one")))
    }

    @Test func disablingADexInYAMLStopsItsSwapsBeingRecognised() throws {
        // toy-two is disabled in the file: its router is not in the map.
        var classifier = try Self.classifier()
        #expect(classifier.dex(at: S.routerTwo) == nil)
        #expect(classifier.classify(Self.call(S.routerTwo, Self.toySwap)) == .notASwap)
        // Turning toy-one off in YAML alone stops its swaps too.
        var disabled = try Self.classifier(S.yaml(replacing: "    enabled: true", with: "    enabled: false"))
        #expect(disabled.classify(Self.call(S.routerOne, Self.toySwap)) == .notASwap)
        #expect(disabled.classify(Self.call(S.pool, Self.toySwap)) == .notASwap)
        // And turning toy-two on makes its router known.
        var enabled = try Self.classifier(S.yaml(replacing: "    enabled: false", with: "    enabled: true"))
        #expect(enabled.classify(Self.call(S.routerTwo, Self.toySwap)) == .swap(dex: "toy-two", Self.expectedSwap(dex: "toy-two")))
    }

    @Test func unknownAddressIsNotASwap() throws {
        var classifier = try Self.classifier()
        #expect(classifier.classify(Self.call(S.weth, Self.toySwap)) == .notASwap)
        #expect(classifier.counters == SwapCounters(dexNames: ["toy-one"]))
    }

    @Test func unknownSelectorOrShortCalldataIsNotASwap() throws {
        var classifier = try Self.classifier()
        // approve(address,uint256) to the router, empty calldata, and 3 bytes.
        #expect(classifier.classify(Self.call(S.routerOne, [0x09, 0x5e, 0xa7, 0xb3] + [UInt8](repeating: 0, count: 64))) == .notASwap)
        #expect(classifier.classify(Self.call(S.routerOne, [])) == .notASwap)
        #expect(classifier.classify(Self.call(S.routerOne, [0x01, 0x02, 0x03])) == .notASwap)
        #expect(classifier.counters.malformed(of: "toy-one") == 0)
    }

    @Test func malformedCalldataIsATypedErrorCountedPerDex() throws {
        var classifier = try Self.classifier(S.yaml(replacing: "    enabled: false", with: "    enabled: true"))
        // Cut inside amountIn (argument 2 starts at byte 4 + 64).
        let truncated = Array(Self.toySwap.prefix(4 + 64 + 10))
        #expect(classifier.classify(Self.call(S.routerOne, truncated))
            == .malformed(MalformedSwapCall(dex: "toy-one", error: DecodingError(.truncated, at: 68, field: "amountIn"))))
        // Dirty high bytes in tokenIn's word.
        var dirty = Self.toySwap
        dirty[4] = 1
        #expect(classifier.classify(Self.call(S.routerTwo, dirty))
            == .malformed(MalformedSwapCall(dex: "toy-two", error: DecodingError(.invalidValue, at: 4, field: "tokenIn"))))
        _ = classifier.classify(Self.call(S.routerTwo, dirty))
        _ = classifier.classify(Self.call(S.routerTwo, Self.toySwap))
        #expect(classifier.counters.malformed == [1, 2])
        #expect(classifier.counters.swaps == [0, 1])
        #expect(classifier.counters.malformed(of: "toy-two") == 2)
    }

    /// A new family is one module (ToyDEXPlugin, written against Kernel alone) plus one line:
    /// the production registry with it added loads a file naming both kinds of plugin.
    @Test func newFamilyIsOneModulePlusOneRegistryLine() throws {
        let registry = PluginRegistry.production.adding(ToyDEXPlugin.self)
        let yaml = S.validYAML + """

              - name: sushiswap-v2
                plugin: uniswap-v2
                enabled: true
                factories:
                  - {address: "0xc35DADB65012eC5796536bD9864eD8773aBc74C4", initCodeHash: "0xe18a34eb0e04b04f7a0ac29a6e80748dca96319b42c54d679cb821dca90c6303"}
                routers:
                  - {name: Router02, address: "0x1b02dA8Cb0d097eB8D57A175b88c7D8b47997506", kind: v2-router}
            """
        var classifier = try Self.classifier(yaml, registry: registry)
        #expect(classifier.dex(at: S.address("0x1b02dA8Cb0d097eB8D57A175b88c7D8b47997506")) == "sushiswap-v2")
        #expect(classifier.classify(Self.call(S.routerOne, Self.toySwap)) == .swap(dex: "toy-one", Self.expectedSwap(dex: "toy-one")))
        // Without the line, the family is unknown.
        #expect(S.errors(S.validYAML, registry: .production).contains(
            #"config/dex.yaml: dexes[0] (toy-one): plugin: unknown plugin "toy-dex" (known: camelot-v2, camelot-v3, curve, uniswap-v2, uniswap-v3)"#))
    }

    @Test func realConfigMapsEveryEnabledRouterAndPool() throws {
        let loaded = try ConfigLoader().load(path: S.realConfigPath)
        let classifier = SwapClassifier(loaded)
        for entry in loaded.config.dexes {
            for address in entry.routers.map(\.address) + entry.pools.map(\.address) {
                #expect(classifier.dex(at: address) == entry.name)
            }
        }
        #expect(classifier.dex(at: S.weth) == nil)
    }
}
