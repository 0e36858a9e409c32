import Aggregators
import Foundation
import Kernel
import Testing
import TestSupport

/// aggregators-direct.json (scripts/vectors/aggregators_direct.py): the direct-route forms whose
/// pools the calldata writes (Augustus V6.2's Uniswap swaps, 0x's UniswapV3Feature) decode to
/// the legs and pools their arguments say; Augustus V5's `directUniV3Swap`/`Buy` hand exactly the
/// SwapRouter call the router makes to the host; malformed calls are decoding errors.
@Suite struct DirectFormVectorTests {
    /// The generated document and its entries' decoders by name.
    static func load() throws -> ([String: Any], [String: any AggregatorDecoder]) {
        let document = try Fixture.generated("aggregators-direct.json")
        var decoders: [String: any AggregatorDecoder] = [:]
        for json in try document.objects("entries") {
            let entry = try generatedAggregatorEntry(json)
            let factories = try json.objects("factories").map {
                DEXEntry.Factory(address: try $0.address("address"), initCodeHash: $0["initCodeHash"] is NSNull ? nil : try Hash32(hex: $0.string("initCodeHash")))
            }
            let withFactories = DEXEntry(name: entry.name, plugin: entry.plugin, enabled: true, routers: entry.routers, factories: factories, fees: [], pools: [],
                                         wrappedNative: nil)
            let plugin = try #require(aggregatorPlugins[entry.plugin])
            decoders[entry.name] = try plugin.init(entry: withFactories).decoder
        }
        return (document, decoders)
    }

    /// The swap a vector expects: its legs (pools by address and direction, exact input or
    /// output) and unknown routes.
    static func expected(_ json: [String: Any], dex: String) throws -> DecodedSwap {
        var swap = try #require(try expectedSwap(json, dex: dex))
        swap.unknownRoutes = try json.objects("unknownRoutes").map(expectedUnknownRoute)
        return swap
    }

    @Test func directCallsDecodeToTheirPools() throws {
        let (document, decoders) = try Self.load()
        let vectors = try document.objects("vectors")
        #expect(vectors.count >= 280)
        for vector in vectors {
            let dex = try vector.string("dex")
            let kind = try vector.string("kind")
            let call = try generatedCall(vector)
            let expected = try Self.expected(try vector.object("expected"), dex: dex)
            var budget = InnerCallBudget(origin: call.data.startIndex)
            let decoded = try #require(try decoders[dex]?.decode(call, inner: TableInnerCalls(), budget: &budget), "\(kind)")
            #expect(decoded == expected, "\(kind)")
        }
    }

    @Test func malformedDirectCallsAreDecodingErrors() throws {
        let (document, decoders) = try Self.load()
        let cases = try document.objects("malformed")
        #expect(cases.count >= 50)
        for vector in cases {
            let call = try generatedCall(vector)
            let kind = try vector.string("kind")
            var budget = InnerCallBudget(origin: call.data.startIndex)
            let decoder = try #require(decoders[try vector.string("dex")])
            #expect(throws: DecodingError.self, "\(kind)") {
                _ = try decoder.decode(call, inner: TableInnerCalls(), budget: &budget)
            }
        }
    }

    /// Augustus V5's direct Uniswap V3 calls: the host sees exactly the SwapRouter call; an
    /// unrecognised one is an unknown route, a recognised one its legs with the user's bound.
    @Test func directUniV3HandsTheRouterCallToTheHost() throws {
        let (document, decoders) = try Self.load()
        let wrappers = try document.objects("wrappers")
        #expect(wrappers.count >= 80)
        for vector in wrappers {
            let dex = try vector.string("dex")
            let kind = try vector.string("kind")
            let call = try generatedCall(vector)
            let decoder = try #require(decoders[dex])
            let innerCall = try vector.object("innerCall")
            let inner = TableInnerCalls()
            var budget = InnerCallBudget(origin: call.data.startIndex)
            let decoded = try decoder.decode(call, inner: inner, budget: &budget)
            let expected = try Self.expected(try vector.object("expected"), dex: dex)
            let innerTo = try innerCall.address("to")
            let innerData = try innerCall.bytes("data")
            #expect(decoded == expected)
            #expect(inner.seen.calls.count == 1)
            #expect(inner.seen.calls.first?.to == innerTo)
            #expect(inner.seen.calls.first?.data == innerData)

            let answer = try vector.object("answer")
            let hop = SwapHop(tokenIn: try answer.address("tokenIn"), tokenOut: try answer.address("tokenOut"), pool: .byTokens(fee: 500))
            let leg = SwapLeg(dex: "uniswap-v3", hops: [hop], amount: .exactIn(7), limit: nil, recipient: nil, deadline: nil)
            let known = TableInnerCalls(answers: [innerTo: DecodedSwap(function: "exactInput", legs: [leg])])
            var again = InnerCallBudget(origin: call.data.startIndex)
            let recognised = try #require(try decoder.decode(call, inner: known, budget: &again))
            var expectedLeg = leg
            expectedLeg.limit = try answer.optionalDecimal("limit")
            #expect(recognised.legs == [expectedLeg])
            #expect(recognised.unknownRoutes.isEmpty)
            #expect(recognised.function == kind)
        }
    }
}
