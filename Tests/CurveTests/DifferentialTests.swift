import Curve
import Kernel
import Testing

/// The decoder against `Tests/Generated/curve.json`: eth-abi encodings of every Curve function with
/// random full-range arguments, malformed variants, and the expectations scripts/vectors/curve.py
/// derives from the contracts' rules.
@Suite struct DifferentialTests {
    static func entry(_ json: [String: Any]) throws -> DEXEntry {
        let pools = try json.objects("pools").map { pool in
            DEXEntry.Pool(name: try pool.string("name"), address: try pool.address("address"),
                          coins: try (try #require(pool["coins"] as? [String])).map { try Address(hex: $0) },
                          kind: try pool.string("kind"))
        }
        let routers = try json.objects("routers").map { router in
            DEXEntry.Router(name: try router.string("name"), address: try router.address("address"),
                            kind: try router.string("kind"), version: nil)
        }
        return DEXEntry(name: try json.string("name"), plugin: "curve", enabled: true, routers: routers,
                        factories: [], fees: [], pools: pools)
    }

    static func optionalAddress(_ value: Any?) throws -> Address? {
        guard let text = value as? String else { return nil }
        return try Address(hex: text)
    }

    static func expectedSwap(_ expect: [String: Any], dex: String) throws -> DecodedSwap {
        let legs = try expect.objects("legs").map { leg in
            let hops = try leg.objects("hops").map { hop in
                SwapHop(tokenIn: try optionalAddress(hop["tokenIn"]), tokenOut: try optionalAddress(hop["tokenOut"]),
                        pool: .coins(try hop.address("pool"), i: try #require(hop["i"] as? Int), j: try #require(hop["j"] as? Int)))
            }
            return SwapLeg(dex: dex, hops: hops, amount: .exactIn(try leg.decimal("amountIn")), limit: try leg.decimal("limit"),
                           recipient: try optionalAddress(leg["recipient"]), deadline: nil)
        }
        return DecodedSwap(function: try expect.string("function"), legs: legs)
    }

    @Test func matchesGeneratedVectors() throws {
        let file = try Fixture.generated("curve.json")
        let entryJSON = try #require(file["entry"] as? [String: Any])
        let entry = try Self.entry(entryJSON)
        let decoder = try CurvePlugin(entry: entry).decoder
        let vectors = try file.objects("vectors")
        #expect(vectors.count >= 3000)
        var outcomes: [String: Int] = [:]
        for vector in vectors {
            let call = ContractCall(to: try vector.address("to"), data: try [UInt8](hexFixture: try vector.string("data"))[...],
                                    value: try vector.decimal("value"))
            let expect = try #require(vector["expect"] as? [String: Any])
            let label = "\(vector["kind"] ?? "") \(try vector.string("data").prefix(74))"
            let result: Result<DecodedSwap?, DecodingError>
            do { result = .success(try decoder.decode(call)) } catch { result = .failure(error) }
            if let error = expect["error"] as? [String: Any] {
                let expected = DecodingError(try #require(DecodingError.Kind(rawValue: try error.string("kind"))),
                                             at: try #require(error["offset"] as? Int), field: try error.string("field"))
                #expect(result == .failure(expected), "\(label)")
                outcomes["error", default: 0] += 1
            } else if expect["swap"] as? Bool == false {
                #expect(result == .success(nil), "\(label)")
                outcomes["not a swap", default: 0] += 1
            } else {
                #expect(result == .success(try Self.expectedSwap(expect, dex: entry.name)), "\(label)")
                outcomes["swap", default: 0] += 1
            }
        }
        #expect(outcomes["swap", default: 0] >= 1500)
        #expect(outcomes["error", default: 0] >= 800)
        #expect(outcomes["not a swap", default: 0] >= 300)
    }
}
