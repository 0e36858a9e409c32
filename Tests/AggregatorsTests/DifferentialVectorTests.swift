import Aggregators
import Kernel
import Testing
import TestSupport

/// aggregators.json (scripts/vectors/aggregators.py): calls eth-abi built from the aggregators'
/// ABIs decode to the legs and unknown routes their arguments say; calls cut inside the head are
/// decoding errors; wrappers hand exactly their inner calls to the host, in order.
@Suite struct DifferentialVectorTests {
    /// The plugins of the generated entries, by name.
    static func decoders(_ document: [String: Any]) throws -> [String: any AggregatorDecoder] {
        var decoders: [String: any AggregatorDecoder] = [:]
        for json in try document.objects("entries") {
            let entry = try generatedAggregatorEntry(json)
            let plugin = try #require(aggregatorPlugins[entry.plugin])
            decoders[entry.name] = try plugin.init(entry: entry).decoder
        }
        return decoders
    }

    @Test func callsDecodeToTheirArguments() throws {
        let document = try Fixture.generated("aggregators.json")
        let decoders = try Self.decoders(document)
        let vectors = try document.objects("vectors")
        #expect(vectors.count >= 450)
        for vector in vectors {
            let dex = try vector.string("dex")
            let kind = try vector.string("kind")
            let call = try generatedCall(vector)
            var budget = InnerCallBudget(origin: call.data.startIndex)
            let decoded = try #require(try decoders[dex]?.decode(call, inner: TableInnerCalls(), budget: &budget), "\(kind)")
            let expected = try expectedAggregatorSwap(try vector.object("expected"), dex: dex)
            #expect(decoded == expected, "\(kind)")
        }
    }

