import BigInt
import Testing

@testable import Kernel

// MARK: - Shared helpers (also used by Int256Tests.swift)

/// Random values biased toward edge cases, for the UInt256 and Int256 tests.
extension SplitMix64 {
    /// A word biased toward the values that break carry and division code.
    mutating func edgyWord() -> UInt64 {
        switch next() % 10 {
        case 0: return 0
        case 1: return .max
        case 2: return 1
        case 3: return 1 << 63
        case 4: return (1 << 63) - 1
        case 5: return .max - 1
        case 6: return 1 << (next() % 64)
        default: return next()
        }
    }

    /// A 256-bit value biased toward edge cases: 0, 1, max, powers of two and their
    /// neighbours, values with 1...4 significant words, words of extreme values.
    mutating func nextUInt256() -> UInt256 {
        switch next() % 8 {
        case 0:
            let specials: [UInt256] = [.zero, .one, .max, UInt256(2), .max &- .one, UInt256(.max), UInt256(0, 1, 0, 0)]
            return specials[Int(next() % UInt64(specials.count))]
        case 1:
            // 2^k - 1, 2^k, 2^k + 1.
            let p = UInt256.one << Int(next() % 256)
            switch next() % 3 {
            case 0: return p &- .one
            case 1: return p
            default: return p &+ .one
            }
        case 2:
            // Random value of a random bit length.
            let r = UInt256(next(), next(), next(), next())
            return r >> Int(next() % 256)
        case 3:
            return withWordCount(Int(next() % 4) + 1) { $0.edgyWord() }
        default:
            return withWordCount(Int(next() % 4) + 1) { $0.next() }
        }
    }

    /// A value whose top `count` words come from `word` and whose top word is non-zero.
    mutating func withWordCount(_ count: Int, _ word: (inout SplitMix64) -> UInt64) -> UInt256 {
        var w: [UInt64] = [0, 0, 0, 0]
        for i in 0..<count { w[i] = word(&self) }
        if w[count - 1] == 0 { w[count - 1] = 1 }
        return UInt256(w[0], w[1], w[2], w[3])
    }
}

/// Conversions between the types under test and attaswift/BigInt, the independent oracle.
enum U256Oracle {
    static let two256 = BigUInt(1) << 256
    static let maxBig = two256 - 1

    static func big(_ u: UInt256) -> BigUInt {
        BigUInt(words: [UInt(u.w0), UInt(u.w1), UInt(u.w2), UInt(u.w3)])
    }

    /// The value if it fits in 256 bits.
    static func u256(_ b: BigUInt) -> UInt256? {
        let words = Array(b.words)
        guard words.count <= 4 else { return nil }
        var w: [UInt64] = [0, 0, 0, 0]
        for (i, x) in words.enumerated() { w[i] = UInt64(x) }
        return UInt256(w[0], w[1], w[2], w[3])
    }

    /// `b mod 2^256`.
    static func wrapped(_ b: BigUInt) -> UInt256 {
        u256(b & maxBig) ?? .zero
    }

    static func signed(_ i: Int256) -> BigInt {
        let u = big(i.bitPattern)
        return i.bitPattern.w3 >> 63 == 1 ? BigInt(u) - BigInt(two256) : BigInt(u)
    }

    /// The two's complement bits of `b` modulo 2^256.
    static func int256(wrapping b: BigInt) -> Int256 {
        let m = BigInt(two256)
        var r = b % m
        if r < 0 { r += m }
        return Int256(bitPattern: u256(r.magnitude) ?? .zero)
    }
}

// MARK: - UInt256

