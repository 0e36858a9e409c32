import BigInt
import Foundation
import Kernel
import Testing
import UniswapV3

/// `swapSegments` of concentrated-liquidity pools (Kernel's, shared with Algebra) on random and
/// real pools: each range starts where the exact quote says, its curve bounds the exact quote
/// from above and stays close to it, and the ranges end where the pool stops pricing.
@Suite struct SwapSegmentsTests {
    /// The exact quote, or nil where the pool reverts or refuses.
    static func out(_ pool: UniswapV3Pool, _ amount: UInt256, zeroForOne: Bool) -> UInt256? {
        try? pool.amountOut(amount, from: zeroForOne ? 0 : 1, to: zeroForOne ? 1 : 0)
    }

    /// `startOutput + curve(x)` as a fraction: numerator and denominator, in BigInt.
    static func bound(_ segment: SwapSegment, _ x: UInt256) -> (BigInt, BigInt) {
        let c = segment.curve
        let f = BigInt(big(c.feeMultiplier)), d = BigInt(big(c.feeDenominator))
        let denominator = BigInt(big(c.reserveIn)) * d + f * BigInt(big(x))
        return (BigInt(big(segment.startOutput)) * denominator + f * BigInt(big(c.reserveOut)) * BigInt(big(x)), denominator)
    }

    static func big(_ value: UInt256) -> BigUInt {
        BigUInt(words: [UInt(value.w0), UInt(value.w1), UInt(value.w2), UInt(value.w3)])
    }

    /// How many table words the swap of `to` passes after the swap of `from` ends: the steps
    /// the loop makes between them, less one.
    static func wordsPassed(_ pool: UniswapV3Pool, from: UInt256, to: UInt256, zeroForOne: Bool) throws -> Int {
        func tick(after amount: UInt256) throws -> Int32 {
            var copy = pool
            if !amount.isZero { _ = try copy.swap(amount, from: zeroForOne ? 0 : 1, to: zeroForOne ? 1 : 0) }
            return copy.tick
        }
        let span = Int(abs(try tick(after: to) - tick(after: from)))
        return span / (256 * Int(pool.tickSpacing)) + 2
    }

    /// Checks every property of `pool`'s segments in one direction; returns how many it has.
    @discardableResult
    static func check(_ pool: UniswapV3Pool, zeroForOne: Bool, limit: Int, _ random: inout SplitMix64) throws -> Int {
        let (from, to) = zeroForOne ? (0, 1) : (1, 0)
        guard let segments = pool.swapSegments(from: from, to: to, limit: limit) else { return 0 }
        #expect(!segments.isEmpty && segments.count <= limit)
        var expectedStart = UInt256.zero
        for (index, segment) in segments.enumerated() {
            // Contiguous from 0 (ranges no input enters take none), each start quoted exactly.
            if index > 0 { #expect(segment.startInput == expectedStart) }
            if !segment.startInput.isZero {
                #expect(out(pool, segment.startInput, zeroForOne: zeroForOne) == segment.startOutput)
            } else {
                #expect(segment.startOutput.isZero)
            }
            let width = try #require(segment.curve.inputLimit)
            #expect(!width.isZero)
            expectedStart = segment.startInput + width
            // Inside the range the curve bounds the exact quote from above, and closely.
            for _ in 0..<6 {
                let x = UInt256(random.next()) % width + .one
                guard let exact = out(pool, segment.startInput + x, zeroForOne: zeroForOne) else {
                    // Only the range's very end may be refused (a swap ending on the last known tick).
                    #expect(x == width, "segment \(index): \(x) of \(width) refused")
                    continue
                }
                let (numerator, denominator) = bound(segment, x)
                let exactScaled = BigInt(big(exact)) * denominator
                #expect(exactScaled <= numerator, "segment \(index): exact above the curve at \(x)")
                // Within 10^-5 and a few units per step of the pool's loop (one per table word
                // the swap passes in the range, each rounding its output down), for inputs
                // large enough that a unit of input rounded away is a small part: the curve is
                // the range's, not merely a bound.
                if x >= UInt256(1_000_000) {
                    let words = try Self.wordsPassed(pool, from: segment.startInput, to: segment.startInput + x, zeroForOne: zeroForOne)
                    let slack = (numerator / denominator) / 100_000 + 4 + BigInt(words)
                    #expect(BigInt(big(exact)) + slack >= numerator / denominator, "segment \(index): exact far below the curve at \(x)")
                }
            }
        }
        // The first range is `swapCurve`'s where the price does not sit on a tick it must cross;
        // it may reach further, to the edge of the loaded ticks within the last step (the
        // curve's limit stops at the last step inside them).
        if let curve = pool.swapCurve(from: from, to: to), let limit = curve.inputLimit, !limit.isZero {
            #expect(segments[0].curve.reserveIn == curve.reserveIn && segments[0].curve.reserveOut == curve.reserveOut)
            #expect(segments[0].curve.feeMultiplier == curve.feeMultiplier)
            #expect(try #require(segments[0].curve.inputLimit) >= limit)
        }
        // Fewer than asked: the pool pays nothing more past the last end (it refuses, or stops
        // at the end of the price range).
        if segments.count < limit, let last = segments.last, let width = last.curve.inputLimit {
            let end = last.startInput + width
            if end < Int256.max.magnitude {
                let past = out(pool, end + .one, zeroForOne: zeroForOne)
                #expect(past == nil || past == out(pool, end, zeroForOne: zeroForOne), "paid more past the last segment")
            }
        }
        return segments.count
    }

    @Test("random pools: starts exact, curves bound and follow the quote, ends where pricing ends")
    func randomPools() throws {
        var random = SplitMix64(seed: 0x5E6_3E47)
        var multiRange = 0
        for _ in 0..<300 {
            let pool = try SwapCurveTests.randomPool(&random)
            for zeroForOne in [true, false] {
                if try Self.check(pool, zeroForOne: zeroForOne, limit: 12, &random) > 1 { multiRange += 1 }
            }
        }
        // The generator must exercise swaps across several ranges.
        #expect(multiRange > 100)
    }

    @Test("a limit keeps the first segments unchanged")
    func limitIsAPrefix() throws {
        var random = SplitMix64(seed: 77)
        var compared = 0
        for _ in 0..<200 {
            let pool = try SwapCurveTests.randomPool(&random)
            guard let all = pool.swapSegments(from: 0, to: 1, limit: 32), all.count >= 3 else { continue }
            #expect(pool.swapSegments(from: 0, to: 1, limit: 2) == Array(all.prefix(2)))
            compared += 1
        }
        #expect(compared > 10)
    }

    @Test("the real WBTC/weETH and Ramses pools, both directions, across their real ticks")
    func realPools() throws {
        var random = SplitMix64(seed: 3)
        var counts: [Int] = []
        for file in ["uniswap_v3_wbtc_weeth_100_0x7c9ad041_block438994300.json", "ramses_v2_arb_usdce_500_20231218.json"] {
            let (pool, _) = try Snapshot.pool(file)
            for zeroForOne in [true, false] {
                counts.append(try Self.check(pool, zeroForOne: zeroForOne, limit: 16, &random))
            }
        }
        // Real tables are dense on one side at least: most directions cross several ticks.
        #expect(counts.filter { $0 >= 2 }.count >= 2, "segments by pool and direction: \(counts)")
    }
}
