import Foundation
import Kernel
import Testing
import Camelot

/// The same transcription's cases through what the engine asks of a pool: `fill` (exact input for
/// the pairs, exact input or output with the case's price limit for Algebra), and the pairs'
/// curve and marginal rate on every case's state.
extension PoolDifferentialTests {
    @Test func algebraFillsMoveWhatTheTranscriptionMoves() throws {
        var checked = 0, exactOutputs = 0, zeroLimits = 0
        for vector in cases {
            let request = try vector.object("request"), expected = try vector.object("response")
            let poolFields = try request.object("pool")
            guard try poolFields.string("plugin") == "camelot-v3" else { continue }
            var pool = try camelotV3Pool(poolFields)
            let zeroForOne = try #require(request["zeroForOne"] as? Bool)
            let amount = try #require(Int256(decimal: try request.string("amountSpecified")))
            let limit = try request.decimal("sqrtPriceLimitX96")
            // Routers write "no limit" as 0, which `fill` reads as such; the pool itself refuses 0.
            guard !limit.isZero else {
                zeroLimits += 1
                continue
            }
            let fixed: PoolSwap.Fixed = amount.isNegative ? .exactOut(amount.magnitude) : .exactIn(amount.bitPattern)
            let swap = PoolSwap(from: zeroForOne ? 0 : 1, to: zeroForOne ? 1 : 0, amount: fixed, sqrtPriceLimitX96: limit)
            switch Result(catching: { () throws(PoolError) in try pool.fill(swap) }) {
            case .success(let fill):
                let amount0 = try #require(Int256(decimal: try expected.string("amount0")))
                let amount1 = try #require(Int256(decimal: try expected.string("amount1")))
                #expect(fill.amountIn == (zeroForOne ? amount0 : amount1).magnitude, "\(vector)")
                #expect(fill.amountOut == (zeroForOne ? amount1 : amount0).magnitude, "\(vector)")
                #expect(try pool.sqrtPriceX96 == expected.decimal("sqrtPriceX96") && Int(pool.tick) == expected["tick"] as? Int, "\(vector)")
                #expect(pool.liquidity == (try expected.decimal("liquidity")), "\(vector)")
                if amount.isNegative { exactOutputs += 1 }
            case .failure(let error):
                try expectError(error, expected, vector)
            }
            checked += 1
        }
        #expect(checked >= 10_000 && exactOutputs >= 2_000 && zeroLimits < 100)
    }

    @Test func pairFillsCurvesAndRatesAgreeWithTheQuote() throws {
        var fills = 0, curves = 0, stableRates = 0
        for vector in cases {
            let request = try vector.object("request"), expected = try vector.object("response")
            let poolFields = try request.object("pool")
            guard try poolFields.string("plugin") == "camelot-v2" else { continue }
            let pair = try camelotV2Pool(poolFields)
            let zeroForOne = try #require(request["zeroForOne"] as? Bool)
            let (from, to) = zeroForOne ? (0, 1) : (1, 0)
            let amountIn = try request.decimal("amountIn")
            var filled = pair
            switch Result(catching: { () throws(PoolError) in try filled.fill(PoolSwap(from: from, to: to, amount: .exactIn(amountIn))) }) {
            case .success(let fill):
                #expect(fill == PoolSwapFill(amountIn: amountIn, amountOut: try expected.decimal("amountOut")), "\(vector)")
                #expect(try filled.reserve0 == expected.decimal("reserve0") && filled.reserve1 == expected.decimal("reserve1"))
                fills += 1
            case .failure(let error):
                try expectError(error, expected, vector)
            }
            if pair.stableSwap {
                #expect(pair.swapCurve(from: from, to: to) == nil)
                // Against a quote ten times the marginal probe: the curve bends little between the
                // two. On pairs holding a whole token or more of each (the stable math works in
                // 18-decimal fixed point, coarse on dust), deep enough in units for neither quote's
                // rounding to matter, and not at the extreme reserves where its unchecked
                // arithmetic wraps.
                let reserveIn = zeroForOne ? pair.reserve0 : pair.reserve1
                let probe = reserveIn / UInt256(100_000)
                func wholeToken(_ decimals: UInt8) -> UInt256 { (0..<decimals).reduce(UInt256.one) { value, _ in value * UInt256(10) } }
                guard try !vector.string("kind").hasSuffix("extreme-reserves"), reserveIn >= UInt256(1_000_000_000_000),
                      pair.reserve0 >= wholeToken(pair.decimals0), pair.reserve1 >= wholeToken(pair.decimals1),
                      let rate = pair.marginalRate(from: from, to: to), let out = try? pair.amountOut(probe, from: from, to: to),
                      out >= UInt256(1_000_000_000) else { continue }
                #expect(abs(out.approximateDouble / probe.approximateDouble - rate) <= rate * 1e-3, "\(vector)")
                stableRates += 1
            } else if let curve = pair.swapCurve(from: from, to: to) {
                // The sizer's quote from the curve alone is the pair's, reverts included.
                let exactQuote = try #require(curve.exactQuote)
                #expect(exactQuote.amountOut(amountIn) == (try? pair.amountOut(amountIn, from: from, to: to)), "\(vector)")
                guard let out = try? pair.amountOut(amountIn, from: from, to: to) else { continue }
                let scaled = amountIn * curve.feeMultiplier
                #expect(out == UInt256.mulDiv(scaled, curve.reserveOut, curve.reserveIn * curve.feeDenominator + scaled), "\(vector)")
                #expect(curve.inputLimit == nil && pair.marginalRate(from: from, to: to) == curve.marginalRate)
                curves += 1
            }
        }
        #expect(fills >= 9_000, "\(fills)")
        #expect(curves >= 5_000, "\(curves)")
        #expect(stableRates >= 500, "\(stableRates)")
    }
}