@Suite("UInt256")
struct UInt256Tests {
    @Test func constantsAndCounts() {
        #expect(UInt256.zero.isZero)
        #expect(!UInt256.one.isZero)
        #expect(U256Oracle.big(.max) == U256Oracle.maxBig)
        #expect(UInt256.zero.leadingZeroBitCount == 256)
        #expect(UInt256.zero.trailingZeroBitCount == 256)
        #expect(UInt256.zero.bitWidth == 0)
        #expect(UInt256.max.bitWidth == 256)
        #expect(UInt256.one.bitWidth == 1)
        #expect(UInt256(words: (1, 2, 3, 4)) == UInt256(1, 2, 3, 4))
        #expect(UInt256(words: (1, 2, 3, 4)).w3 == 4)
        #expect(UInt256(7) == 7)

        var rng = SplitMix64(seed: 1)
        for _ in 0..<3000 {
            let x = rng.nextUInt256()
            let b = U256Oracle.big(x)
            let bits = b.isZero ? 0 : b.bitWidth
            #expect(x.bitWidth == bits)
            #expect(x.leadingZeroBitCount == 256 - bits)
            #expect(x.trailingZeroBitCount == (b.isZero ? 256 : b.trailingZeroBitCount))
            #expect(x.significantWordCount == (bits + 63) / 64)
            let k = Int(rng.next() % 300) - 20
            #expect(x.bit(k) == (k >= 0 && k < 256 && (b >> k) & 1 == 1))
        }
    }

    @Test func conversions() {
        #expect(UInt256(truncatingIfNeeded: -1) == .max)
        #expect(UInt256(truncatingIfNeeded: -2) == .max &- .one)
        #expect(UInt256(truncatingIfNeeded: 5 as Int) == 5)
        #expect(UInt256(truncatingIfNeeded: UInt64.max) == UInt256(.max))
        #expect(UInt256(UInt64.max).uint64Value == .max)
        #expect(UInt256(0, 1, 0, 0).uint64Value == nil)
        #expect(UInt256(0, 0, 0, 1).uint64Value == nil)
        #expect(UInt256(UInt64(Int.max)).intValue == Int.max)
        #expect(UInt256(UInt64(Int.max) + 1).intValue == nil)
        var rng = SplitMix64(seed: 2)
        for _ in 0..<2000 {
            let x = rng.nextUInt256()
            let b = U256Oracle.big(x)
            #expect(x.uint64Value == UInt64(exactly: b))
            #expect(x.low64 == UInt64(truncatingIfNeeded: b))
            #expect(UInt256(words: x.words) == x)
            let i = Int(bitPattern: UInt(rng.next()))
            #expect(UInt256(truncatingIfNeeded: i) == U256Oracle.int256(wrapping: BigInt(i)).bitPattern)
        }
    }