    @Test func truncatedCallsAreDecodingErrors() throws {
        let document = try Fixture.generated("aggregators.json")
        let decoders = try Self.decoders(document)
        for vector in try document.objects("malformed") {
            let dex = try vector.string("dex")
            let kind = try vector.string("kind")
            let call = try generatedCall(vector)
            var budget = InnerCallBudget(origin: call.data.startIndex)
            let decoder = try #require(decoders[dex])
            do {
                _ = try decoder.decode(call, inner: TableInnerCalls(), budget: &budget)
                Issue.record("\(kind): decoded")
            } catch {
                // Where the vector names the error (1inch's direct forms), it is that one.
                if let expected = vector["error"] as? String { #expect(error.kind.rawValue == expected, "\(kind)") }
                #expect(error.offset >= 0 && error.offset <= call.data.count, "\(kind)")
            }
        }
    }

    /// Every direct form of both 1inch routers has vectors (legs and, for V6's underlying Curve
    /// swaps, unknown routes) and malformed calls of each kind the generator writes.
    @Test func oneInchDirectFormsAreAllCovered() throws {
        let document = try Fixture.generated("aggregators.json")
        let kinds = Set(try document.objects("vectors").map { try $0.string("kind") })
        let malformed = Set(try document.objects("malformed").map { try $0.string("kind") })
        let v5 = ["unoswap", "unoswapTo", "unoswapToWithPermit", "uniswapV3Swap", "uniswapV3SwapTo", "uniswapV3SwapToWithPermit"]
        var v6: [String] = []
        for suffix in ["", "2", "3"] { v6 += ["unoswap", "unoswapTo", "ethUnoswap", "ethUnoswapTo"].map { $0 + suffix } }
        for function in v5 {
            #expect(kinds.contains("1inch-v5-\(function)"))
            for problem in ["cut", "offset", "empty"] { #expect(malformed.contains("1inch-v5-\(function)-\(problem)")) }
        }
        for function in v6 {
            #expect(kinds.contains("1inch-v6-\(function)"))
            for problem in ["cut", "refused-pool"] { #expect(malformed.contains("1inch-v6-\(function)-\(problem)")) }
        }
        let unknown = try document.objects("vectors").filter { vector in
            guard try vector.string("kind").hasPrefix("1inch-v6-") else { return false }
            return !(try vector.object("expected").objects("unknownRoutes").isEmpty)
        }
        #expect(unknown.count >= 10)
    }

    @Test func wrappersHandTheirInnerCallsToTheHost() throws {
        let document = try Fixture.generated("aggregators.json")
        let decoders = try Self.decoders(document)
        for vector in try document.objects("wrappers") {
            let dex = try vector.string("dex")
            let kind = try vector.string("kind")
            let call = try generatedCall(vector)
            let inner = TableInnerCalls()
            var budget = InnerCallBudget(origin: call.data.startIndex, calls: 100)
            let decoded = try decoders[dex]?.decode(call, inner: inner, budget: &budget)
            let expected = try expectedAggregatorSwapOrNone(vector, dex: dex)
            #expect(decoded == expected, "\(kind)")
            let expectedCalls = try vector.objects("innerCalls")
            #expect(inner.seen.calls.count == expectedCalls.count)
            for (seen, expected) in zip(inner.seen.calls, expectedCalls) {
                let to = try expected.address("to")
                let data = try expected.bytes("data")
                #expect(seen.to == to)
                #expect(seen.data == data)
                if expected["value"] != nil { #expect(seen.value == (try expected.decimal("value")), "\(kind)") }
            }
        }
    }

    /// An inner call the host recognises replaces the unknown route with its legs (taking the
    /// wrapper's balance where the wrapper writes it into the call), beside the routes of the
    /// parts the wrapper could only name (0x's other fill orders).
    @Test func recognisedInnerCallsGiveTheirLegs() throws {
        let document = try Fixture.generated("aggregators.json")
        let decoders = try Self.decoders(document)
        for vector in try document.objects("wrappers") {
            let innerCalls = try vector.objects("innerCalls")
            guard let first = innerCalls.first else { continue }
            let dex = try vector.string("dex")
            let leg = SwapLeg(dex: "uniswap-v3", hops: [SwapHop(tokenIn: nil, tokenOut: nil, pool: .byTokens(fee: 500))],
                              amount: .exactIn(7), limit: nil, recipient: nil, deadline: nil)
            let inner = TableInnerCalls(answers: [try first.address("to"): DecodedSwap(function: "exactInput", legs: [leg])])
            let call = try generatedCall(vector)
            var budget = InnerCallBudget(origin: call.data.startIndex, calls: 100)
            let decoded = try #require(try decoders[dex]?.decode(call, inner: inner, budget: &budget))
            let hits = try innerCalls.filter { try $0.address("to") == first.address("to") }
            let expected = hits.map { hit in
                var expected = leg
                if hit["fromBalance"] as? Bool == true { expected.amount = .exactInRouterBalance }
                return expected
            }
            #expect(decoded.legs == expected)
            let beside = try vector.objects("routesBeside").map(expectedUnknownRoute)
            #expect(decoded.unknownRoutes == beside)
        }
    }

    /// OpenOcean's helper calls nested past the level limit, or more of them than the call
    /// limit: `tooDeep` within the default budget, never a trap or a long loop.
    @Test func helperBombsAreTooDeep() throws {
        let document = try Fixture.generated("aggregators.json")
        let decoders = try Self.decoders(document)
        let bombs = try document.objects("bombs")
        #expect(bombs.count == 2)
        for vector in bombs {
            let call = try generatedCall(vector)
            var budget = InnerCallBudget(origin: call.data.startIndex)
            let decoder = try #require(decoders[try vector.string("dex")])
            do {
                _ = try decoder.decode(call, inner: TableInnerCalls(), budget: &budget)
                Issue.record("a bomb decoded")
            } catch {
                #expect(error.kind == .tooDeep)
                #expect(error.offset > 0 && error.offset < call.data.count)
            }
        }
    }

    /// A wrapper with more inner calls than the budget ends in `tooDeep`, not a long loop.
    @Test func innerCallsBeyondTheBudgetAreRefused() throws {
        let document = try Fixture.generated("aggregators.json")
        let decoders = try Self.decoders(document)
        let crowded = try document.objects("wrappers").first { try $0.objects("innerCalls").count >= 2 }
        let vector = try #require(crowded)
        let call = try generatedCall(vector)
        var budget = InnerCallBudget(origin: call.data.startIndex, calls: 1)
        let decoder = try #require(decoders[try vector.string("dex")])
        #expect(throws: DecodingError.self) { _ = try decoder.decode(call, inner: TableInnerCalls(), budget: &budget) }
    }
}
