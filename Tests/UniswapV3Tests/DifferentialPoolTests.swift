import Foundation
import Kernel
import Testing
import UniswapV3

/// The pool against the genuine UniswapV3Pool bytecode run in pyrevm
/// (`Tests/Generated/pool_uniswap_v3.json`, written by `scripts/vectors/pool_uniswap_v3.py`):
/// every request in the `mevbot quote` V3 shape must give the response's amounts, price, tick and
/// liquidity to the wei, or the same error kind and message.
struct DifferentialPoolTests {
    @Test func everyVectorMatchesTheContract() throws {
        let vectors = try Fixture.generated("pool_uniswap_v3.json")
        let cases = vectors["cases"] as? [[String: Any]] ?? []
        #expect(cases.count >= 10_000)
        var mismatchCount = 0
        var firstMismatches: [String] = []
        var reverts = 0
        for (index, vector) in cases.enumerated() {
            guard let request = vector["request"] as? [String: Any], let response = vector["response"] as? [String: Any] else {
                mismatchCount += 1
                if firstMismatches.count < 5 { firstMismatches.append("case \(index): no request or response") }
                continue
            }
            let expected = try Self.expected(response)
            let actual = Self.outcome(of: request)
            if case .error = expected { reverts += 1 }
            if actual != expected {
                mismatchCount += 1
                if firstMismatches.count < 5 {
                    firstMismatches.append("case \(index) (\(vector["kind"] ?? "")): expected \(expected), got \(actual)")
                }
            }
        }
        #expect(mismatchCount == 0, "\(mismatchCount) of \(cases.count) differ; first: \(firstMismatches.joined(separator: "; "))")
        #expect(reverts > 0)
    }

    /// A response reduced to what is compared.
    enum Outcome: Equatable, CustomStringConvertible {
        case result(ConcentratedLiquiditySwapResult)
        case error(kind: String, message: String)

        var description: String {
            switch self {
            case .result(let r): "amount0 \(r.amount0) amount1 \(r.amount1) price \(r.sqrtPriceX96) tick \(r.tick) liquidity \(r.liquidity)"
            case .error(let kind, let message): "\(kind) \"\(message)\""
            }
        }
    }

    static func expected(_ response: [String: Any]) throws -> Outcome {
        if let error = response["error"] as? [String: Any] {
            let kind = error["kind"] as? String ?? ""
            // Only reverts carry a message that must match; other kinds compare by kind.
            return .error(kind: kind, message: kind == "revert" ? error["message"] as? String ?? "" : "")
        }
        return .result(ConcentratedLiquiditySwapResult(
            amount0: try Parse.int(response["amount0"]), amount1: try Parse.int(response["amount1"]),
            sqrtPriceX96: try Parse.uint(response["sqrtPriceX96"]), tick: try Parse.tick(response["tick"]),
            liquidity: try Parse.uint(response["liquidity"])))
    }

    /// The request run through `UniswapV3Pool.quote`; a request that does not parse is malformedInput.
    static func outcome(of request: [String: Any]) -> Outcome {
        guard let parsed = parse(request) else { return .error(kind: "malformedInput", message: "") }
        do throws(PoolError) {
            return .result(try parsed.pool.get().quote(zeroForOne: parsed.zeroForOne, amountSpecified: parsed.amount, sqrtPriceLimitX96: parsed.limit))
        } catch {
            return outcome(error)
        }
    }

    /// A request's pool (or why it cannot be built) and swap arguments; nil where it does not parse.
    static func parse(_ request: [String: Any]) -> (pool: Result<UniswapV3Pool, PoolError>, zeroForOne: Bool, amount: Int256, limit: UInt256)? {
        guard let poolJSON = request["pool"] as? [String: Any], let rows = poolJSON["ticks"] as? [[Any]],
              let zeroForOne = request["zeroForOne"] as? Bool,
              let fee = (poolJSON["fee"] as? Int).flatMap(UInt32.init(exactly:)),
              let spacing = (poolJSON["tickSpacing"] as? Int).flatMap(Int32.init(exactly:)),
              let price = try? Parse.uint(poolJSON["sqrtPriceX96"]), let tick = try? Parse.tick(poolJSON["tick"]),
              let liquidity = try? Parse.uint(poolJSON["liquidity"]),
              let amount = try? Parse.int(request["amountSpecified"]), let limit = try? Parse.uint(request["sqrtPriceLimitX96"])
        else { return nil }
        var entries: [TickTable.Entry] = []
        for row in rows {
            guard row.count == 2, let tick = try? Parse.tick(row[0]), let net = try? Parse.int(row[1]) else { return nil }
            entries.append(TickTable.Entry(tick: tick, liquidityNet: net))
        }
        let pool = Result { () throws(PoolError) -> UniswapV3Pool in
            try UniswapV3Pool(address: .zero, token0: .zero, token1: .zero, fee: fee, tickSpacing: spacing,
                              sqrtPriceX96: price, tick: tick, liquidity: liquidity, ticks: try TickTable(entries))
        }
        return (pool, zeroForOne, amount, limit)
    }

    /// A pool error as the vectors write it.
    static func outcome(_ error: PoolError) -> Outcome {
        switch error {
        case .revert(let reason): .error(kind: "revert", message: reason)
        case .invalidState: .error(kind: "invalidState", message: "")
        case .malformed: .error(kind: "malformedInput", message: "")
        }
    }
}
