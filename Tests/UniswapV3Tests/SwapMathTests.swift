import Foundation
@testable import Kernel
import Testing

/// SqrtPriceMath, SwapMath and LiquidityMath against v3-core's spec values
/// (Fixtures/uniswap_v3_math.json) and the contract's reverts.
struct SwapMathTests {
    @Test func sqrtPriceMathMatchesEveryKnownAnswer() throws {
        let rows = try Fixture.json("uniswap_v3_math.json")["sqrtPriceMath"] as? [[String: Any]] ?? []
        #expect(rows.count == 13)
        for row in rows {
            let expected = try Parse.uint(row["expected"])
            let result: UInt256
            switch row["fn"] as? String {
            case "getNextSqrtPriceFromInput":
                result = try SqrtPriceMath.nextSqrtPriceFromInput(
                    Parse.uint(row["sqrtPX96"]), liquidity: Parse.uint(row["liquidity"]), amountIn: Parse.uint(row["amount"]),
                    zeroForOne: row["zeroForOne"] as? Bool ?? false)
            case "getNextSqrtPriceFromOutput":
                result = try SqrtPriceMath.nextSqrtPriceFromOutput(
                    Parse.uint(row["sqrtPX96"]), liquidity: Parse.uint(row["liquidity"]), amountOut: Parse.uint(row["amount"]),
                    zeroForOne: row["zeroForOne"] as? Bool ?? false)
            case "getAmount0Delta":
                result = try SqrtPriceMath.amount0Delta(Parse.uint(row["sqrtAX96"]), Parse.uint(row["sqrtBX96"]),
                                                        liquidity: Parse.uint(row["liquidity"]), roundUp: row["roundUp"] as? Bool ?? false)
            case "getAmount1Delta":
                result = try SqrtPriceMath.amount1Delta(Parse.uint(row["sqrtAX96"]), Parse.uint(row["sqrtBX96"]),
                                                        liquidity: Parse.uint(row["liquidity"]), roundUp: row["roundUp"] as? Bool ?? false)
            default:
                throw FixtureError("unknown fn in \(row)")
            }
            #expect(result == expected, "\(row)")
        }
    }

    @Test func computeSwapStepMatchesEveryKnownAnswer() throws {
        let rows = try Fixture.json("uniswap_v3_math.json")["computeSwapStep"] as? [[String: Any]] ?? []
        #expect(rows.count == 9)
        for row in rows {
            guard let expected = row["expected"] as? [String: Any], let fee = row["feePips"] as? Int else { throw FixtureError("\(row)") }
            let step = try SwapMath.computeSwapStep(
                sqrtRatioCurrentX96: Parse.uint(row["sqrtRatioCurrentX96"]), sqrtRatioTargetX96: Parse.uint(row["sqrtRatioTargetX96"]),
                liquidity: Parse.uint(row["liquidity"]), amountRemaining: Parse.int(row["amountRemaining"]), feePips: UInt32(fee))
            let want = SwapStep(sqrtRatioNextX96: try Parse.uint(expected["sqrtRatioNextX96"]), amountIn: try Parse.uint(expected["amountIn"]),
                                amountOut: try Parse.uint(expected["amountOut"]), feeAmount: try Parse.uint(expected["feeAmount"]))
            #expect(step == want, "\(row["name"] ?? "")")
        }
    }

