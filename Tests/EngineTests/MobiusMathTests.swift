import BigInt
import Kernel
import Testing
import UniswapV2
import UniswapV3
@testable import Engine

/// The integer pieces of the closed form, checked against BigInt arithmetic.
@Suite struct MobiusMathTests {
    /// `k·x / (m + n·x)` as an exact fraction.
    static func value(_ map: MobiusMap, at x: BigUInt) -> (numerator: BigUInt, denominator: BigUInt) {
        (Big.of(map.k) * x, Big.of(map.m) + Big.of(map.n) * x)
    }

    /// A random coefficient of 1 to `bits` bits.
    static func random(bits: Int, _ random: inout SplitMix64) -> UInt256 {
        let width = Int.random(in: 1...bits, using: &random)
        let value = UInt256(random.next(), random.next(), random.next(), random.next()) >> (256 - width)
        return value | (UInt256.one << (width - 1))
    }

    @Test func productSquareRootIsTheExactFloor() {
        var random = SplitMix64(seed: 11)
        var cases: [(UInt256, UInt256)] = [(.zero, .one), (.one, .one), (UInt256(3), UInt256(3)), (UInt256(2), UInt256(8))]
        let largest = (UInt256.one << 255) - .one
        cases.append((largest, largest))
        cases.append((largest, .one))
        for _ in 0..<2000 {
            let a = Self.random(bits: 255, &random)
            let b = Self.random(bits: 510 - a.bitWidth, &random)
            cases.append((a, b))
            // Squares and their neighbours, where an off-by-one would show.
            cases.append((a >> 128, a >> 128))
            if a > .one { cases.append((a >> 128 | .one, (a >> 128) + .one)) }
        }
        for (a, b) in cases {
            let root = Big.of(ProductSquareRoot.floor(a, b))
            let product = Big.of(a) * Big.of(b)
            #expect(root * root <= product && (root + 1) * (root + 1) > product, "sqrt(\(a) * \(b))")
        }
    }

    @Test func doublesConvertBothWays() {
        #expect(UInt256(truncating: 0.99) == .zero)
        #expect(UInt256(truncating: -5) == .zero)
        #expect(UInt256(truncating: .nan) == .zero)
        #expect(UInt256(truncating: 12345.9) == UInt256(12345))
        #expect(UInt256(truncating: 0x1p200) == UInt256.one << 200)
        #expect(UInt256(truncating: 0x1p256) == .max)
        #expect((UInt256.one << 200).approximateDouble == 0x1p200)
        #expect(UInt256(12345).approximateDouble == 12345)
    }

