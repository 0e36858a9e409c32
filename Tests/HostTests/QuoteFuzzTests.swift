import Foundation
@testable import Host
import Testing

/// Bad numbers in every field of real requests: each line still gets exactly one JSON object
/// back — a result or a typed error — and nothing traps.
@Suite struct QuoteFuzzTests {
    /// Values a mutated field takes: zero, one, the type limits and beyond, signs, fractions,
    /// the wrong JSON type.
    static var replacements: [Any] { [
        "0", "1", "-1", String(repeating: "9", count: 78),
        "115792089237316195423570985008687907853269984665640564039457584007913129639935",
        "57896044618658097711785492504343953926634992332820282019728792003956564819968",
        "-57896044618658097711785492504343953926634992332820282019728792003956564819968",
        "1461446703485210103287273052203988822378723970342", "4295128739",
        0, -1, 1, 2_147_483_647, -887_273, 887_273, 1_000_000, 65_536, 1.5, true, NSNull(), [Any](), [String: Any](),
    ] }

    /// `value` with one leaf (a string, number, boolean or array element) replaced or removed.
    static func mutate(_ value: Any, _ rng: inout SplitMix64) -> Any {
        if var object = value as? [String: Any], let key = object.keys.sorted().randomElement(using: &rng) {
            if rng.next() % 12 == 0 { object[key] = nil } else { object[key] = mutate(object[key] ?? NSNull(), &rng) }
            return object
        }
        if var array = value as? [Any], !array.isEmpty {
            let index = Int(rng.next() % UInt64(array.count))
            array[index] = mutate(array[index], &rng)
            return array
        }
        return replacements.randomElement(using: &rng) ?? NSNull()
    }

    @Test(arguments: ["pool_uniswap_v2.json", "pool_camelot.json", "pool_uniswap_v3.json", "pool_curve.json"])
    func mutatedRequestsGetOneObjectEach(file: String) throws {
        let cases = try Fixture.generated(file).objects("cases")
        let handler = QuoteLineHandler()
        var rng = SplitMix64(seed: UInt64(file.utf8.count))
        var kinds: [String: Int] = [:]
        for vector in cases.prefix(2_000) {
            var request: Any = vector["request"] ?? [:]
            for _ in 0...(rng.next() % 3) { request = Self.mutate(request, &rng) }
            let line = String(decoding: try JSONSerialization.data(withJSONObject: request), as: UTF8.self)
            let answer = handler.answer(line: line)
            let object = try #require(try JSONSerialization.jsonObject(with: Data(answer.utf8)) as? [String: Any], "\(answer)")
            if let error = object["error"] as? [String: Any] {
                let kind = try #require(error["kind"] as? String)
                #expect(["revert", "invalidState", "malformedInput"].contains(kind))
                #expect(error["message"] is String)
                kinds[kind, default: 0] += 1
            } else {
                kinds["result", default: 0] += 1
            }
        }
        // The mutations reach every outcome: the math's refusals as well as the parser's.
        #expect(kinds["malformedInput", default: 0] > 0 && kinds["result", default: 0] > 0)
        #expect(kinds["revert", default: 0] + kinds["invalidState", default: 0] > 0, "\(kinds)")
    }
}
