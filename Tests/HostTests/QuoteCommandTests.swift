import Foundation
@testable import Host
import Testing

/// `mevbot quote`'s line format: one output line per input line, decimal strings, typed errors.
@Suite struct QuoteCommandTests {
    let handler = QuoteLineHandler()

    @Test func uniswapV2ExactInAndExactOutLines() {
        // Uniswap/v2-core's first swapTestCase: 1e18 into 5e18/10e18.
        #expect(handler.answer(line: #"{"pool":{"plugin":"uniswap-v2","reserve0":"5000000000000000000","reserve1":"10000000000000000000","fee":3000},"zeroForOne":true,"amountIn":"1000000000000000000"}"#)
            == #"{"amountIn":"1000000000000000000","amountOut":"1662497915624478906","reserve0":"6000000000000000000","reserve1":"8337502084375521094"}"#)
        #expect(handler.answer(line: #"{"pool":{"plugin":"uniswap-v2","reserve0":"5000000000000000000","reserve1":"10000000000000000000","fee":3000},"zeroForOne":true,"amountOut":"1662497915624478906"}"#)
            == #"{"amountIn":"1000000000000000000","amountOut":"1662497915624478906","reserve0":"6000000000000000000","reserve1":"8337502084375521094"}"#)
    }

    @Test func revertsCarryTheContractsReason() {
        #expect(handler.answer(line: #"{"pool":{"plugin":"uniswap-v2","reserve0":"0","reserve1":"10","fee":3000},"zeroForOne":true,"amountIn":"1"}"#)
            == #"{"error":{"kind":"revert","message":"UniswapV2Library: INSUFFICIENT_LIQUIDITY"}}"#)
    }

    @Test(arguments: [
        ("", "not a JSON object"),
        ("[1]", "expected a JSON object"),
        (#"{"pool":{"plugin":"uniswap-v4"}}"#, #"pool.plugin: unknown plugin \"uniswap-v4\" (camelot-v2, camelot-v3, curve, uniswap-v2, uniswap-v3)"#),
        (#"{"pool":{"reserve0":"1"}}"#, "pool.plugin: missing"),
        (#"{"pool":{"plugin":"uniswap-v2","reserve0":5,"reserve1":"1","fee":3000},"zeroForOne":true,"amountIn":"1"}"#, "pool.reserve0: expected a string"),
        (#"{"pool":{"plugin":"uniswap-v2","reserve0":"1e3","reserve1":"1","fee":3000},"zeroForOne":true,"amountIn":"1"}"#, "pool.reserve0: expected a decimal string below 2^256"),
        (#"{"pool":{"plugin":"uniswap-v2","reserve0":"1","reserve1":"1","fee":0.5},"zeroForOne":true,"amountIn":"1"}"#, "pool.fee: expected an integer in 0...4294967295"),
        (#"{"pool":{"plugin":"uniswap-v2","reserve0":"1","reserve1":"1","fee":3000},"zeroForOne":"yes","amountIn":"1"}"#, "zeroForOne: expected a boolean"),
        (#"{"pool":{"plugin":"uniswap-v2","reserve0":"1","reserve1":"1","fee":3000},"zeroForOne":true}"#, "amountIn: give exactly one of amountIn and amountOut"),
        (#"{"pool":{"plugin":"uniswap-v3","sqrtPriceX96":"1","tick":0,"liquidity":"1","fee":500,"tickSpacing":10,"ticks":[[10,"5","6","7"]]},"zeroForOne":true,"amountSpecified":"1","sqrtPriceLimitX96":"1"}"#, #"pool.ticks[0]: expected [tick, \"liquidityNet\"] or [tick, \"liquidityNet\", \"liquidityGross\"]"#),
        (#"{"pool":{"plugin":"uniswap-v3","sqrtPriceX96":"1","tick":0,"liquidity":"1","fee":500,"tickSpacing":10,"ticks":[]},"zeroForOne":true,"amountSpecified":"--1","sqrtPriceLimitX96":"1"}"#, "amountSpecified: expected a signed decimal string within int256"),
    ])
    func malformedLinesNameTheirField(line: String, message: String) {
        #expect(handler.answer(line: line) == #"{"error":{"kind":"malformedInput","message":"\#(message)"}}"#)
    }

    @Test func concentratedLiquidityRevertsAsThePoolDoes() {
        let pool = #""pool":{"plugin":"uniswap-v3","sqrtPriceX96":"79228162514264337593543950336","tick":0,"liquidity":"1000000","fee":500,"tickSpacing":10,"ticks":[]}"#
        #expect(handler.answer(line: "{\(pool),\"zeroForOne\":true,\"amountSpecified\":\"1000\",\"sqrtPriceLimitX96\":\"79228162514264337593543950337\"}")
            == #"{"error":{"kind":"revert","message":"SPL"}}"#)
        #expect(handler.answer(line: "{\(pool),\"zeroForOne\":true,\"amountSpecified\":\"0\",\"sqrtPriceLimitX96\":\"4295128740\"}")
            == #"{"error":{"kind":"revert","message":"AS"}}"#)
    }

    @Test func curveNamesItsVariants() {
        #expect(handler.answer(line: #"{"pool":{"plugin":"curve","variant":"tricrypto","A":"1","fee":"1","rates":[],"balances":[]},"i":0,"j":1,"dx":"1"}"#)
            == #"{"error":{"kind":"malformedInput","message":"pool.variant: unknown variant \"tricrypto\" (stableswap, stableswap-factory-plain2, lending, stableswap-ng, stableswap-legacy)"}}"#)
    }

    @Test func aFeeOfAHundredPercentIsAnInvalidState() {
        #expect(handler.answer(line: #"{"pool":{"plugin":"uniswap-v2","reserve0":"1","reserve1":"1","fee":1000000},"zeroForOne":true,"amountIn":"1"}"#)
            == #"{"error":{"kind":"invalidState","message":"fee 1000000: must be below 1000000"}}"#)
    }

    /// Every tenth generated case of each pool family through the command's line handler: the
    /// request as the vector writes it, the response compared as JSON.
    @Test(arguments: ["pool_uniswap_v2.json", "pool_camelot.json", "pool_uniswap_v3.json", "pool_curve.json"])
    func generatedVectorsThroughTheCommand(file: String) throws {
        let cases = try Fixture.generated(file).objects("cases")
        var mismatches: [String] = []
        for (index, vector) in cases.enumerated() where index % 10 == 0 {
            let request = String(decoding: try JSONSerialization.data(withJSONObject: vector["request"] ?? [:]), as: UTF8.self)
            let answer = handler.answer(line: request)
            let got = try JSONSerialization.jsonObject(with: Data(answer.utf8)) as? NSDictionary
            if got != (vector["response"] as? NSDictionary) { mismatches.append("case \(index): \(answer)") }
        }
        #expect(mismatches.isEmpty, "\(mismatches.count) mismatches, first: \(mismatches.prefix(3))")
    }
}
