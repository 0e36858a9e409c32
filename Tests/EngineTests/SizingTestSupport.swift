import BigInt
import Foundation
import Kernel
import Testing
import UniswapV2
import UniswapV3
@testable import Engine

/// Cycle hops built on the real pool math of the protocol modules.
enum Hops {
    /// A Uniswap V2 pair with these reserves and fee (0.3 % unless given), as a hop from token
    /// 0 to token 1 or back as the engine builds it, without its Möbius map if `withMap` is false.
    static func v2(_ reserve0: UInt256, _ reserve1: UInt256, zeroForOne: Bool = true, feeMillionths: UInt32 = 3000, withMap: Bool = true) throws -> SizingHop {
        let fee = try #require(PairFee(millionths: feeMillionths))
        let pool = try UniswapV2Pool(address: .zero, token0: .zero, token1: .zero, reserve0: reserve0, reserve1: reserve1, fee: fee)
        return withMap ? Self.pool(pool, zeroForOne: zeroForOne) : withoutMaps([Self.pool(pool, zeroForOne: zeroForOne)])[0]
    }

    /// A Uniswap V3 pool with one position over the whole tick range (so a swap never leaves
    /// its liquidity), at `sqrtPriceX96`, as a hop as the engine builds it, without its Möbius
    /// map if `withMap` is false.
    static func v3(liquidity: UInt256, sqrtPriceX96: UInt256, fee: UInt32 = 3000, zeroForOne: Bool, withMap: Bool = true) throws -> SizingHop {
        let pool = try UniswapV3Pool(
            address: .zero, token0: .zero, token1: .zero, fee: fee, tickSpacing: 60, sqrtPriceX96: sqrtPriceX96,
            tick: try TickMath.tick(atSqrtRatio: sqrtPriceX96), liquidity: liquidity, ticks: TickTable())
        return withMap ? Self.pool(pool, zeroForOne: zeroForOne) : withoutMaps([Self.pool(pool, zeroForOne: zeroForOne)])[0]
    }

    /// `pool` as a hop from token 0 to token 1 or back, as the engine builds it
    /// (`SizingHop(pool:from:to:)`).
    static func pool(_ pool: any PricingPool, zeroForOne: Bool) -> SizingHop {
        SizingHop(pool: pool, from: zeroForOne ? 0 : 1, to: zeroForOne ? 1 : 0)
    }

    /// `hops` with their maps (and the ranges beyond) removed, for the bracketed search.
    static func withoutMaps(_ hops: [SizingHop]) -> [SizingHop] {
        hops.map { SizingHop(map: nil, exactOutputInput: $0.exactOutputInput, quote: $0.quote) }
    }

    /// `hops` without their exact-output inputs: the sizer finds where the cycle's output steps
    /// by searching its quotes alone.
    static func withoutExactOutputs(_ hops: [SizingHop]) -> [SizingHop] {
        hops.map { hop in
            var bare = hop
            bare.exactOutputInput = nil
            return bare
        }
    }
}

/// Reference answers computed without the sizer.
enum Reference {
    /// What the cycle returns for `input`, quoting each hop in turn; nil when a hop reverts.
    static func cycleOut(_ hops: [SizingHop], _ input: UInt256) -> UInt256? {
        var amount = input
        for hop in hops {
            guard let out = try? hop.quote(amount) else { return nil }
            amount = out
        }
        return amount
    }

    /// The exact profit for `input` (negative for a loss), nil when a hop reverts.
    static func profit(_ hops: [SizingHop], _ input: UInt256) -> BigInt? {
        cycleOut(hops, input).map { BigInt(Big.of($0)) - BigInt(Big.of(input)) }
    }

    /// The best input in `lower ... upper` by a ternary search on the exact profit (200 rounds,
    /// then every input of what is left, at most 64): the optimum up to the pools' rounding, for
    /// cycles too deep to try every input. Nil when it finds no profit.
    static func ternary(_ hops: [SizingHop], lower: UInt256, upper: UInt256) -> (input: UInt256, profit: UInt256)? {
        func value(_ x: UInt256) -> BigInt { profit(hops, x) ?? BigInt(-1) << 300 }
        var (a, b) = (lower, upper)
        for _ in 0..<200 where b - a > UInt256(64) {
            let third = (b - a) / UInt256(3)
            let (m1, m2) = (a + third, b - third)
            if value(m1) < value(m2) { a = m1 } else { b = m2 }
        }
        var best: (input: UInt256, profit: UInt256)?
        var x = a
        while x <= b {
            if let p = profit(hops, x), p > 0, best.map({ BigInt(Big.of($0.profit)) < p }) ?? true { best = (x, Big.u256(BigUInt(p)) ?? .zero) }
            x = x + .one
        }
        return best
    }

