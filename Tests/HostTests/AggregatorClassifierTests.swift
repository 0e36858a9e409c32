import Foundation
@testable import Host
import Kernel
import Testing
import TestSupport

/// Aggregators through the real config and the classifier: the 36 real swaps with receipts
/// (`coverage`'s tally), and wrapper calls that nest too deep or too wide.
@Suite struct AggregatorClassifierTests {
    typealias S = ConfigTestSupport

    static let settlement = Address(high32: 0x9008_d19f, middle64: 0x58aa_bd9e_d0d6_0971, low64: 0x565a_a851_0560_ab41)

    /// The tally of the fixture through `config`.
    static func tally(_ config: LoadedConfig) throws -> CoverageTally {
        var tally = CoverageTally(classifier: SwapClassifier(config))
        let text = String(decoding: try Fixture.data("arbitrum_real_swaps_with_receipts.jsonl"), as: UTF8.self)
        for line in text.split(separator: "\n") { try tally.add(line: String(line)) }
        return tally
    }

    /// The recognised real swaps name exactly the pools their receipts show swapping: the two
    /// Universal Router calls, the two ParaSwap V6.2 direct Curve swaps, the ParaSwap V5
    /// `simpleBuy` through Camelot V3's router, the CoW settlement through the Uniswap and
    /// SushiSwap V2 routers, the four LlamaZip calls, a Beefy zap and a LI.FI Permit2Proxy call
    /// through KyberSwap, OpenOcean's call list through its caller's V3 helper, and a 0x
    /// meta-transaction whose FillQuoteTransformer bridges through Uniswap V3, a Magpie program
    /// through a Camelot pair. One more Beefy zap is recognised with its KyberSwap hops, but its
    /// last step deposits into a vault whose strategy swaps in two more pools on its own.
    @Test func realSwapsAreRecognisedWithTheirReceiptsPools() throws {
        let tally = try Self.tally(try ConfigLoader().load(path: S.realConfigPath))
        let total = tally.total
        #expect(total.transactions == 36)
        #expect(total.recognised == 16)
        #expect(total.poolsMatch == 15)
        let matched = Dictionary(tally.entries.map { ($0.label ?? "", $0.poolsMatch) }, uniquingKeysWith: +)
        #expect(matched["ParaSwap/Velora Augustus V6.2"] == 2)
        #expect(matched["ParaSwap Augustus V5"] == 1)
        #expect(matched["CoW Protocol GPv2Settlement (solver tx)"] == 1)
        #expect(matched["Uniswap Universal Router v1.2"] == 1)
        #expect(matched["LlamaZip router (Arbitrum)"] == 3)
        #expect(matched["LlamaZip router v2 (Arbitrum)"] == 1)
        #expect(matched["BeefyZapRouter"] == 1)
        #expect(matched["LI.FI Permit2Proxy"] == 1)
        #expect(matched["OpenOcean Exchange"] == 1)
        #expect(matched["0x Exchange Proxy"] == 1)
        #expect(matched["Magpie router v3"] == 1)
        // The private routes are named: 1inch V5 and V6, MetaMask, KyberSwap's
        // route through a DEX kind its executor payload does not spell out, LI.FI's own DEX
        // aggregator behind the Diamond and a LI.FI Permit2Proxy call into KyberSwap whose
        // executor payload is a newer executor's unpublished layout, Odos's `swapCompact`, whose executor
        // path is private, Firebird's V4-style executor swap and Rainbow's call into a 1inch V6
        // executor swap.
        #expect(total.routeUnknown == 9)
    }

