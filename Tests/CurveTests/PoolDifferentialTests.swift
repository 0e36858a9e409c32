import Curve
import Kernel
import Testing

/// `CurveStableSwapPool.exchange` against `Tests/Generated/pool_curve.json`
/// (scripts/vectors/pool_curve.py): classic cases checked there against curvesim's `CurvePool`
/// and degenbot's `get_y`, lending and NG cases transcribed from the Vyper sources, and the
/// reverts of extreme states. Every payout and balance must match to the wei.
@Suite struct PoolDifferentialTests {
    /// One vector's pool, parsed from the `mevbot quote` request shape.
    static func pool(_ json: [String: Any]) throws -> CurveStableSwapPool {
        let variantName = try json.string("variant")
        let variant = try #require(CurveStableSwapVariant(rawValue: variantName), "variant \(variantName)")
        let rates = try #require(json["rates"] as? [String]).map { try #require(UInt256(decimal: $0)) }
        let balances = try #require(json["balances"] as? [String]).map { try #require(UInt256(decimal: $0)) }
        let multiplier = json["offpegFeeMultiplier"] == nil ? UInt256.zero : try json.decimal("offpegFeeMultiplier")
        return try CurveStableSwapPool(
            address: .zero, coins: Array(repeating: .zero, count: balances.count), variant: variant,
            amplification: try json.decimal("A"), fee: try json.decimal("fee"), offpegFeeMultiplier: multiplier,
            adminFee: try json.decimal("adminFee"), rates: rates, balances: balances)
    }

    @Test func everyCaseMatchesToTheWei() throws {
        let cases = try Fixture.generated("pool_curve.json").objects("cases")
        #expect(cases.count >= 20_000)
        var failures = 0
        for (index, testCase) in cases.enumerated() {
            let request = try #require(testCase["request"] as? [String: Any])
            let response = try #require(testCase["response"] as? [String: Any])
            var pool = try Self.pool(try #require(request["pool"] as? [String: Any]))
            let i = try #require(request["i"] as? Int)
            let j = try #require(request["j"] as? Int)
            let dx = try request.decimal("dx")
            let outcome: Result<UInt256, PoolError> = Result { () throws(PoolError) in try pool.exchange(dx, from: i, to: j) }
            let matches: Bool
            if let error = response["error"] as? [String: Any] {
                matches = outcome == .failure(.revert(try error.string("message")))
            } else {
                let expectedBalances = try #require(response["balances"] as? [String]).map { try #require(UInt256(decimal: $0)) }
                matches = outcome == .success(try response.decimal("dy")) && pool.balances.array == expectedBalances
            }
            if !matches {
                failures += 1
                if failures <= 5 {
                    Issue.record("case \(index) (\(testCase["kind"] ?? "?")): got \(outcome), balances \(pool.balances.array); expected \(response)")
                }
            }
        }
        #expect(failures == 0, "\(failures) of \(cases.count) cases differ")
    }
}
