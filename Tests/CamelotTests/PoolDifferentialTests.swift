import Foundation
import Kernel
import Testing
import Camelot

/// `Tests/Generated/pool_camelot.json` (scripts/vectors/pool_camelot.py): CamelotPair's
/// volatile and stable math and Algebra's swap (Camelot V3) transcribed from the Solidity into Python integers (a transcription,
/// not an independent peer), on random and extreme states; every case to the wei, reverts with
/// the same reason.
@Suite struct PoolDifferentialTests {
    let cases: [[String: Any]]

    init() throws {
        cases = try Fixture.generated("pool_camelot.json").objects("cases")
    }

    @Test func camelotV2CasesMatchTheTranscription() throws {
        var checked = 0
        for vector in cases {
            let request = try vector.object("request")
            let pool = try request.object("pool")
            guard try pool.string("plugin") == "camelot-v2" else { continue }
            let expected = try vector.object("response")
            var pair = try camelotV2Pool(pool)
            let zeroForOne = try #require(request["zeroForOne"] as? Bool)
            let amountIn = try request.decimal("amountIn")
            let outcome = Result { () throws(PoolError) -> UInt256 in try pair.swap(amountIn, zeroForOne: zeroForOne) }
            switch outcome {
            case .success(let amountOut):
                #expect(amountOut == (try expected.decimal("amountOut")), "\(vector)")
                #expect(pair.reserve0 == (try expected.decimal("reserve0")), "\(vector)")
                #expect(pair.reserve1 == (try expected.decimal("reserve1")), "\(vector)")
            case .failure(let error):
                try expectError(error, expected, vector)
            }
            checked += 1
        }
        #expect(checked >= 15_000)
    }

    @Test func camelotV3CasesMatchTheTranscription() throws {
        var checked = 0
        for vector in cases {
            let request = try vector.object("request")
            let pool = try request.object("pool")
            guard try pool.string("plugin") == "camelot-v3" else { continue }
            let expected = try vector.object("response")
            var algebraPool = try camelotV3Pool(pool)
            let zeroForOne = try #require(request["zeroForOne"] as? Bool)
            let amount = try #require(Int256(decimal: try request.string("amountSpecified")))
            let limit = try request.decimal("sqrtPriceLimitX96")
            let outcome = Result { () throws(PoolError) -> ConcentratedLiquiditySwapResult in
                try algebraPool.swap(zeroForOne: zeroForOne, amountSpecified: amount, sqrtPriceLimitX96: limit)
            }
            switch outcome {
            case .success(let result):
                #expect(result.amount0 == Int256(decimal: try expected.string("amount0")), "\(vector)")
                #expect(result.amount1 == Int256(decimal: try expected.string("amount1")), "\(vector)")
                #expect(result.sqrtPriceX96 == (try expected.decimal("sqrtPriceX96")), "\(vector)")
                #expect(Int(result.tick) == expected["tick"] as? Int, "\(vector)")
                #expect(result.liquidity == (try expected.decimal("liquidity")), "\(vector)")
                #expect(algebraPool.sqrtPriceX96 == result.sqrtPriceX96 && algebraPool.tick == result.tick)
            case .failure(let error):
                try expectError(error, expected, vector)
            }
            checked += 1
        }
        #expect(checked >= 2_000)
    }

    /// The pool of a `camelot-v3` request (`fee` is the direction's fee, used for both).
    func camelotV3Pool(_ pool: [String: Any]) throws -> CamelotV3Pool {
        let fee = try #require((pool["fee"] as? NSNumber)?.uint16Value)
        var entries: [TickTable.Entry] = []
        for pair in try #require(pool["ticks"] as? [[Any]]) {
            let tick = try #require(pair.first as? Int)
            let netText = try #require(pair.last as? String)
            let net = try #require(Int256(decimal: netText))
            entries.append(TickTable.Entry(tick: Int32(tick), liquidityNet: net))
        }
        return try CamelotV3Pool(
            address: .zero, token0: .zero, token1: .zero, tickSpacing: Int32(try #require(pool["tickSpacing"] as? Int)),
            feeZeroToOne: fee, feeOneToZero: fee, sqrtPriceX96: pool.decimal("sqrtPriceX96"),
            tick: Int32(try #require(pool["tick"] as? Int)), liquidity: pool.decimal("liquidity"), ticks: TickTable(entries))
    }

    /// `error` is the response's error: same kind, and for a revert the same reason.
    func expectError(_ error: PoolError, _ response: [String: Any], _ vector: [String: Any]) throws {
        let expected = try #require(response["error"] as? [String: Any], "\(error) for \(vector)")
        switch error {
        case .revert(let reason):
            #expect(try expected.string("kind") == "revert", "\(vector)")
            #expect(reason == (try expected.string("message")), "\(vector)")
        case .invalidState:
            #expect(try expected.string("kind") == "invalidState", "\(vector)")
        case .malformed:
            Issue.record("malformed for \(vector)")
        }
    }

    /// The pair of a `camelot-v2` request.
    func camelotV2Pool(_ pool: [String: Any]) throws -> CamelotV2Pool {
        try CamelotV2Pool(
            address: .zero, token0: .zero, token1: .zero,
            reserve0: pool.decimal("reserve0"), reserve1: pool.decimal("reserve1"),
            token0FeePercent: try #require((pool["token0Fee"] as? NSNumber)?.uint16Value),
            token1FeePercent: try #require((pool["token1Fee"] as? NSNumber)?.uint16Value),
            stableSwap: try #require(pool["stable"] as? Bool),
            decimals0: try #require((pool["decimals0"] as? NSNumber)?.uint8Value),
            decimals1: try #require((pool["decimals1"] as? NSNumber)?.uint8Value))
    }
}
