import BigInt
import Testing

@testable import Kernel

// `SplitMix64.nextUInt256()` and U256Oracle live in UInt256Tests.swift.

@Suite("Int256")
struct Int256Tests {
    static let minBig = -(BigInt(1) << 255)
    static let maxBig = (BigInt(1) << 255) - 1

    /// A signed value biased toward edge cases: around 0, ±1, min, max, ±2^k.
    static func nextInt256(_ rng: inout SplitMix64) -> Int256 {
        switch rng.next() % 6 {
        case 0:
            let specials: [Int256] = [.zero, Int256(1), Int256(-1), .min, .max,
                                      Int256(bitPattern: Int256.min.bitPattern &+ .one),
                                      Int256(bitPattern: Int256.max.bitPattern &- .one)]
            return specials[Int(rng.next() % UInt64(specials.count))]
        case 1:
            // ±2^k and neighbours.
            let p = UInt256.one << Int(rng.next() % 255)
            let v = [p &- .one, p, p &+ .one][Int(rng.next() % 3)]
            return rng.next() % 2 == 0 ? Int256(bitPattern: v) : Int256(bitPattern: .zero &- v)
        case 2:
            return Int256(Int64(bitPattern: rng.next()))
        default:
            let u = rng.nextUInt256()
            return rng.next() % 2 == 0 ? Int256(bitPattern: u) : Int256(bitPattern: .zero &- u)
        }
    }

    @Test func constantsAndConversions() {
        #expect(U256Oracle.signed(.min) == Self.minBig)
        #expect(U256Oracle.signed(.max) == Self.maxBig)
        #expect(U256Oracle.signed(.zero) == 0)
        #expect(Int256(-1).bitPattern == .max)
        #expect(Int256(Int64.min).int64Value == Int64.min)
        #expect(Int256(Int64.max).int64Value == Int64.max)
        #expect(Int256(-5) == -5)
        #expect(Int256.min.magnitude == UInt256.one << 255)
        #expect(Int256(exactly: UInt256.one << 255) == nil)
        #expect(Int256(exactly: (UInt256.one << 255) &- .one) == .max)
        #expect(Int256(truncatingIfNeeded: UInt256.max) == Int256(-1))
        #expect(Int256(truncatingIfNeeded: -7 as Int) == Int256(-7))
        #expect(Int256(truncatingIfNeeded: Int64(-7)) == Int256(-7))
        #expect(Int256.zero.isZero && !Int256(1).isZero)

        var rng = SplitMix64(seed: 21)
        for _ in 0..<3000 {
            let x = Self.nextInt256(&rng)
            let bx = U256Oracle.signed(x)
            #expect(x.isNegative == (bx < 0))
            #expect(U256Oracle.big(x.magnitude) == bx.magnitude)
            #expect(x.int64Value == Int64(exactly: bx))
            #expect(Int256(bitPattern: x.bitPattern) == x)
            let u = rng.nextUInt256()
            let expected: Int256? = U256Oracle.big(u) <= BigUInt(Self.maxBig) ? Int256(bitPattern: u) : nil
            #expect(Int256(exactly: u) == expected)
            let i = Int64(bitPattern: rng.next())
            #expect(U256Oracle.signed(Int256(i)) == BigInt(i))
            #expect(U256Oracle.signed(Int256(truncatingIfNeeded: Int(i))) == BigInt(i))
        }
    }

    @Test func signedComparison() {
        var rng = SplitMix64(seed: 22)
        for _ in 0..<3000 {
            let x = Self.nextInt256(&rng)
            let y = rng.next() % 3 == 0
                ? Int256(bitPattern: UInt256(rng.next(), x.bitPattern.w1, x.bitPattern.w2, x.bitPattern.w3))
                : Self.nextInt256(&rng)
            let bx = U256Oracle.signed(x), by = U256Oracle.signed(y)
            #expect((x < y) == (bx < by), "\(x) < \(y)")
            #expect((x <= y) == (bx <= by))
            #expect((x == y) == (bx == by))
            #expect((x > y) == (bx > by))
        }
        #expect(Int256.min < Int256(-1))
        #expect(Int256(-1) < Int256.zero)
        #expect(Int256.zero < Int256.max)
    }