    /// The best input in `range` by trying every one: the largest exact profit, the smallest
    /// input among equals; nil when none makes a profit.
    static func bruteForce(_ hops: [SizingHop], over range: ClosedRange<UInt64>) -> (input: UInt256, profit: UInt256)? {
        var best: (input: UInt256, profit: UInt256)?
        for x in range {
            let input = UInt256(x)
            guard let out = cycleOut(hops, input), out > input else { continue }
            let profit = out - input
            if let current = best, profit <= current.profit { continue }
            best = (input, profit)
        }
        return best
    }
}

/// Conversions between `UInt256` and BigInt's `BigUInt`.
enum Big {
    /// The value as a `BigUInt`.
    static func of(_ value: UInt256) -> BigUInt {
        BigUInt(words: [UInt(value.w0), UInt(value.w1), UInt(value.w2), UInt(value.w3)])
    }

    /// The value as a `UInt256`, if it fits.
    static func u256(_ value: BigUInt) -> UInt256? {
        let words = Array(value.words)
        guard words.count <= 4 else { return nil }
        var w: [UInt64] = [0, 0, 0, 0]
        for (i, word) in words.enumerated() { w[i] = UInt64(word) }
        return UInt256(w[0], w[1], w[2], w[3])
    }
}

extension SplitMix64 {
    /// A uniform value in `range`.
    mutating func uniform(_ range: ClosedRange<UInt64>) -> UInt64 {
        UInt64.random(in: range, using: &self)
    }

    /// A log-uniform value between `10^exponents.lowerBound` and `10^exponents.upperBound`.
    mutating func logUniform(exponents: ClosedRange<Int>) -> UInt256 {
        let exponent = Double.random(in: Double(exponents.lowerBound)...Double(exponents.upperBound), using: &self)
        return UInt256(truncating: pow(10, exponent))
    }
}

/// Random cycles of real pools at realistic depths, from a seeded generator.
enum RandomCycles {
    /// The pool family of a hop.
    enum Kind { case v2, v3 }

    /// A cycle and the input-side reserve of its first hop (a natural bracket end).
    struct Cycle {
        var hops: [SizingHop]
        var firstReserve: UInt256
    }

    /// A cycle through `kinds.count` tokens with prices spread over six orders of magnitude,
    /// pools 10^18 to 10^24 deep (in value), each pool's price off by −1 % … +3 %, fees 0.05 %
    /// to 1 % (a V2 pair at 0.3 % or 0.25 %).
    static func make(_ random: inout SplitMix64, kinds: [Kind]) throws -> Cycle {
        let prices = kinds.map { _ in Double.random(in: -3...3, using: &random) }.map { pow(10, $0) }
        var hops: [SizingHop] = []
        var firstReserve = UInt256.zero
        for (index, kind) in kinds.enumerated() {
            let priceIn = prices[index], priceOut = prices[(index + 1) % kinds.count]
            let depth = pow(10, Double.random(in: 18...24, using: &random))
            let skew = 1 + Double.random(in: -0.01...0.03, using: &random)
            let reserveIn = depth / priceIn, reserveOut = depth / priceOut * skew
            switch kind {
            case .v2:
                let fee: UInt32 = Bool.random(using: &random) ? 3000 : 2500
                let zeroForOne = Bool.random(using: &random)
                let (r0, r1) = zeroForOne ? (reserveIn, reserveOut) : (reserveOut, reserveIn)
                hops.append(try Hops.v2(UInt256(truncating: r0), UInt256(truncating: r1), zeroForOne: zeroForOne, feeMillionths: fee))
                if index == 0 { firstReserve = UInt256(truncating: reserveIn) }
            case .v3:
                let fee = [UInt32(500), 3000, 10_000][Int.random(in: 0...2, using: &random)]
                // token0 in, token1 out: price = reserveOut / reserveIn, liquidity = sqrt(reserveIn · reserveOut).
                let sqrtPrice = (reserveOut / reserveIn).squareRoot()
                hops.append(try Hops.v3(
                    liquidity: UInt256(truncating: (reserveIn * reserveOut).squareRoot()),
                    sqrtPriceX96: UInt256(truncating: sqrtPrice * 0x1p96), fee: fee, zeroForOne: true))
                if index == 0 { firstReserve = UInt256(truncating: reserveIn) }
            }
        }
        return Cycle(hops: hops, firstReserve: firstReserve)
    }
}
