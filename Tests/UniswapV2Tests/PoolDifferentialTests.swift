import Foundation
import Kernel
import Testing
import UniswapV2

/// Every case of `Tests/Generated/pool_uniswap_v2.json` (degenbot's amounts, the contracts'
/// refusals) to the wei, exact inputs and exact outputs applied with `fill`.
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
            let amount: PoolSwap.Fixed = request["amountIn"] != nil ? .exactIn(try request.decimal("amountIn")) : .exactOut(try request.decimal("amountOut"))
            let got: String
            // Through `fill`, as the engine applies a router's swap: exact input or exact output.
            switch Result(catching: { () throws(PoolError) in try pool.fill(PoolSwap(from: zeroForOne ? 0 : 1, to: zeroForOne ? 1 : 0, amount: amount)) }) {
            case .success(let fill):
                got = "\(fill.amountIn) \(fill.amountOut) \(pool.reserve0) \(pool.reserve1)"
            case .failure(let error):
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
