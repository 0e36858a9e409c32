import Foundation
import Kernel
import Testing
import UniswapV3

/// `fill` against the same contract runs: a positive `amountSpecified` as an exact input, a
/// negative one as an exact output, with the vector's price limit. The fill's amounts, and the
/// pool it leaves, must be the contract's.
extension DifferentialPoolTests {
    @Test func fillMovesWhatTheContractMoves() throws {
        let cases = try #require(try Fixture.generated("pool_uniswap_v3.json")["cases"] as? [[String: Any]])
        var checked = 0, exactOutputs = 0, partial = 0, zeroLimits = 0
        var mismatches: [String] = []
        for (index, vector) in cases.enumerated() {
            let request = try #require(vector["request"] as? [String: Any])
            let expected = try Self.expected(try #require(vector["response"] as? [String: Any]))
            let parsed = try #require(Self.parse(request), "case \(index)")
            // Routers write "no limit" as 0, which `fill` reads as such; the pool itself refuses 0.
            guard !parsed.limit.isZero else {
                zeroLimits += 1
                continue
            }
            let amount: PoolSwap.Fixed = parsed.amount.isNegative ? .exactOut(parsed.amount.magnitude) : .exactIn(parsed.amount.bitPattern)
            let swap = PoolSwap(from: parsed.zeroForOne ? 0 : 1, to: parsed.zeroForOne ? 1 : 0, amount: amount, sqrtPriceLimitX96: parsed.limit)
            let actual: Outcome
            do throws(PoolError) {
                var pool = try parsed.pool.get()
                let fill = try pool.fill(swap)
                let paid = Int256(bitPattern: fill.amountIn), received = Int256(bitPattern: .zero &- fill.amountOut)
                actual = .result(ConcentratedLiquiditySwapResult(
                    amount0: parsed.zeroForOne ? paid : received, amount1: parsed.zeroForOne ? received : paid,
                    sqrtPriceX96: pool.sqrtPriceX96, tick: pool.tick, liquidity: pool.liquidity))
                if case .exactOut(let wanted) = amount, fill.amountOut < wanted { partial += 1 }
            } catch {
                actual = Self.outcome(error)
            }
            if parsed.amount.isNegative, case .result = expected { exactOutputs += 1 }
            if actual != expected, mismatches.count < 5 { mismatches.append("case \(index) (\(vector["kind"] ?? "")): expected \(expected), got \(actual)") }
            checked += 1
        }
        #expect(mismatches.isEmpty, "\(mismatches)")
        #expect(checked > 20_000 && exactOutputs > 3_000 && partial > 100)
        #expect(zeroLimits < 100)
    }
}