    @Test func reportingArithmetic() {
        var rng = SplitMix64(seed: 23)
        for _ in 0..<4000 {
            let x = Self.nextInt256(&rng), y = Self.nextInt256(&rng)
            let bx = U256Oracle.signed(x), by = U256Oracle.signed(y)
            let inRange = { (v: BigInt) in v >= Self.minBig && v <= Self.maxBig }

            let sum = bx + by
            let (s, so) = x.addingReportingOverflow(y)
            #expect(so == !inRange(sum), "\(x) + \(y)")
            #expect(s == U256Oracle.int256(wrapping: sum))
            #expect(x &+ y == s)
            if !so { #expect(x + y == s) }

            let difference = bx - by
            let (d, dOverflow) = x.subtractingReportingOverflow(y)
            #expect(dOverflow == !inRange(difference), "\(x) - \(y)")
            #expect(d == U256Oracle.int256(wrapping: difference))
            #expect(x &- y == d)
            if !dOverflow { #expect(x - y == d) }

            let (n, no) = x.negatedReportingOverflow()
            #expect(no == !inRange(-bx))
            #expect(n == U256Oracle.int256(wrapping: -bx))
            if !no { #expect(-x == n) }
        }
        #expect(Int256.min.negatedReportingOverflow() == (.min, true))
        #expect(Int256.max.addingReportingOverflow(Int256(1)) == (.min, true))
        #expect(Int256.min.subtractingReportingOverflow(Int256(1)) == (.max, true))
        #expect(Int256.zero.subtractingReportingOverflow(.min) == (.min, true))
        #expect(Int256(-1).subtractingReportingOverflow(.min) == (.max, false))
    }

    /// The ABI and pool-state range checks: int8, int24, int56, int64, int128, int160, int255.
    @Test func fitsInBits() {
        var rng = SplitMix64(seed: 24)
        for _ in 0..<3000 {
            let x = Self.nextInt256(&rng)
            let bx = U256Oracle.signed(x)
            let n = [1, 8, 24, 56, 63, 64, 65, 128, 160, 255, 256, Int(rng.next() % 258)][Int(rng.next() % 12)]
            let expected = n >= 1 && bx >= -(BigInt(1) << (n - 1)) && bx < (BigInt(1) << (n - 1))
            #expect(x.fitsInBits(n) == expected, "\(x).fitsInBits(\(n))")
        }
        #expect(Int256(8_388_607).fitsInBits(24))
        #expect(!Int256(8_388_608).fitsInBits(24))
        #expect(Int256(-8_388_608).fitsInBits(24))
        #expect(!Int256(-8_388_609).fitsInBits(24))
        #expect(Int256(-1).fitsInBits(1) && Int256.zero.fitsInBits(1) && !Int256(1).fitsInBits(1))
        #expect(Int256.min.fitsInBits(256) && !Int256.min.fitsInBits(255))
        #expect(!Int256.zero.fitsInBits(0) && Int256.zero.fitsInBits(1000))
    }

    @Test func decimalText() {
        var rng = SplitMix64(seed: 25)
        for _ in 0..<3000 {
            let x = Self.nextInt256(&rng)
            let text = String(U256Oracle.signed(x))
            #expect(x.description == text)
            #expect(Int256(decimal: text) == x)
            #expect(Int256(decimal: Substring(text)) == x)
        }
        let minText = "-57896044618658097711785492504343953926634992332820282019728792003956564819968"
        let maxText = "57896044618658097711785492504343953926634992332820282019728792003956564819967"
        #expect(Int256.min.description == minText)
        #expect(Int256.max.description == maxText)
        #expect(Int256(decimal: minText) == .min)
        #expect(Int256(decimal: maxText) == .max)
        #expect(Int256(decimal: "-0") == .zero)
        #expect(Int256(decimal: "-007") == Int256(-7))
        for bad in ["", "-", "+1", "--1", "- 1", "1-", "-0x1", "1e3", " -1",
                    "-57896044618658097711785492504343953926634992332820282019728792003956564819969",
                    "57896044618658097711785492504343953926634992332820282019728792003956564819968",
                    "115792089237316195423570985008687907853269984665640564039457584007913129639936"] {
            #expect(Int256(decimal: bad) == nil, "\(bad)")
        }
    }

    @Test func trappingOperatorsTrap() async {
        await #expect(processExitsWith: .failure) { _ = -Int256.min }
        await #expect(processExitsWith: .failure) { _ = Int256.max + Int256(1) }
        await #expect(processExitsWith: .failure) { _ = Int256.min - Int256(1) }
    }
}
