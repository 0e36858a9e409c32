import Curve
import Kernel
import Testing

/// One coin at 10^-5 and less of the others, where `get_D`'s integer Newton steps cycle and its 255
/// steps run out: curve-contract's StableSwap3Pool and StableSwapHBTC (`stableswap-legacy`) pay
/// with the last step's D, while pools that `raise` (curve-factory's Plain3Basic, `stableswap`)
/// revert. The expected answers are the real bytecode's, run in pyrevm by
/// `Fixtures/legacy_pool_judge.py` (see `Fixtures/PROVENANCE.md`).
@Suite struct LegacyPoolTests {
    /// The fixture's cases.
    static func cases() throws -> [[String: Any]] {
        try Fixture.json("legacy_pool_exchanges.json").objects("cases")
    }

    /// A case's pool state as `variant` with `amplification`.
    static func pool(
        _ testCase: [String: Any], _ variant: CurveStableSwapVariant, amplification: UInt256
    ) throws -> CurveStableSwapPool {
        let rates = try #require(testCase["rates"] as? [String]).map { try #require(UInt256(decimal: $0)) }
        let balances = try #require(testCase["balances"] as? [String]).map { try #require(UInt256(decimal: $0)) }
        return try CurveStableSwapPool(
            address: .zero, coins: Array(repeating: .zero, count: balances.count), variant: variant,
            amplification: amplification, fee: try testCase.decimal("fee"), adminFee: try testCase.decimal("adminFee"),
            rates: rates, balances: balances)
    }

    @Test func theFixtureRunsGetDOutOfSteps() throws {
        let cases = try Self.cases()
        #expect(cases.count == 11)
        #expect(cases.filter { $0["getDRunsOutOfSteps"] as? Bool == true }.count == 10)
    }

    @Test func legacyPoolsPayWithTheLastStep() throws {
        for testCase in try Self.cases() {
            var pool = try Self.pool(testCase, .legacy, amplification: try testCase.decimal("A"))
            let expected = try #require(testCase["exchange"] as? [String: Any])
            let balances = try #require(expected["balances"] as? [String]).map { try #require(UInt256(decimal: $0)) }
            let i = try #require(testCase["i"] as? Int)
            let j = try #require(testCase["j"] as? Int)
            let dy = try pool.exchange(try testCase.decimal("dx"), from: i, to: j)
            #expect(dy == (try expected.decimal("dy")), "\(testCase)")
            #expect(pool.balances.array == balances, "\(testCase)")
        }
    }

    @Test func raisingPoolsRevertOnTheSameStates() throws {
        var reverts = 0
        for testCase in try Self.cases() {
            guard let expected = testCase["plain3BasicGetDy"] as? [String: Any] else { continue }
            let a = try #require(UInt64(try testCase.string("A")))
            let pool = try Self.pool(testCase, .stableswap, amplification: UInt256(a * 100))
            let i = try #require(testCase["i"] as? Int)
            let j = try #require(testCase["j"] as? Int)
            let dx = try testCase.decimal("dx")
            let outcome = Result { () throws(PoolError) in try pool.quote(dx, from: i, to: j) }
            if expected["revert"] != nil {
                reverts += 1
                #expect(outcome == .failure(.revert(CurveRevert.invariantDidNotConverge)), "\(testCase)")
            } else {
                #expect(outcome == .success(try expected.decimal("dy")), "\(testCase)")
            }
        }
        #expect(reverts == 8)
    }
}
