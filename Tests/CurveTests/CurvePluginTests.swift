import Curve
import Kernel
import Testing

/// Building the plugin from dex.yaml entries: what it accepts and the fields it names when not.
@Suite struct CurvePluginTests {
    static func entry(pools: [DEXEntry.Pool], routers: [DEXEntry.Router] = []) -> DEXEntry {
        DEXEntry(name: "curve", plugin: "curve", enabled: true, routers: routers, factories: [], fees: [], pools: pools)
    }

    static func refusal(_ entry: DEXEntry) -> PluginConfigError? {
        do {
            _ = try CurvePlugin(entry: entry)
            return nil
        } catch {
            return error
        }
    }

    @Test func identity() throws {
        #expect(CurvePlugin.name == "curve")
        #expect(CurvePlugin.routerKinds == ["pool", "curve-router"])
        let plugin = try CurvePlugin(entry: TestConfig.entry)
        #expect(plugin.poolAddress(TestConfig.usdce, TestConfig.usdt, fee: nil) == nil)
        #expect(plugin.poolAddress(TestConfig.usdce, TestConfig.usdt, fee: 4) == nil)
    }

    @Test func everyKindIsAccepted() throws {
        for kind in CurvePoolKind.allCases {
            let pool = DEXEntry.Pool(name: kind.rawValue, address: TestConfig.twoPool, coins: [TestConfig.usdce, TestConfig.usdt], kind: kind.rawValue)
            _ = try CurvePlugin(entry: Self.entry(pools: [pool]))
        }
        #expect(Set(CurvePoolKind.allCases.map(\.rawValue)) ==
                ["stableswap", "stableswap-factory-plain2", "stableswap-ng", "metapool", "lending", "crypto", "twocrypto-ng", "tricrypto-ng"])
    }

    @Test func refusedSettingsNameTheirField() {
        let good = DEXEntry.Pool(name: "2pool", address: TestConfig.twoPool, coins: [TestConfig.usdce, TestConfig.usdt], kind: "stableswap")
        var noKind = good
        noKind.kind = nil
        var badKind = good
        badKind.kind = "stableswap-v9"
        var oneCoin = good
        oneCoin.coins = [TestConfig.usdce]
        var nineCoins = good
        nineCoins.coins = Array(repeating: TestConfig.usdce, count: 9)
        var threePlain2 = good
        threePlain2.kind = "stableswap-factory-plain2"
        threePlain2.coins.append(TestConfig.usdce)
        var other = good
        other.address = TestConfig.triCRV
        let cases: [(DEXEntry, String)] = [
            (Self.entry(pools: [other, noKind]), "pools[1].kind"),
            (Self.entry(pools: [badKind]), "pools[0].kind"),
            (Self.entry(pools: [oneCoin]), "pools[0].coins"),
            (Self.entry(pools: [nineCoins]), "pools[0].coins"),
            (Self.entry(pools: [threePlain2]), "pools[0].coins"),
            (Self.entry(pools: [good, other, good]), "pools[2].address"),
            (Self.entry(pools: [good], routers: [.init(name: "r", address: TestConfig.routerNG, kind: "universal-router", version: nil)]), "routers[0].kind"),
            (Self.entry(pools: [good], routers: [.init(name: "r", address: TestConfig.routerNG, kind: "pool", version: nil)]), "routers[0].address"),
            (Self.entry(pools: [good], routers: [
                .init(name: "ok", address: TestConfig.routerNG, kind: "curve-router", version: nil),
                .init(name: "r", address: TestConfig.twoPool, kind: "curve-router", version: nil),
            ]), "routers[1].address"),
        ]
        for (entry, field) in cases {
            let error = Self.refusal(entry)
            #expect(error?.field == field, "\(String(describing: error))")
            #expect(error?.message.isEmpty == false)
        }
    }

    @Test func routerOnlyEntry() throws {
        let plugin = try CurvePlugin(entry: Self.entry(pools: [], routers: [
            .init(name: "Router NG v1.0", address: TestConfig.address("0xF0d4c12A5768D806021F80a262B4d39d26C58b8D"), kind: "curve-router", version: "1.0"),
        ]))
        let call = Calldata("exchange(int128,int128,uint256,uint256)").int(0).int(1).uint(1).uint(1).call(to: TestConfig.twoPool)
        #expect(try plugin.decoder.decode(call) == nil)
    }
}
