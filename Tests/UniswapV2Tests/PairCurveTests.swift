import Foundation
import Kernel
import Testing
import UniswapV2

/// What the engine asks of a pair beyond the differential vectors: its curve is its quote before
/// rounding down (and `exactQuote` is its quote, reverts included, and says as its quote would
/// whether it pays a target), its marginal rate a tiny quote's, and it has no price limit.
@Suite struct PairCurveTests {
    /// A uniform value of `bits` random bits at most (then a log-uniform spread of sizes).
    static func random(bits: Int, _ random: inout SplitMix64) -> UInt256 {
        let width = Int.random(in: 1...bits, using: &random)
        let words = (0..<4).map { _ in random.next() }
        return UInt256(words[0], words[1], words[2], words[3]) >> (256 - width)
    }

    @Test func theQuoteIsTheCurveRoundedDown() throws {
        var random = SplitMix64(seed: 7)
        var quoted = 0
        for _ in 0..<3_000 {
            let fee = try #require(PairFee(millionths: [3000, 2500, 1000, 100, 30_000][Int.random(in: 0...4, using: &random)]))
            let pool = try UniswapV2Pool(
                address: .zero, token0: .zero, token1: .zero,
                reserve0: Self.random(bits: 112, &random), reserve1: Self.random(bits: 112, &random), fee: fee)
            for (from, to) in [(0, 1), (1, 0)] {
                guard let curve = pool.swapCurve(from: from, to: to) else {
                    #expect(pool.reserve0.isZero || pool.reserve1.isZero)
                    continue
                }
                #expect(curve.inputLimit == nil && curve.feeMultiplier == fee.multiplier && curve.feeDenominator == fee.denominator)
                let limit = try #require(curve.exactInputLimit)
                let exactQuote = try #require(curve.exactQuote)
                // Any input, one near the 112-bit reserve limit (on either side) and dust.
                let nearLimit = limit + UInt256(UInt64.random(in: 0...2, using: &random)) - .one
                for x in [Self.random(bits: 113, &random), nearLimit, UInt256(UInt64.random(in: 0...3, using: &random))] {
                    let out = try? pool.amountOut(x, from: from, to: to)
                    // The sizer's quote from the curve alone is the pool's, reverts included.
                    #expect(exactQuote.amountOut(x) == out, "\(x)")
                    // Asking whether it pays a target, without the division, agrees with the
                    // quote on either side of its output, at zero and where target·D overflows.
                    let near = out.map { [$0 - .one, $0, $0 + .one] } ?? []
                    for target in near + [.zero, .one, Self.random(bits: 256, &random), .max] {
                        #expect(exactQuote.pays(atLeast: target, for: x) == (out.map { $0 >= Swift.max(target, .one) } ?? false), "\(x) \(target)")
                    }
                    guard let out else { continue }
                    let scaled = x * curve.feeMultiplier
                    #expect(out == UInt256.mulDiv(scaled, curve.reserveOut, curve.reserveIn * curve.feeDenominator + scaled))
                    quoted += 1
                }
            }
        }
        #expect(quoted > 3_000)
    }

    @Test func theMarginalRateIsATinyQuotes() throws {
        var random = SplitMix64(seed: 8)
        for _ in 0..<500 {
            let reserve0 = UInt256(truncating: pow(10, Double.random(in: 18...30, using: &random)))
            let reserve1 = UInt256(truncating: pow(10, Double.random(in: 18...30, using: &random)))
            let pool = try UniswapV2Pool(address: .zero, token0: .zero, token1: .zero, reserve0: reserve0, reserve1: reserve1)
            for (from, to) in [(0, 1), (1, 0)] {
                let rate = try #require(pool.marginalRate(from: from, to: to))
                let x = (from == 0 ? reserve0 : reserve1) / UInt256(100_000_000)
                let out = try pool.amountOut(x, from: from, to: to)
                #expect(abs(out.approximateDouble / x.approximateDouble - rate) <= rate * 1e-6)
            }
        }
    }

    @Test func aPriceLimitIsRefusedAndZeroMeansNone() throws {
        var pool = try UniswapV2Pool(address: .zero, token0: .zero, token1: .zero, reserve0: UInt256(1_000_000), reserve1: UInt256(2_000_000))
        let before = pool
        #expect(throws: PoolError.invalidState("a price limit on a V2 pair, which has none")) {
            try pool.fill(PoolSwap(from: 0, to: 1, amount: .exactIn(1000), sqrtPriceLimitX96: UInt256(1)))
        }
        #expect(pool == before)
        let fill = try pool.fill(PoolSwap(from: 0, to: 1, amount: .exactOut(1000), sqrtPriceLimitX96: .zero))
        #expect(fill.amountOut == UInt256(1000) && pool.reserve0 == UInt256(1_000_000) + fill.amountIn && pool.reserve1 == UInt256(1_999_000))
        #expect(pool.swapCurve(from: 0, to: 0) == nil && pool.marginalRate(from: 2, to: 1) == nil)
    }
}