    @Test func compositionIsExactWhileItFitsAndNeverLowerAfterNormalising() throws {
        var random = SplitMix64(seed: 12)
        var normalised = 0
        for _ in 0..<500 {
            var maps: [MobiusMap] = []
            for _ in 0..<3 {
                let reserveIn = Self.random(bits: 112, &random), reserveOut = Self.random(bits: 112, &random)
                maps.append(try #require(MobiusMap(curve: SwapCurve(reserveIn: reserveIn, reserveOut: reserveOut, feeMultiplier: 997, feeDenominator: 1000, inputLimit: nil))))
            }
            let two = try #require(maps[0].then(maps[1]))
            // Two hops of 122-bit coefficients fit: the composition is the exact formula.
            #expect(Big.of(two.k) == Big.of(maps[0].k) * Big.of(maps[1].k))
            #expect(Big.of(two.m) == Big.of(maps[0].m) * Big.of(maps[1].m))
            #expect(Big.of(two.n) == Big.of(maps[1].m) * Big.of(maps[0].n) + Big.of(maps[0].k) * Big.of(maps[1].n))
            let three = try #require(two.then(maps[2]))
            let exactK = Big.of(two.k) * Big.of(maps[2].k), exactM = Big.of(two.m) * Big.of(maps[2].m)
            let exactN = Big.of(maps[2].m) * Big.of(two.n) + Big.of(two.k) * Big.of(maps[2].n)
            if exactK.bitWidth >= 254 || exactM.bitWidth >= 254 || exactN.bitWidth >= 254 {
                normalised += 1
                #expect(max(three.k.bitWidth, three.m.bitWidth, three.n.bitWidth) >= 253)
            }
            #expect(max(three.k.bitWidth, three.m.bitWidth, three.n.bitWidth) <= 254)
            // The normalised map is at or above the exact one, by less than
            // 2·(1/k + (1 + x)/(m + n·x)) relatively (each coefficient moved by under a unit).
            for x in [BigUInt(1), BigUInt(10).power(18), Big.of(Self.random(bits: 120, &random))] {
                let approx = Self.value(three, at: x)
                let exactNumerator = exactK * x, exactDenominator = exactM + exactN * x
                let lhs = approx.numerator * exactDenominator, rhs = exactNumerator * approx.denominator
                #expect(lhs >= rhs)
                let k = Big.of(three.k), denominator = approx.denominator
                #expect((lhs - rhs) * k * denominator <= 2 * rhs * (denominator + (1 + x) * k))
            }
        }
        #expect(normalised > 100)
    }

    /// A pool's curve becomes `x ↦ m·reserveOut·x / (d·reserveIn + m·x)`, and for a pair the
    /// pool's quote is that value rounded down.
    @Test func aCurvesMapIsItsFormula() throws {
        var random = SplitMix64(seed: 14)
        for _ in 0..<200 {
            let reserve0 = Self.random(bits: 112, &random) | .one, reserve1 = Self.random(bits: 112, &random) | .one
            let pair = try UniswapV2Pool(address: .zero, token0: .zero, token1: .zero, reserve0: reserve0, reserve1: reserve1)
            let map = try #require(pair.swapCurve(from: 0, to: 1).flatMap(MobiusMap.init(curve:)))
            #expect(map.k == UInt256(997) * reserve1 && map.m == UInt256(1000) * reserve0 && map.n == UInt256(997))
            let x = Self.random(bits: 100, &random) | .one
            if let out = try? pair.amountOut(x, zeroForOne: true) {
                let (numerator, denominator) = Self.value(map, at: Big.of(x))
                #expect(Big.of(out) == numerator / denominator)
            }
        }
    }

    @Test func mapsRefuseDegenerateCoefficients() throws {
        #expect(MobiusMap(k: .one, m: .zero, n: .one) == nil)
        #expect(MobiusMap(k: .one, m: .one, n: .zero) == nil)
        #expect(MobiusMap(curve: SwapCurve(reserveIn: .one, reserveOut: .zero, feeMultiplier: 997, feeDenominator: 1000, inputLimit: nil)) == nil)
        // A concentrated-liquidity pool without active liquidity has no curve; a fee of 100 %
        // leaves a zero multiplier.
        let empty = try UniswapV3Pool(address: .zero, token0: .zero, token1: .zero, fee: 500, tickSpacing: 10, sqrtPriceX96: .one << 96,
                                      tick: 0, liquidity: .zero, ticks: TickTable())
        #expect(empty.swapCurve(from: 0, to: 1) == nil)
        #expect(MobiusMap(curve: SwapCurve(reserveIn: .one, reserveOut: .one, feeMultiplier: .zero, feeDenominator: 1_000_000, inputLimit: nil)) == nil)
        // A huge constant term with a tiny slope normalises the slope away.
        #expect(MobiusMap(k: .max, m: .max, n: .one) == nil)
        let wide = MobiusMap(k: .max, m: .max >> 1, n: .max >> 2)
        // Rounding k up may reach 2^253 exactly; every coefficient stays below 2^254.
        #expect(wide.map { max($0.k.bitWidth, $0.m.bitWidth, $0.n.bitWidth) } == 254)
        #expect(wide.map { ($0.m.bitWidth, $0.n.bitWidth) == (252, 251) } == true)
    }

    /// The cycle profit `k·x/(m + n·x) − x` at `x`, times the denominator, and the denominator.
    static func profit(_ map: MobiusMap, at x: BigUInt) -> (numerator: BigInt, denominator: BigUInt) {
        let (numerator, denominator) = value(map, at: x)
        return (BigInt(numerator) - BigInt(x * denominator), denominator)
    }

    /// Whether `profit(map, x) >= target`.
    static func reaches(_ map: MobiusMap, at x: BigUInt, _ target: BigUInt) -> Bool {
        let (numerator, denominator) = profit(map, at: x)
        return numerator >= BigInt(target * denominator)
    }

    @Test func theOptimumAndItsWindowBoundTheProfit() throws {
        var random = SplitMix64(seed: 13)
        var windows = 0
        for _ in 0..<300 {
            let reserve = Self.random(bits: 80, &random) | (UInt256.one << 40)
            let skew = UInt256(random.uniform(1...60))
            let first = try #require(MobiusMap(curve: SwapCurve(reserveIn: reserve, reserveOut: reserve + reserve * skew / UInt256(1000), feeMultiplier: 997, feeDenominator: 1000, inputLimit: nil)))
            let second = try #require(MobiusMap(curve: SwapCurve(reserveIn: reserve, reserveOut: reserve, feeMultiplier: 997, feeDenominator: 1000, inputLimit: nil)))
            let map = try #require(first.then(second))
            guard let optimum = MobiusOptimum(map) else {
                // K <= M: the profit is negative for every input.
                #expect(!Self.reaches(map, at: 1, 1) && !Self.reaches(map, at: BigUInt(10).power(15), 1))
                continue
            }
            let x = Big.of(optimum.input)
            // The real optimum lies in [input, input + 2): the profit rises up to input and falls
            // from input + 2 on.
            if x > 0 { #expect(Self.isNotLower(map, x, than: x - 1)) }
            #expect(Self.isNotLower(map, x + 2, than: x + 3))
            // profitBound is at least the profit anywhere near the optimum and at most one above it.
            let bound = Big.of(optimum.profitBound)
            for candidate in [x, x + 1] {
                #expect(!Self.reaches(map, at: candidate, bound + 1))
            }
            #expect(Self.reaches(map, at: x, bound > 1 ? bound - 1 : 0) || Self.reaches(map, at: x + 1, bound > 1 ? bound - 1 : 0))
            // Every input outside the window misses the target; the optimum is inside when it reaches it.
            let target = bound > 3 ? bound - BigUInt(random.uniform(1...3)) : 1
            switch optimum.window(reaching: Big.u256(target) ?? .max, limit: .max) {
            case .empty: #expect(!Self.reaches(map, at: x, target) && !Self.reaches(map, at: x + 1, target))
            case .tooWide: Issue.record("a window this small is computable")
            case .range(let lower, let upper):
                windows += 1
                let low = Big.of(lower), high = Big.of(upper)
                if low > 0 { #expect(!Self.reaches(map, at: low - 1, target)) }
                #expect(!Self.reaches(map, at: high + 1, target))
                if Self.reaches(map, at: x, target) { #expect(low <= x && x <= high) }
            }
        }
        #expect(windows > 100)
    }

    /// The floating-point bound (`FloatingProfitBound`, from `FloatingMap`s of the curves) is at
    /// least the exact profit at the closed-form optimum's two integer inputs, and within 10^-9
    /// of the exact bound where that is large: 2 and 3 hops small enough that the composition
    /// is exact, constant-product fees of Uniswap and PancakeSwap.
    @Test func theFloatingBoundCoversTheExactOptimum() throws {
        var random = SplitMix64(seed: 17)
        var covered = 0
        for _ in 0..<2000 {
            let hops = random.uniform(2...3)
            let bits = hops == 2 ? 112 : 70
            var map: MobiusMap?
            var bound = FloatingProfitBound()
            for _ in 0..<hops {
                let reserveIn = Self.random(bits: bits, &random), reserveOut = Self.random(bits: bits, &random)
                let (multiplier, denominator) = Bool.random(using: &random) ? (UInt256(997), UInt256(1000)) : (UInt256(9975), UInt256(10000))
                let curve = SwapCurve(reserveIn: reserveIn, reserveOut: reserveOut, feeMultiplier: multiplier, feeDenominator: denominator, inputLimit: nil)
                let next = try #require(MobiusMap(curve: curve))
                map = try map.map { try #require($0.then(next)) } ?? next
                bound.append(FloatingMap(curve: curve))
            }
            let composed = try #require(map)
            let value = try #require(bound.peak?.bound)
            guard let optimum = MobiusOptimum(composed) else { continue }
            let ceiling = Big.of(UInt256(truncating: value))
            for x in [Big.of(optimum.input), Big.of(optimum.input) + 1] {
                let (numerator, denominator) = Self.profit(composed, at: x)
                #expect(numerator <= BigInt(ceiling * denominator), "bound \(value) below the profit at \(x)")
            }
            let exact = optimum.profitBound.approximateDouble
            if exact > 1e12 { #expect(value <= exact * (1 + 1e-9) + 1) }
            covered += 1
        }
        #expect(covered > 500)
        // A map that ends at a range's edge bounds nothing past it: no bound.
        var limited = FloatingProfitBound()
        limited.append(FloatingMap(curve: SwapCurve(reserveIn: UInt256(1_000), reserveOut: UInt256(1_000), feeMultiplier: 997, feeDenominator: 1000, inputLimit: UInt256(10))))
        #expect(limited.peak == nil)
    }

    /// Whether the profit at `a` is at least the profit at `b`.
    static func isNotLower(_ map: MobiusMap, _ a: BigUInt, than b: BigUInt) -> Bool {
        let pa = profit(map, at: a), pb = profit(map, at: b)
        return pa.numerator * BigInt(pb.denominator) >= pb.numerator * BigInt(pa.denominator)
    }
}
