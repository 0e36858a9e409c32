import Foundation
import Kernel
import Testing
import UniswapV2

/// Every case of `Tests/Generated/pool_uniswap_v2.json` (degenbot's amounts, the contracts'
/// refusals) to the wei.
@Suite struct PoolDifferentialTests {
    @Test func everyGeneratedCaseMatches() throws {
        let cases = try Fixture.generated("pool_uniswap_v2.json").objects("cases")
        #expect(cases.count > 20_000)
        var mismatches: [String] = []
        for (index, vector) in cases.enumerated() {
            let request = try vector.object("request"), response = try vector.object("response")
            let poolFields = try request.object("pool")
            guard let feeNumber = poolFields["fee"] as? Int, let fee = PairFee(millionths: UInt32(feeNumber)),
                  let zeroForOne = request["zeroForOne"] as? Bool else { throw FixtureError("case \(index)") }
            var pool = try UniswapV2Pool(address: .zero, token0: .zero, token1: .zero,
                                         reserve0: try poolFields.decimal("reserve0"), reserve1: try poolFields.decimal("reserve1"), fee: fee)
            let got: String
            do {
                if request["amountIn"] != nil {
                    let amountIn = try request.decimal("amountIn")
                    let out = try pool.swap(exactIn: amountIn, zeroForOne: zeroForOne)
                    got = "\(amountIn) \(out) \(pool.reserve0) \(pool.reserve1)"
                } else {
                    let amountOut = try request.decimal("amountOut")
                    let amountIn = try pool.swap(exactOut: amountOut, zeroForOne: zeroForOne)
                    got = "\(amountIn) \(amountOut) \(pool.reserve0) \(pool.reserve1)"
                }
            } catch let error as PoolError {
                guard case .revert(let reason) = error else { throw error }
                let expected = (try? response.object("error").string("message")) ?? "no error"
                if reason != expected { mismatches.append("case \(index) (\(try vector.string("kind"))): revert \(reason), want \(expected)") }
                continue
            }
            let want = response["error"] == nil
                ? "\(try response.string("amountIn")) \(try response.string("amountOut")) \(try response.string("reserve0")) \(try response.string("reserve1"))"
                : "error \(response)"
            if got != want { mismatches.append("case \(index) (\(try vector.string("kind"))): got \(got), want \(want)") }
        }
        #expect(mismatches.isEmpty, "\(mismatches.count) mismatches, first: \(mismatches.prefix(5))")
    }
}