    /// Firebird's executor swap and Rainbow's wrapped 1inch call name the pairs and amounts
    /// their receipts show moving: 825 ARB for USDC, and the ether sent less Rainbow's fee for
    /// USDT.
    @Test func firebirdAndRainbowNameTheirPairs() throws {
        var classifier = SwapClassifier(try ConfigLoader().load(path: S.realConfigPath))
        let text = String(decoding: try Fixture.data("arbitrum_real_swaps_with_receipts.jsonl"), as: UTF8.self)
        var routes: [String: UnknownRoute] = [:]
        for line in text.split(separator: "\n") {
            let record = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] ?? [:]
            guard let label = record["toLabel"] as? String, label == "Firebird router" || label == "Rainbow router" else { continue }
            guard case .swap(_, let swap) = classifier.classify(try transactionCall(record)) else {
                Issue.record("\(label): not recognised")
                continue
            }
            routes[label] = swap.unknownRoutes.first
        }
        let arb = try Address(hex: "0x912CE59144191C1204E64559FE8253a0e49E6548")
        let usdc = try Address(hex: "0xaf88d065e77c8cC2239327C5EDb3A432268e5831")
        let usdt = try Address(hex: "0xFd086bC7CD5C481DCC9C85ebE478A1C0b69FCbb9")
        #expect(routes["Firebird router"] == UnknownRoute(aggregator: "firebird", tokenIn: arb, tokenOut: usdc,
                                                          amountIn: UInt256(825) * UInt256(1_000_000_000_000_000_000), minAmountOut: UInt256(1_275_309_085)))
        let rainbow = try #require(routes["Rainbow router"])
        #expect(rainbow.aggregator == "1inch")
        #expect(rainbow.tokenIn == ArbitrumOne.nativeETHPlaceholder)
        #expect(rainbow.tokenOut == usdt)
    }

    /// The LI.FI Permit2Proxy call into KyberSwap whose payload goes to a newer executor in an
    /// unpublished layout (tx 0x647a…0d50; docs/adr/0010: a Balancer V3 path read by hand) is
    /// an unknown route with its description's pair and amounts, never legs on pools it does
    /// not name.
    @Test func kyberSwapPayloadOfAnotherLayoutIsAnUnknownRoute() throws {
        var classifier = SwapClassifier(try ConfigLoader().load(path: S.realConfigPath))
        let text = String(decoding: try Fixture.data("arbitrum_real_swaps_with_receipts.jsonl"), as: UTF8.self)
        let line = try #require(text.split(separator: "\n").first { $0.contains("0x647abf5dc64b1c8bddd70c74fa08b8d1a6b8769513358c96d1e6c90a2c300d50") })
        let record = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] ?? [:]
        guard case .swap(_, let swap) = classifier.classify(try transactionCall(record)) else {
            Issue.record("not recognised")
            return
        }
        #expect(swap.legs.isEmpty)
        let usdc = try Address(hex: "0xaf88d065e77c8cC2239327C5EDb3A432268e5831")
        let amountIn = try #require(UInt256(decimal: "52085941055797375509"))
        #expect(swap.unknownRoutes == [UnknownRoute(
            aggregator: "kyberswap", tokenIn: try Address(hex: "0x0c06ccf38114ddfc35e07427b9424adcca9f44f8"), tokenOut: usdc,
            amountIn: amountIn, minAmountOut: UInt256(59_299_882))])
    }

    /// Magpie's program (tx 0xfb27…908a): one swap of TROVE for WETH on a Camelot pair, the
    /// amounts and limits its header signs; the receipt shows 893.955958232411928011 TROVE paid
    /// to the pair, which sent 813622663851767 wei of WETH, unwrapped for the recipient.
    @Test func magpieProgramIsOneLegThroughItsPair() throws {
        var classifier = SwapClassifier(try ConfigLoader().load(path: S.realConfigPath))
        let text = String(decoding: try Fixture.data("arbitrum_real_swaps_with_receipts.jsonl"), as: UTF8.self)
        let line = try #require(text.split(separator: "\n").first { $0.contains("\"Magpie router v3\"") })
        let record = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] ?? [:]
        guard case .swap(let dex, let swap) = classifier.classify(try transactionCall(record)) else {
            Issue.record("not recognised")
            return
        }
        #expect(dex == "magpie")
        #expect(swap.function == "swapWithMagpieSignature")
        let trove = try Address(hex: "0x982239D38Af50B0168dA33346d85Fb12929c4c07")
        let pair = try Address(hex: "0x9164424A33a89202040F02170431073c59eFa1A9")
        let hop = SwapHop(tokenIn: trove, tokenOut: ArbitrumOne.wrappedNativeToken, pool: .pool(pair, zeroForOne: false))
        #expect(swap.legs == [SwapLeg(dex: "magpie", hops: [hop], amount: .exactIn(try #require(UInt256(decimal: "893955958232411928011"))),
                                      limit: UInt256(805_486_437_213_249), recipient: try Address(hex: "0xa304816C9c78505714f24FC13222fE07Ce0cc711"),
                                      deadline: UInt256(1_747_118_005))])
        #expect(swap.unknownRoutes.isEmpty)
    }

    /// Without the aggregators (the config before them), only the Universal Router calls.
    @Test func withoutAggregatorsOnlyTheRouterCallsAreRecognised() throws {
        var config = try ConfigLoader().load(path: S.realConfigPath)
        config.aggregators = []
        let total = try Self.tally(config).total
        #expect(total.recognised == 2)
        #expect(total.poolsMatch == 2)
    }

    /// Words of a `settle` with no tokens, prices or trades and one intra interaction calling
    /// `target` with `data`.
    static func settle(target: Address, data: [UInt8]) -> [UInt8] {
        func word(_ value: Int) -> [UInt8] { UInt256(UInt64(value)).bigEndianBytes }
        let padded = data + [UInt8](repeating: 0, count: (32 - data.count % 32) % 32)
        let interaction = [UInt8](repeating: 0, count: 12) + Array(target.bytes) + word(0) + word(0x60) + word(data.count) + padded
        // interactions: a tuple of 3 offsets, then [] , [interaction], [].
        let group1 = word(1) + word(0x20) + interaction
        let groups = word(0x60) + word(0x80) + word(0x80 + group1.count) + word(0) + group1 + word(0)
        let head = word(0x80) + word(0xa0) + word(0xc0) + word(0xe0)
        let selector = FunctionSelector.bytes(FunctionSelector.of(
            "settle(address[],uint256[],(uint256,uint256,address,uint256,uint256,uint32,bytes32,uint256,uint256,uint256,bytes)[],(address,uint256,bytes)[][3])"))
        return selector + head + word(0) + word(0) + word(0) + groups
    }

    @Test func settlementsNestedDeeperThanTheBudgetAreMalformed() throws {
        var classifier = SwapClassifier(try ConfigLoader().load(path: S.realConfigPath))
        var data = Self.settle(target: Address(precompile: 1), data: [])
        for _ in 0..<10 { data = Self.settle(target: Self.settlement, data: data) }
        guard case .malformed(let malformed) = classifier.classify(ContractCall(to: Self.settlement, data: data[...], value: .zero)) else {
            Issue.record("a settlement nested 10 deep was accepted")
            return
        }
        #expect(malformed.dex == "cow")
        #expect(malformed.error.kind == .tooDeep)
        #expect(malformed.error.offset > 0 && malformed.error.offset < data.count)
    }

    @Test func settlementsNestedWithinTheBudgetAreNotSwaps() throws {
        var classifier = SwapClassifier(try ConfigLoader().load(path: S.realConfigPath))
        var data = Self.settle(target: Address(precompile: 1), data: [])
        for _ in 0..<2 { data = Self.settle(target: Self.settlement, data: data) }
        #expect(classifier.classify(ContractCall(to: Self.settlement, data: data[...], value: .zero)) == .notASwap)
    }
}
