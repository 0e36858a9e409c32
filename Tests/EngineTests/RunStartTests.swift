import BigInt
import Foundation
import Kernel
import Testing
import UniswapV2
import UniswapV3
@testable import Engine

/// Where a cycle's exact output steps, found from the hops' exact-output inputs
/// (`SizingHop.smallestInput`, `CycleInverse`): the answers meet their definition (the input
/// reaches the output, the one below does not) on real pool math, from starts near and far,
/// and the sizer that uses them finds trades as good as without them, in fewer cycle quotes.
@Suite struct RunStartTests {
    /// Whether `input` is the smallest whose `quote` reaches `output`.
    static func isSmallest(_ input: UInt256, reaching output: UInt256, _ quote: (UInt256) -> UInt256?) -> Bool {
        guard let paid = quote(input), paid >= output else { return false }
        guard input > .one else { return true }
        return (quote(input - .one) ?? .zero) < output
    }

    /// A random hop: a V2 pair between tokens of unlike decimals, a V3 pool over every tick, or
    /// a V3 pool whose liquidity steps every 60 ticks (swaps cross ticks); with the largest
    /// output worth asking of it.
    static func randomHop(_ random: inout SplitMix64) throws -> (hop: SizingHop, reach: UInt256) {
        let zeroForOne = Bool.random(using: &random)
        switch random.uniform(0...2) {
        case 0:
            let (reserve0, reserve1) = (random.logUniform(exponents: 9...24), random.logUniform(exponents: 9...24))
            return (try Hops.v2(reserve0, reserve1, zeroForOne: zeroForOne), (zeroForOne ? reserve1 : reserve0) >> 1)
        case 1:
            let liquidity = random.logUniform(exponents: 12...22)
            let price = pow(10, Double.random(in: -6...6, using: &random))
            let sqrtPrice = UInt256(truncating: price.squareRoot() * 0x1p96)
            let reserveOut = UInt256(truncating: liquidity.approximateDouble * (zeroForOne ? price.squareRoot() : 1 / price.squareRoot()))
            return (try Hops.v3(liquidity: liquidity, sqrtPriceX96: sqrtPrice, zeroForOne: zeroForOne), reserveOut >> 1)
        default:
            let liquidity = random.logUniform(exponents: 12...20)
            let pool = try PiecewiseSizingTests.steppedPool(liquidity: liquidity, positions: Int(random.uniform(2...10)))
            return (Hops.pool(pool, zeroForOne: zeroForOne), liquidity)
        }
    }

    @Test("each hop's answer is the smallest input that reaches the output, in two or three quotes")
    func hopAnswersAreTheSmallestInputs() throws {
        var random = SplitMix64(seed: 0x5A11)
        var (answered, quotes) = (0, 0)
        for round in 0..<600 {
            let (hop, reach) = try Self.randomHop(&random)
            let output = Swift.max(UInt256(truncating: reach.approximateDouble * pow(10, Double.random(in: -9...0, using: &random))), .one)
            var spent = 0
            guard let input = hop.smallestInput(reaching: output, probeLimit: 64, quotes: &spent) else { continue }
            answered += 1
            quotes += spent
            #expect(Self.isSmallest(input, reaching: output) { try? hop.quote($0) }, "round \(round): \(input) for \(output)")
        }
        #expect(answered > 500)
        // The exact-output input and two quotes each, a few more where it is off by more than one.
        #expect(quotes <= answered * 4, "\(quotes) computations for \(answered) answers")
    }

    @Test("a start far from the answer still gives it, within the probe limit")
    func farStartsStillGiveTheSmallestInput() throws {
        var random = SplitMix64(seed: 0xFA2)
        for round in 0..<200 {
            let (hop, reach) = try Self.randomHop(&random)
            let output = Swift.max(UInt256(truncating: reach.approximateDouble * pow(10, Double.random(in: -6...0, using: &random))), .one)
            var spent = 0
            guard let exact = hop.smallestInput(reaching: output, probeLimit: 64, quotes: &spent) else { continue }
            let offset = random.logUniform(exponents: 0...6)
            // Within 10^6 units: under 2·20 probes either side.
            for start in [exact + offset, exact > offset ? exact - offset : .one] {
                var skewed = hop
                skewed.exactOutputInput = { _ in start }
                #expect(skewed.smallestInput(reaching: output, probeLimit: 64, quotes: &spent) == exact, "round \(round): from \(start)")
            }
            // Too few probes to get there: no answer rather than a wrong one.
            for (start, limit) in [(exact << 1, 64), (exact + offset + UInt256(1_000), 2)] {
                var far = hop
                far.exactOutputInput = { _ in start }
                let answer = far.smallestInput(reaching: output, probeLimit: limit, quotes: &spent)
                #expect(answer == nil || answer == exact, "round \(round): from \(start) in \(limit) probes")
            }
        }
    }

