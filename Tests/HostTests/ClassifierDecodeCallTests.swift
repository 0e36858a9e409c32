@testable import Host
import Kernel
import Testing

/// `decode-call`'s line format: exactly one output line per input line.
@Suite struct ClassifierDecodeCallTests {
    typealias S = ConfigTestSupport

    static func decoder() throws -> CallLineDecoder {
        CallLineDecoder(classifier: try ClassifierTests.classifier())
    }

    static func line(to: String, data: [UInt8], extra: String = "") -> String {
        #"{"to":"\#(to)","data":"\#(Hex.encode(data))"\#(extra)}"#
    }

    @Test func swapLine() throws {
        var decoder = try Self.decoder()
        #expect(decoder.decode(line: Self.line(to: S.routerOne.description, data: ClassifierTests.toySwap, extra: #","value":"0x0""#)) == """
            {"dex":"toy-one","function":"swap","legs":[{"tokenIn":"0x82aF49447D8a07e3bd95BD0d56f35241523fBab1",\
            "tokenOut":"0xFd086bC7CD5C481DCC9C85ebE478A1C0b69FCbb9","amountIn":"1000000000000000000",\
            "amountOutMin":"2500000000","path":[{"tokenIn":"0x82aF49447D8a07e3bd95BD0d56f35241523fBab1",\
            "tokenOut":"0xFd086bC7CD5C481DCC9C85ebE478A1C0b69FCbb9","fee":null}],\
            "recipient":"0x00000000000000000000000000000000000000AA","deadline":null}]}
            """)
    }

    @Test func notASwapLines() throws {
        var decoder = try Self.decoder()
        #expect(decoder.decode(line: Self.line(to: S.weth.checksummed, data: ClassifierTests.toySwap)) == #"{"swap":false}"#)
        #expect(decoder.decode(line: Self.line(to: S.routerOne.description, data: [0x09, 0x5e, 0xa7, 0xb3])) == #"{"swap":false}"#)
        // A contract creation, and a decode-tx line with its other keys, pipe through.
        #expect(decoder.decode(line: #"{"to":null,"data":"0x6080"}"#) == #"{"swap":false}"#)
        #expect(decoder.decode(line: #"{"hash":"0x01","type":"0x2","to":"0x82aF49447D8a07e3bd95BD0d56f35241523fBab1","value":"0xde0b6b3a7640000","data":"0x"}"#)
            == #"{"swap":false}"#)
    }

    @Test func malformedCalldataLine() throws {
        var decoder = try Self.decoder()
        #expect(decoder.decode(line: Self.line(to: S.routerOne.description, data: Array(ClassifierTests.toySwap.prefix(78))))
            == #"{"error":{"kind":"truncated","offset":68,"message":"truncated in amountIn at byte 68","dex":"toy-one"}}"#)
        #expect(decoder.classifier.counters.malformed(of: "toy-one") == 1)
    }

    @Test func malformedInputLines() throws {
        var decoder = try Self.decoder()
        let router = S.routerOne.description
        let cases: [(String, String)] = [
            ("", #"{"error":{"kind":"input","offset":0,"message":"not a JSON object","dex":null}}"#),
            ("[1]", #"{"error":{"kind":"input","offset":0,"message":"not a JSON object","dex":null}}"#),
            (#"{"data":"0x"}"#, #"{"error":{"kind":"input","offset":0,"message":"to: missing","dex":null}}"#),
            (#"{"to":5,"data":"0x"}"#, #"{"error":{"kind":"input","offset":0,"message":"to: expected a string","dex":null}}"#),
            (#"{"to":"\#(router)"}"#, #"{"error":{"kind":"input","offset":0,"message":"data: missing","dex":null}}"#),
            (#"{"to":"0x12","data":"0x"}"#, #"{"error":{"kind":"input","offset":0,"message":"to: expected 20 bytes, got 1","dex":null}}"#),
            (#"{"to":"0x82AF49447D8a07e3bd95BD0d56f35241523fBab1","data":"0x"}"#,
             #"{"error":{"kind":"input","offset":0,"message":"to: bad EIP-55 checksum","dex":null}}"#),
            (#"{"to":"\#(router)","data":"0x12z4"}"#, #"{"error":{"kind":"input","offset":4,"message":"data: not a hex digit at character 4","dex":null}}"#),
            (#"{"to":"\#(router)","data":"0x123"}"#, #"{"error":{"kind":"input","offset":0,"message":"data: odd number of hex digits (3)","dex":null}}"#),
            (#"{"to":"\#(router)","data":"0x","value":"-1"}"#,
             #"{"error":{"kind":"input","offset":0,"message":"value: expected a 0x hex or decimal string below 2^256","dex":null}}"#),
            (#"{"to":"\#(router)","data":"0x","value":12}"#,
             #"{"error":{"kind":"input","offset":0,"message":"value: expected a 0x hex or decimal string below 2^256","dex":null}}"#),
        ]
        for (input, output) in cases {
            #expect(decoder.decode(line: input) == output)
        }
    }

    @Test func valueIsHexOrDecimal() throws {
        let router = S.routerOne.description
        let hex = try CallLineDecoder.parse(#"{"to":"\#(router)","data":"0x","value":"0xde0b6b3a7640000"}"#).get()
        let decimal = try CallLineDecoder.parse(#"{"to":"\#(router)","data":"0x","value":"1000000000000000000"}"#).get()
        let absent = try CallLineDecoder.parse(#"{"to":"\#(router)","data":"0x"}"#).get()
        #expect(hex?.value == UInt256(1_000_000_000_000_000_000))
        #expect(decimal?.value == UInt256(1_000_000_000_000_000_000))
        #expect(absent?.value == .zero)
    }

    /// The real config with the production plugins: Curve's 2pool `exchange(0, 1, 1e6, 99e4)`
    /// (selector 0x3df02124), the same call cut short, and a call to a token.
    @Test func realConfigDecodesACurveExchange() throws {
        var decoder = CallLineDecoder(classifier: SwapClassifier(try ConfigLoader().load(path: S.realConfigPath)))
        let word = { (n: Int) in String(repeating: "0", count: 64 - String(n, radix: 16).count) + String(n, radix: 16) }
        let exchange = "0x3df02124" + word(0) + word(1) + word(1_000_000) + word(990_000)
        let twoPool = "0x7f90122BF0700F9E7e1F688fe926940E8839F353"
        #expect(decoder.decode(line: #"{"to":"\#(twoPool)","data":"\#(exchange)"}"#) == """
            {"dex":"curve","function":"exchange","legs":[{"tokenIn":"0xFF970A61A04b1cA14834A43f5dE4533eBDDB5CC8",\
            "tokenOut":"0xFd086bC7CD5C481DCC9C85ebE478A1C0b69FCbb9","amountIn":"1000000","amountOutMin":"990000",\
            "path":[{"tokenIn":"0xFF970A61A04b1cA14834A43f5dE4533eBDDB5CC8","tokenOut":"0xFd086bC7CD5C481DCC9C85ebE478A1C0b69FCbb9",\
            "pool":"0x7f90122BF0700F9E7e1F688fe926940E8839F353","i":0,"j":1}],"recipient":null,"deadline":null}]}
            """)
        #expect(decoder.decode(line: #"{"to":"\#(twoPool)","data":"\#(exchange.dropLast(64))"}"#)
            == #"{"error":{"kind":"truncated","offset":100,"message":"truncated in min_dy at byte 100","dex":"curve"}}"#)
        #expect(decoder.decode(line: #"{"to":"0x82aF49447D8a07e3bd95BD0d56f35241523fBab1","data":"\#(exchange)"}"#) == #"{"swap":false}"#)
        #expect(decoder.classifier.counters.swaps(of: "curve") == 1)
        #expect(decoder.classifier.counters.malformed(of: "curve") == 1)
    }

    /// Every shape of leg and hop the plugins produce.
    @Test func legAndHopShapes() {
        let pool = S.address("0x7f90122BF0700F9E7e1F688fe926940E8839F353")
        let legs = [
            SwapLeg(dex: "d", hops: [SwapHop(tokenIn: nil, tokenOut: nil, pool: .pool(pool, zeroForOne: true))],
                    amount: .exactOut(UInt256(5)), limit: nil, recipient: nil, deadline: UInt256(1_700_000_000)),
            SwapLeg(dex: "d", hops: [SwapHop(tokenIn: S.usdt, tokenOut: S.weth, pool: .coins(pool, i: 1, j: 0)),
                                     SwapHop(tokenIn: S.weth, tokenOut: S.usdt, pool: .byTokens(fee: 500))],
                    amount: .exactInRouterBalance, limit: UInt256(0), recipient: S.weth, deadline: nil),
        ]
        let named = S.address("0xC6962004f452bE9203591991D15f6b388e09E8D0")
        #expect(SwapJSON.render(DecodedSwap(function: "multicall", legs: legs), dex: "d", poolOf: { hop, _ in
            if case .byTokens = hop.pool { named } else { nil }
        }).rendered == """
            {"dex":"d","function":"multicall","legs":[{"tokenIn":null,"tokenOut":null,"amountOut":"5","amountInMax":null,\
            "path":[{"tokenIn":null,"tokenOut":null,"pool":"0x7f90122BF0700F9E7e1F688fe926940E8839F353","zeroForOne":true}],\
            "recipient":null,"deadline":"1700000000"},{"tokenIn":"0xFd086bC7CD5C481DCC9C85ebE478A1C0b69FCbb9",\
            "tokenOut":"0xFd086bC7CD5C481DCC9C85ebE478A1C0b69FCbb9","amountIn":"routerBalance","amountOutMin":"0",\
            "path":[{"tokenIn":"0xFd086bC7CD5C481DCC9C85ebE478A1C0b69FCbb9","tokenOut":"0x82aF49447D8a07e3bd95BD0d56f35241523fBab1",\
            "pool":"0x7f90122BF0700F9E7e1F688fe926940E8839F353","i":1,"j":0},{"tokenIn":"0x82aF49447D8a07e3bd95BD0d56f35241523fBab1",\
            "tokenOut":"0xFd086bC7CD5C481DCC9C85ebE478A1C0b69FCbb9","fee":500,"pool":"0xC6962004f452bE9203591991D15f6b388e09E8D0"}],\
            "recipient":"0x82aF49447D8a07e3bd95BD0d56f35241523fBab1","deadline":null}]}
            """)
    }

    /// A hop's price limit and a leg's allow-revert flag come last, and only when set.
    @Test func priceLimitsAndAllowRevertOnlyWhenSet() {
        let pool = S.address("0x7f90122BF0700F9E7e1F688fe926940E8839F353")
        let legs = [
            SwapLeg(dex: "d", hops: [SwapHop(tokenIn: nil, tokenOut: nil, pool: .pool(pool, zeroForOne: false), sqrtPriceLimitX96: UInt256(4_295_128_740))],
                    amount: .exactIn(UInt256(5)), limit: nil, recipient: nil, deadline: nil),
            SwapLeg(dex: "d", hops: [SwapHop(tokenIn: S.weth, tokenOut: S.usdt, pool: .byTokens(fee: 500))],
                    amount: .exactIn(UInt256(6)), limit: UInt256(1), recipient: nil, deadline: nil, allowRevert: true),
        ]
        #expect(SwapJSON.render(DecodedSwap(function: "execute", legs: legs), dex: "d", poolOf: { _, _ in nil }).rendered == """
            {"dex":"d","function":"execute","legs":[{"tokenIn":null,"tokenOut":null,"amountIn":"5","amountOutMin":null,\
            "path":[{"tokenIn":null,"tokenOut":null,"pool":"0x7f90122BF0700F9E7e1F688fe926940E8839F353","zeroForOne":false,\
            "sqrtPriceLimitX96":"4295128740"}],"recipient":null,"deadline":null},{"tokenIn":"0x82aF49447D8a07e3bd95BD0d56f35241523fBab1",\
            "tokenOut":"0xFd086bC7CD5C481DCC9C85ebE478A1C0b69FCbb9","amountIn":"6","amountOutMin":"1",\
            "path":[{"tokenIn":"0x82aF49447D8a07e3bd95BD0d56f35241523fBab1","tokenOut":"0xFd086bC7CD5C481DCC9C85ebE478A1C0b69FCbb9","fee":500}],\
            "recipient":null,"deadline":null,"allowRevert":true}]}
            """)
    }

    /// An aggregator line: a leg of another entry says its `dex`; unknown routes come after the legs.
    @Test func aggregatorLegsAndUnknownRoutes() {
        let leg = SwapLeg(dex: "sushiswap-v2", hops: [SwapHop(tokenIn: S.weth, tokenOut: S.usdt, pool: .byTokens(fee: nil))],
                          amount: .exactOut(UInt256(5)), limit: UInt256(9), recipient: nil, deadline: nil)
        let route = UnknownRoute(aggregator: "cow", tokenIn: S.usdt, tokenOut: nil, amountIn: UInt256(3), minAmountOut: nil)
        #expect(SwapJSON.render(DecodedSwap(function: "settle", legs: [leg], unknownRoutes: [route]), dex: "cow", poolOf: { _, _ in nil }).rendered == """
            {"dex":"cow","function":"settle","legs":[{"tokenIn":"0x82aF49447D8a07e3bd95BD0d56f35241523fBab1",\
            "tokenOut":"0xFd086bC7CD5C481DCC9C85ebE478A1C0b69FCbb9","amountOut":"5","amountInMax":"9",\
            "path":[{"tokenIn":"0x82aF49447D8a07e3bd95BD0d56f35241523fBab1","tokenOut":"0xFd086bC7CD5C481DCC9C85ebE478A1C0b69FCbb9","fee":null}],\
            "recipient":null,"deadline":null,"dex":"sushiswap-v2"}],"unknownRoutes":[{"aggregator":"cow",\
            "tokenIn":"0xFd086bC7CD5C481DCC9C85ebE478A1C0b69FCbb9","tokenOut":null,"amountIn":"3","amountOutMin":null}]}
            """)
    }
}