    @Test func comparisonAndHashing() {
        var rng = SplitMix64(seed: 3)
        for _ in 0..<3000 {
            let x = rng.nextUInt256()
            // Often compare values that share their top words.
            let y = rng.next() % 3 == 0 ? UInt256(rng.next(), x.w1, x.w2, x.w3) : rng.nextUInt256()
            let bx = U256Oracle.big(x), by = U256Oracle.big(y)
            #expect((x < y) == (bx < by))
            #expect((x <= y) == (bx <= by))
            #expect((x > y) == (bx > by))
            #expect((x == y) == (bx == by))
            if x == y { #expect(x.hashValue == y.hashValue) }
        }
        #expect(Set([UInt256.one, UInt256(1), UInt256.zero]).count == 2)
    }

    @Test func additionAndSubtraction() {
        var rng = SplitMix64(seed: 4)
        for _ in 0..<4000 {
            let x = rng.nextUInt256(), y = rng.nextUInt256()
            let bx = U256Oracle.big(x), by = U256Oracle.big(y)

            let sum = bx + by
            let (s, so) = x.addingReportingOverflow(y)
            #expect(so == (sum > U256Oracle.maxBig))
            #expect(s == U256Oracle.wrapped(sum))
            #expect(x &+ y == s)
            if !so { #expect(x + y == s) }

            let (d, dOverflow) = x.subtractingReportingOverflow(y)
            #expect(dOverflow == (bx < by))
            let expectedDifference = bx >= by ? bx - by : U256Oracle.two256 - (by - bx)
            #expect(d == U256Oracle.wrapped(expectedDifference))
            #expect(x &- y == d)
            if !dOverflow { #expect(x - y == d) }

            var z = x
            z &+= y
            z &-= y
            #expect(z == x)
        }
        #expect(UInt256.max.addingReportingOverflow(.one) == (.zero, true))
        #expect(UInt256.zero.subtractingReportingOverflow(.one) == (.max, true))
        #expect(UInt256(.max, .max, .max, 0) &+ .one == UInt256(0, 0, 0, 1))
    }

    @Test func multiplication() {
        var rng = SplitMix64(seed: 5)
        for _ in 0..<4000 {
            let x = rng.nextUInt256(), y = rng.nextUInt256()
            let product = U256Oracle.big(x) * U256Oracle.big(y)
            let (high, low) = x.multipliedFullWidth(by: y)
            #expect(U256Oracle.big(high) == product >> 256)
            #expect(U256Oracle.big(low) == product & U256Oracle.maxBig)
            let (p, o) = x.multipliedReportingOverflow(by: y)
            #expect(o == (product > U256Oracle.maxBig))
            #expect(p == low)
            #expect(x &* y == low)
            if !o { #expect(x * y == low) }

            let f = rng.edgyWord(), a = rng.edgyWord()
            let fma = U256Oracle.big(x) * BigUInt(f) + BigUInt(a)
            let (m, mo) = x.multipliedAndAddedReportingOverflow(by: f, adding: a)
            #expect(mo == (fma > U256Oracle.maxBig))
            #expect(m == U256Oracle.wrapped(fma))
        }
        #expect(UInt256.max.multipliedFullWidth(by: .max) == (.max &- .one, .one))
    }

    /// Cases that drive Knuth's algorithm D through its rare corrections: a quotient estimate
    /// of B − 1, the refinement loop and the add-back step (64-bit analogues of the cases in
    /// Hacker's Delight's divmnu test set).
    static let knuthCases: [(UInt256, UInt256)] = {
        let h: UInt64 = 1 << 63
        return [
            (UInt256(0, 0, h, h - 1), UInt256(1, 0, h, 0)),
            (UInt256(3, 0, h, 0), UInt256(1, 0, 1 << 61, 0)),
            (UInt256(0, 0, h, 0), UInt256(1, h, 0, 0)),
            (UInt256(0, .max, .max, .max), UInt256(.max, .max, 0, 0)),
            (UInt256(0, 0xFFFF_FFFF_FFFF_FFFE, h, 0), UInt256(0xFFFF_FFFF_FFFF_FFFF, h, 0, 0)),
            (UInt256(0, 0, 0xFFFF_FFFF_FFFF_FFFE, h - 1), UInt256(.max, .max, h - 1, 0)),
            (UInt256(.max, .max, .max, .max), UInt256(.max, .max, .max, 1)),
            (UInt256(0, 0, 0, h), UInt256(1, 0, 0, h)),
            (UInt256(0, 0, 0, h), UInt256(.max, .max, .max, h - 1)),
            (UInt256(.max, 0, 0, .max), UInt256(.max, .max, 0, h)),
            (UInt256(1, 0, 0, 0), UInt256(0, 0, 0, 1)),
            (.max, UInt256(0, 0, 1, 0)),
        ]
    }()

    /// Divisors with 1, 2, 3 and 4 significant words against numerators of every size.
    @Test func division() {
        var rng = SplitMix64(seed: 6)
        var cases = Self.knuthCases
        for (d1, d0) in Self.reciprocalEdgeDivisors {
            cases.append((rng.nextUInt256(), UInt256(d0, d1, 0, 0)))
            cases.append((rng.nextUInt256(), UInt256(rng.next(), d0, d1, 0)))
            cases.append((.max, UInt256(rng.next(), rng.next(), d0, d1)))
        }
        for _ in 0..<6000 {
            let x = rng.nextUInt256()
            let words = Int(rng.next() % 4) + 1
            let y: UInt256
            switch rng.next() % 4 {
            case 0: y = rng.withWordCount(words) { $0.edgyWord() }
            case 1: y = rng.nextUInt256()
            case 2: y = x >> Int(rng.next() % 200)   // quotient of a chosen size
            default: y = rng.withWordCount(words) { $0.next() }
            }
            cases.append((x, y))
        }
        // Numerators of every word count over two-word divisors: the short numerators skip the
        // two-word path's leading steps (a pair's quote divides a 3-word product by a 2-word sum).
        for _ in 0..<2000 {
            let x = rng.withWordCount(Int(rng.next() % 4) + 1) { $0.next() }
            cases.append((x, rng.withWordCount(2) { $0.next() }))
        }
        for (x, y) in cases {
            let bx = U256Oracle.big(x), by = U256Oracle.big(y)
            guard !by.isZero else {
                #expect(x.quotientAndRemainder(dividingBy: y) == nil)
                continue
            }
            let (bq, br) = bx.quotientAndRemainder(dividingBy: by)
            guard let (q, r) = x.quotientAndRemainder(dividingBy: y) else {
                Issue.record("nil for non-zero divisor \(y)")
                continue
            }
            #expect(U256Oracle.big(q) == bq, "\(x) / \(y)")
            #expect(U256Oracle.big(r) == br, "\(x) % \(y)")
            #expect(x / y == q)
            #expect(x % y == r)
            #expect(x.dividedReportingOverflow(by: y) == (q, false))
            #expect(x.remainderReportingOverflow(dividingBy: y) == (r, false))
            let up = UInt256.divRoundingUp(x, y)
            #expect(up.map(U256Oracle.big) == (br.isZero ? bq : bq + 1))
        }
        #expect(UInt256.max.dividedReportingOverflow(by: .zero) == (.max, true))
        #expect(UInt256(5).remainderReportingOverflow(dividingBy: .zero) == (UInt256(5), true))
        #expect(UInt256.divRoundingUp(.one, .zero) == nil)
        #expect(UInt256.divRoundingUp(.max, .one) == .max)
        #expect(UInt256.divRoundingUp(.max, UInt256(2)) == UInt256.one << 255)
    }

    /// Top divisor words `(d1, d0)` for which `reciprocal3by2` takes its rare corrections with
    /// an exact tie (`p == d1`): two in the first step, three each way in the second (found by
    /// solving the algorithm's equations for random `d1`).
    static let reciprocalEdgeDivisors: [(UInt64, UInt64)] = [
        (0xdbc8_fbbc_bde5_c099, 0xdbf6_2c9c_de14_bdfb), (0x87b0_b125_ec1d_7da0, 0xa203_1a00_e5a8_d140),
        (0x8d46_4138_a623_3255, 0xf42a_61c5_a70d_9636),
        (0x8332_f05a_5829_6818, 0x9fe9_e5f8_9d0a_eca5), (0x834c_1b69_573a_c59a, 0xc1ec_6ed5_95c6_b2c8),
        (0x8f0b_9752_2634_f16f, 0xccc5_07d6_4850_daf9),
        (0x87b0_b125_ec1d_7da0, 0x9dcb_49be_8c56_0a52), (0x8d46_4138_a623_3255, 0xd4b4_d0c5_8637_3ae6),
        (0x8585_a01c_4c7d_6df0, 0xc248_338e_6f20_11be),
    ]

    /// The word-level steps of the division (reciprocals, 2-by-1 and 3-by-2 division by
    /// invariant integers) against their exact definitions.
    @Test func divisionPrimitives() {
        var rng = SplitMix64(seed: 13)
        let b = BigUInt(1) << 64
        let edges = Self.reciprocalEdgeDivisors
        for i in 0..<4000 {
            // Normalized divisor words: the rare reciprocal corrections, 2^63, 2^64 - 1, random.
            let d1: UInt64, d0: UInt64
            if i < edges.count {
                (d1, d0) = edges[i]
            } else {
                d1 = i == edges.count ? 1 << 63 : (i == edges.count + 1 ? .max : rng.edgyWord() | 1 << 63)
                d0 = rng.edgyWord()
            }
            let v1 = UInt256.reciprocal2by1(d1)
            #expect(BigUInt(v1) == (b * b - 1) / BigUInt(d1) - b, "reciprocal2by1(\(d1))")
            let d = BigUInt(d1) * b + BigUInt(d0)
            let v2 = UInt256.reciprocal3by2(d1, d0)
            #expect(BigUInt(v2) == (b * b * b - 1) / d - b, "reciprocal3by2(\(d1), \(d0))")

            // 2-by-1: needs u1 < d1; favour u1 = d1 - 1.
            let u1 = rng.next() % 3 == 0 ? d1 - 1 : rng.edgyWord() % d1
            let u0 = rng.edgyWord()
            let (q, r) = UInt256.divide2by1(u1, u0, d1, v1)
            let x = BigUInt(u1) * b + BigUInt(u0)
            #expect(BigUInt(q) == x / BigUInt(d1) && BigUInt(r) == x % BigUInt(d1), "divide2by1(\(u1), \(u0), \(d1))")

            // 3-by-2: needs (u2, u1) < (d1, d0); favour the top words just below the divisor.
            var t2 = rng.next() % 3 == 0 ? d1 : rng.edgyWord() % d1
            var t1 = t2 == d1 ? (d0 == 0 ? 0 : rng.edgyWord() % d0) : rng.edgyWord()
            if t2 == d1 && d0 == 0 { t2 = d1 - 1; t1 = .max }
            let t0 = rng.edgyWord()
            let (q3, r1, r0) = UInt256.divide3by2(t2, t1, t0, d1, d0, v2)
            let y = (BigUInt(t2) * b + BigUInt(t1)) * b + BigUInt(t0)
            #expect(BigUInt(q3) == y / d, "divide3by2(\(t2), \(t1), \(t0), \(d1), \(d0))")
            #expect(BigUInt(r1) * b + BigUInt(r0) == y % d)
        }
    }

    /// 512-bit by 256-bit division, the core of mulDiv, with every divisor size.
    @Test func mulDivMatchesFullMath() {
        var rng = SplitMix64(seed: 7)
        var nilCount = 0
        for i in 0..<5000 {
            let a = rng.nextUInt256(), b = rng.nextUInt256()
            let product = U256Oracle.big(a) * U256Oracle.big(b)
            let d: UInt256
            switch i % 4 {
            case 0: d = rng.nextUInt256()
            case 1:
                // Right at the overflow boundary: high half, high half + 1.
                let high = U256Oracle.wrapped(product >> 256)
                d = rng.next() % 2 == 0 ? high : high &+ .one
            case 2: d = rng.withWordCount(Int(rng.next() % 4) + 1) { $0.edgyWord() }
            default: d = rng.withWordCount(Int(rng.next() % 4) + 1) { $0.next() }
            }
            let bd = U256Oracle.big(d)
            let floor = bd.isZero ? nil : U256Oracle.u256(product / bd)
            let ceil = bd.isZero ? nil : U256Oracle.u256((product + bd - 1) / bd)
            #expect(UInt256.mulDiv(a, b, d) == floor, "mulDiv(\(a), \(b), \(d))")
            #expect(UInt256.mulDivRoundingUp(a, b, d) == ceil, "mulDivRoundingUp(\(a), \(b), \(d))")
            #expect(UInt256.mulMod(a, b, d) == (bd.isZero ? nil : U256Oracle.u256(product % bd)))
            if floor == nil { nilCount += 1 }
        }
        // The boundary cases really did reach both sides.
        #expect(nilCount > 500)
        #expect(UInt256.mulDiv(.max, .max, .max) == .max)
        #expect(UInt256.mulDiv(.max, .max, .max &- .one) == nil)
        #expect(UInt256.mulDiv(.one, .one, .zero) == nil)
        #expect(UInt256.mulDivRoundingUp(.max, .max, .max) == .max)
        #expect(UInt256.mulDivRoundingUp(.zero, .max, .one) == .zero)
        #expect(UInt256.mulDiv(UInt256.one << 128, UInt256.one << 128, .one) == nil)
        #expect(UInt256.mulDiv(UInt256.one << 128, UInt256.one << 128, UInt256(2)) == UInt256.one << 255)
        #expect(UInt256.mulDiv(UInt256.one << 128, UInt256.one << 127, UInt256(2)) == UInt256.one << 254)
    }

    /// mulDivRoundingUp's extra revert: floor(a*b/d) == 2^256 − 1 with a non-zero remainder.
    @Test func mulDivRoundingUpOverflowBoundary() {
        var rng = SplitMix64(seed: 8)
        var found = 0
        for _ in 0..<3000 {
            // floor(a*b/d) == max needs a*b in [max*d, 2^256*d); take d < a and the smallest b.
            let d = rng.withWordCount(Int(rng.next() % 4) + 1) { $0.next() }
            let bd = U256Oracle.big(d)
            let ba = bd + BigUInt(rng.next() % 1000 + 1)
            guard let a = U256Oracle.u256(ba) else { continue }
            let lowerBound = U256Oracle.maxBig * bd
            let bb = (lowerBound + ba - 1) / ba
            guard let b = U256Oracle.u256(bb) else { continue }
            let product = ba * bb
            guard product < U256Oracle.two256 * bd else { continue }
            #expect(UInt256.mulDiv(a, b, d) == .max)
            if product % bd == 0 {
                #expect(UInt256.mulDivRoundingUp(a, b, d) == .max)
            } else {
                #expect(UInt256.mulDivRoundingUp(a, b, d) == nil)
                found += 1
            }
        }
        #expect(found > 100)
    }

    @Test func bitwiseAndShifts() {
        var rng = SplitMix64(seed: 9)
        for _ in 0..<3000 {
            let x = rng.nextUInt256(), y = rng.nextUInt256()
            let bx = U256Oracle.big(x), by = U256Oracle.big(y)
            #expect(U256Oracle.big(x & y) == bx & by)
            #expect(U256Oracle.big(x | y) == bx | by)
            #expect(U256Oracle.big(x ^ y) == bx ^ by)
            #expect(U256Oracle.big(~x) == U256Oracle.maxBig ^ bx)

            let k = Int(rng.next() % 600) - 300
            let left = k >= 0 ? (bx << k) & U256Oracle.maxBig : bx >> -k
            let right = k >= 0 ? bx >> k : (bx << -k) & U256Oracle.maxBig
            #expect(U256Oracle.big(x << k) == left, "\(x) << \(k)")
            #expect(U256Oracle.big(x >> k) == right, "\(x) >> \(k)")
            var z = x
            z <<= k
            z >>= -k
            #expect(z == (x << k) >> -k)
        }
        #expect(UInt256.max << 256 == .zero)
        #expect(UInt256.max >> Int.max == .zero)
        #expect(UInt256.max << Int.min == .zero)
        #expect(UInt256.max >> Int.min == .zero)
        #expect(UInt256.one << 255 == UInt256(0, 0, 0, 1 << 63))
        #expect(UInt256.one << -1 == .zero)
        #expect(UInt256(2) >> -1 == UInt256(4))
    }

    @Test func bigEndianBytes() {
        var rng = SplitMix64(seed: 10)
        for _ in 0..<3000 {
            let x = rng.nextUInt256()
            let bx = U256Oracle.big(x)
            let expected = (0..<32).map { UInt8(truncatingIfNeeded: bx >> (8 * (31 - $0))) }
            #expect(x.bigEndianBytes == expected)
            let minimal = Array(expected.drop(while: { $0 == 0 }))
            #expect(x.minimalBigEndianBytes == minimal)
            #expect(UInt256(bigEndian: minimal) == x)
            #expect(UInt256(bigEndian: expected) == x)
            #expect(UInt256(bigEndian: expected[...]) == x)
            #expect(UInt256(bigEndian: U256NonContiguousBytes(minimal)) == x)
            minimal.withUnsafeBytes { #expect(UInt256(bigEndianBytes: $0) == x) }
            expected.withUnsafeBytes { #expect(UInt256(word32: $0) == x) }
            var out = [UInt8](repeating: 0xAA, count: 40)
            out.withUnsafeMutableBytes { x.writeBigEndian(to: $0) }
            #expect(Array(out[..<32]) == expected)
            #expect(out[32...].allSatisfy { $0 == 0xAA })
        }
        #expect(UInt256.zero.minimalBigEndianBytes == [])
        #expect(UInt256(bigEndian: [UInt8]()) == .zero)
        #expect(UInt256(bigEndian: [UInt8](repeating: 0, count: 33)) == nil)
        #expect(UInt256(bigEndian: U256NonContiguousBytes([UInt8](repeating: 0, count: 33))) == nil)
        [UInt8](repeating: 0, count: 33).withUnsafeBytes { #expect(UInt256(bigEndianBytes: $0) == nil) }
        #expect(UInt256(bigEndian: [0x01, 0x02]) == UInt256(0x0102))
        // Every length, against the byte-at-a-time reading of a non-contiguous collection.
        var bytes = SplitMix64(seed: 12)
        for length in 0...32 {
            let raw = (0..<length).map { _ in UInt8(truncatingIfNeeded: bytes.next()) }
            raw.withUnsafeBytes { #expect(UInt256(bigEndianBytes: $0) == UInt256(bigEndian: U256NonContiguousBytes(raw)), "\(length) bytes") }
        }
        #expect(UInt256(0x0100).minimalBigEndianBytes == [0x01, 0x00])
    }

    @Test func decimalText() {
        var rng = SplitMix64(seed: 11)
        for _ in 0..<3000 {
            let x = rng.nextUInt256()
            let text = String(U256Oracle.big(x))
            #expect(x.description == text)
            #expect(UInt256(decimal: text) == x)
            #expect(UInt256(decimal: "000" + text) == x)
            #expect(UInt256(decimal: Substring(text)) == x)
        }
        let maxText = "115792089237316195423570985008687907853269984665640564039457584007913129639935"
        #expect(UInt256.max.description == maxText)
        #expect(UInt256(decimal: maxText) == .max)
        #expect(UInt256.zero.description == "0")
        #expect(UInt256(decimal: "0") == .zero)
        // Rejections: empty, signs, junk, and values of 2^256 or more.
        for bad in ["", "+1", "-1", "1a", "0x10", " 1", "1 ", "1_000", "１",
                    "115792089237316195423570985008687907853269984665640564039457584007913129639936",
                    "115792089237316195423570985008687907853269984665640564039457584007913129639945",
                    "1157920892373161954235709850086879078532699846656405640394575840079131296399350",
                    String(repeating: "9", count: 78)] {
            #expect(UInt256(decimal: bad) == nil, "\(bad)")
        }
        // Every prefix length around the 19-digit chunk boundaries.
        var text = ""
        for digit in 0..<78 {
            text.append(Character(String((digit * 7 + 1) % 10)))
            let expected = BigUInt(text, radix: 10).flatMap(U256Oracle.u256)
            #expect(UInt256(decimal: text) == expected)
        }
    }

    @Test func hexText() {
        var rng = SplitMix64(seed: 12)
        for _ in 0..<3000 {
            let x = rng.nextUInt256()
            let digits = String(U256Oracle.big(x), radix: 16)
            #expect(x.hexString == "0x" + digits)
            #expect(UInt256(hex: x.hexString) == x)
            #expect(UInt256(hex: digits) == x)
            #expect(UInt256(hex: "0X" + digits.uppercased()) == x)
            let padded = String(repeating: "0", count: 64 - digits.count) + digits
            #expect(UInt256(hex: "0x" + padded) == x)
            #expect(UInt256(hex: Substring(padded)) == x)
        }
        #expect(UInt256.zero.hexString == "0x0")
        #expect(UInt256.one.hexString == "0x1")
        #expect(UInt256(hex: "0x0") == .zero)
        #expect(UInt256(hex: "0") == .zero)
        #expect(UInt256(hex: "0x") == nil)
        #expect(UInt256(hex: "0xdEaDbEeF") == UInt256(0xdead_beef))
        #expect(UInt256(hex: "0x" + String(repeating: "f", count: 64)) == .max)
        for bad in ["", "0x", "0X", "x1", "0x0x1", "+0x1", "-1", "0xg", "0x 1", "0x1 ", " 0x1", "0x１",
                    "0x1" + String(repeating: "0", count: 64),
                    String(repeating: "0", count: 65)] {
            #expect(UInt256(hex: bad) == nil, "\(bad)")
        }
    }

    @Test func trappingOperatorsTrap() async {
        await #expect(processExitsWith: .failure) { _ = UInt256.max + .one }
        await #expect(processExitsWith: .failure) { _ = UInt256.zero - .one }
        await #expect(processExitsWith: .failure) { _ = UInt256.max * UInt256(2) }
        await #expect(processExitsWith: .failure) { _ = UInt256.one / .zero }
        await #expect(processExitsWith: .failure) { _ = UInt256.one % .zero }
    }
}

/// A collection without contiguous storage, to test the slow byte-loading path.
struct U256NonContiguousBytes: Collection {
    let base: [UInt8]
    init(_ base: [UInt8]) { self.base = base }
    var startIndex: Int { base.startIndex }
    var endIndex: Int { base.endIndex }
    func index(after i: Int) -> Int { i + 1 }
    subscript(i: Int) -> UInt8 { base[i] }
}