    @Test("an input known to pay the output exactly gives the same answer, from any start")
    func knownInputsGiveTheSameAnswer() throws {
        var random = SplitMix64(seed: 0xC0DE)
        var checked = 0
        for round in 0..<300 {
            let (hop, reach) = try Self.randomHop(&random)
            let target = Swift.max(UInt256(truncating: reach.approximateDouble * pow(10, Double.random(in: -6...0, using: &random))), .one)
            var spent = 0
            // An input somewhere in a run, its output, and that run's first input.
            guard let some = hop.smallestInput(reaching: target, probeLimit: 64, quotes: &spent) else { continue }
            let known = some + random.logUniform(exponents: 0...4)
            guard let output = try? hop.quote(known), !output.isZero,
                  let exact = hop.smallestInput(reaching: output, probeLimit: 64, quotes: &spent) else { continue }
            checked += 1
            #expect(exact <= known)
            #expect(hop.smallestInput(reaching: output, known: known, probeLimit: 64, quotes: &spent) == exact, "round \(round)")
            // Exact-output inputs off either way, or above the known input: the known input bounds the search.
            let offset = random.logUniform(exponents: 0...5)
            for start in [exact + offset, exact > offset ? exact - offset : .one, known + offset] {
                var skewed = hop
                skewed.exactOutputInput = { _ in start }
                #expect(skewed.smallestInput(reaching: output, known: known, probeLimit: 64, quotes: &spent) == exact, "round \(round): from \(start)")
            }
        }
        #expect(checked > 250)
    }

    @Test("the cycle's answer is the smallest cycle input that reaches the output")
    func cycleAnswersAreTheSmallestInputs() throws {
        var random = SplitMix64(seed: 0xC1C)
        var answered = 0
        let shapes: [[RandomCycles.Kind]] = [[.v2, .v2], [.v3, .v2], [.v2, .v3, .v2], [.v3, .v3, .v2]]
        for round in 0..<300 {
            let cycle = try RandomCycles.make(&random, kinds: shapes[round % shapes.count])
            let input = UInt256(truncating: cycle.firstReserve.approximateDouble * pow(10, Double.random(in: -8 ... -1, using: &random)))
            guard let output = Reference.cycleOut(cycle.hops, input), !output.isZero,
                  let inverse = CycleInverse(cycle.hops, probeLimit: 64) else { continue }
            var spent = 0
            guard let smallest = inverse.smallestInput(reaching: output, quotes: &spent) else { continue }
            answered += 1
            #expect(smallest <= input)
            #expect(Self.isSmallest(smallest, reaching: output) { Reference.cycleOut(cycle.hops, $0) }, "round \(round): \(smallest) for \(output)")
            // Starting each hop from the amounts of an input known to give the output: the same.
            var outputs: [UInt256] = []
            var amount = input
            for hop in cycle.hops {
                amount = try hop.quote(amount)
                outputs.append(amount)
            }
            #expect(inverse.smallestInput(reaching: output, known: (input, HopOutputs(outputs)), quotes: &spent) == smallest, "round \(round)")
        }
        #expect(answered > 250)
    }

    @Test("sizing with the hops' exact-output inputs finds trades as good, in fewer cycle quotes")
    func sizingFindsTheSameTradesInFewerQuotes() throws {
        var random = SplitMix64(seed: 0x51E)
        let shapes: [[RandomCycles.Kind]] = [[.v2, .v2], [.v3, .v2], [.v2, .v2, .v2], [.v3, .v2, .v2]]
        var (with, without, hopQuotes, traded, differing) = (0, 0, 0, 0, 0)
        for round in 0..<300 {
            let cycle = try RandomCycles.make(&random, kinds: shapes[round % shapes.count])
            let bounds = try #require(SizingBounds(upper: cycle.firstReserve))
            let sizing = CycleSizer().size(cycle.hops, within: bounds)
            let plain = CycleSizer().size(Hops.withoutExactOutputs(cycle.hops), within: bounds)
            // Both stop within 10^-6 of the optimum; the searches quote different inputs on the way.
            let (profit, plainProfit) = (sizing.trade?.profit ?? .zero, plain.trade?.profit ?? .zero)
            #expect(profit >= plainProfit - plainProfit / UInt256(1_000_000), "round \(round): \(sizing.method) against \(plain.method)")
            #expect(plainProfit >= profit - profit / UInt256(1_000_000), "round \(round): \(sizing.method) against \(plain.method)")
            if profit != plainProfit { differing += 1 }
            #expect(plain.hopQuotes == 0)
            with += sizing.quoteEvaluations
            without += plain.quoteEvaluations
            hopQuotes += sizing.hopQuotes
            if sizing.trade != nil { traded += 1 }
        }
        #expect(traded > 100)
        // Cycles of 2 and 3 hops: the single-pool computations are at most ~3 cycle quotes' worth.
        #expect(with + hopQuotes / 3 < without, "\(with) cycle quotes and \(hopQuotes) single-pool ones against \(without)")
        print("sizing with exact-output inputs: \(with) cycle quotes and \(hopQuotes) single-pool computations; without: \(without) cycle quotes; \(differing) of \(traded) trades differ")
    }
}