    @Test func bareRequiresRevertWithoutReason() throws {
        // require(liquidity > 0), require(sqrtPX96 > 0)
        #expect(throws: PoolError.bareRevert) { try SqrtPriceMath.nextSqrtPriceFromInput(priceOne, liquidity: .zero, amountIn: 1, zeroForOne: true) }
        #expect(throws: PoolError.bareRevert) { try SqrtPriceMath.nextSqrtPriceFromOutput(.zero, liquidity: 1, amountOut: 1, zeroForOne: true) }
        // Removing more token1 than the price holds: require(sqrtPX96 > quotient).
        #expect(throws: PoolError.bareRevert) {
            try SqrtPriceMath.nextSqrtPriceFromOutput(priceOne, liquidity: 1, amountOut: 1, zeroForOne: true)
        }
        // Removing all of token0: require(numerator1 > product).
        #expect(throws: PoolError.bareRevert) {
            try SqrtPriceMath.nextSqrtPriceFromOutput(priceOne, liquidity: 1, amountOut: 1, zeroForOne: false)
        }
        // Adding token1 past uint160: toUint160.
        #expect(throws: PoolError.bareRevert) {
            try SqrtPriceMath.nextSqrtPriceFromInput(TickMath.maxSqrtRatio, liquidity: 1, amountIn: UInt256(1) << 200, zeroForOne: false)
        }
        #expect(throws: PoolError.bareRevert) { try SqrtPriceMath.amount0Delta(.zero, priceOne, liquidity: 1, roundUp: true) }
        // UnsafeMath.divRoundingUp by a zero liquidity gives 0 in the EVM, so nothing is removed.
        #expect(try SqrtPriceMath.nextSqrtPriceFromAmount1RoundingDown(priceOne, liquidity: .zero, amount: 5, add: false) == priceOne)
    }

    @Test func signedDeltasRoundAgainstTheCaller() throws {
        let a = priceOne
        let b = try TickMath.sqrtRatio(atTick: 1000)
        let up = try SqrtPriceMath.amount0Delta(a, b, liquidityDelta: 1_000_000_007)
        let down = try SqrtPriceMath.amount0Delta(a, b, liquidityDelta: -1_000_000_007)
        #expect(up == Int256(exactly: try SqrtPriceMath.amount0Delta(a, b, liquidity: 1_000_000_007, roundUp: true)))
        #expect(down.magnitude == (try SqrtPriceMath.amount0Delta(a, b, liquidity: 1_000_000_007, roundUp: false)))
        #expect(down.isNegative)
        let up1 = try SqrtPriceMath.amount1Delta(a, b, liquidityDelta: 999)
        let down1 = try SqrtPriceMath.amount1Delta(b, a, liquidityDelta: -999)
        #expect(up1.magnitude == down1.magnitude &+ .one)
    }

    @Test func feeOfOneMillionPipsTakesEverythingOrReverts() throws {
        // feePips = 10^6 leaves nothing to price in: an exact input is all fee ...
        let step = try SwapMath.computeSwapStep(sqrtRatioCurrentX96: priceOne, sqrtRatioTargetX96: priceOne &+ 1000,
                                                liquidity: UInt256(1) << 80, amountRemaining: 1_000_000, feePips: 1_000_000)
        #expect(step == SwapStep(sqrtRatioNextX96: priceOne, amountIn: .zero, amountOut: .zero, feeAmount: 1_000_000))
        // ... and an exact output's fee divides by 1e6 - feePips = 0 in FullMath.
        #expect(throws: PoolError.bareRevert) {
            try SwapMath.computeSwapStep(sqrtRatioCurrentX96: priceOne, sqrtRatioTargetX96: priceOne &+ 1000,
                                         liquidity: UInt256(1) << 80, amountRemaining: -1000, feePips: 1_000_000)
        }
    }

    /// getAmount1Delta divides by 2^96 with a shift; it must agree with FullMath's division,
    /// reverts included.
    @Test func amount1DeltaAgreesWithFullMath() throws {
        var random = SplitMix64(seed: 96)
        func value() -> UInt256 {
            let words = (random.next(), random.next(), random.next(), random.next())
            return UInt256(words: words) >> Int(random.next() % 256)
        }
        for _ in 0..<5000 {
            let (a, b, liquidity) = (value(), value(), value())
            let difference = a > b ? a &- b : b &- a
            for roundUp in [false, true] {
                let expected = roundUp ? UInt256.mulDivRoundingUp(liquidity, difference, priceOne) : UInt256.mulDiv(liquidity, difference, priceOne)
                let actual = try? SqrtPriceMath.amount1Delta(a, b, liquidity: liquidity, roundUp: roundUp)
                #expect(actual == expected, "\(a) \(b) \(liquidity) \(roundUp)")
            }
        }
    }

    @Test func addDeltaRevertsLSAndLA() throws {
        #expect(try LiquidityMath.addDelta(10, -10) == .zero)
        #expect(try LiquidityMath.addDelta(10, 5) == 15)
        #expect(throws: PoolError.revert("LS")) { try LiquidityMath.addDelta(10, -11) }
        #expect(throws: PoolError.revert("LS")) { try LiquidityMath.addDelta(.zero, -1) }
        #expect(throws: PoolError.revert("LA")) { try LiquidityMath.addDelta(twoTo128 &- .one, 1) }
        #expect(try LiquidityMath.addDelta(twoTo128 &- 2, 1) == twoTo128 &- .one)
    }
}
