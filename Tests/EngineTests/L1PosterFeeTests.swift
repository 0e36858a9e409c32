import Kernel
import Testing
@testable import Engine

/// nitro's L1 poster rule against real receipts: one price per unit must explain the
/// `gasUsedForL1` of two transactions seconds apart.
@Suite struct L1PosterFeeTests {
    /// A real transaction with what its receipt charged for L1.
    struct Charged {
        let raw: [UInt8]
        let gasUsedForL1: UInt256
        let gasPrice: UInt256
        let timestamp: Int

        /// The prices per unit `P` for which `floor(P · units / gasPrice) == gasUsedForL1`:
        /// `ceil(g · price / units) ... ceil((g + 1) · price / units) − 1`.
        func prices(units: UInt64) -> ClosedRange<UInt256>? {
            let units = UInt256(units)
            guard let low = UInt256.mulDivRoundingUp(gasUsedForL1, gasPrice, units),
                  let high = UInt256.mulDivRoundingUp(gasUsedForL1 + .one, gasPrice, units), high > low else { return nil }
            return low...(high - .one)
        }
    }

    static func pairs() throws -> [(Charged, Charged)] {
        let root = try Fixture.json("l1_fee_pairs.json")
        let pairs = try #require(root["pairs"] as? [[[String: Any]]])
        return try pairs.map { pair in
            let charged = try pair.map { entry in
                Charged(
                    raw: try Hex.decode(try #require(entry["raw"] as? String)),
                    gasUsedForL1: UInt256(UInt64(try #require(entry["gasUsedForL1"] as? Int))),
                    gasPrice: UInt256(UInt64(try #require(entry["effectiveGasPrice"] as? Int))),
                    timestamp: try #require(entry["timestamp"] as? Int))
            }
            return (charged[0], charged[1])
        }
    }

    static func overlap(_ a: ClosedRange<UInt256>?, _ b: ClosedRange<UInt256>?) -> Bool {
        guard let a, let b else { return false }
        return a.overlaps(b)
    }

    @Test func onePricePerUnitExplainsEachPairOfRealReceipts() throws {
        let pairs = try Self.pairs()
        #expect(pairs.count == 5)
        var explained = 0
        for (first, second) in pairs {
            let firstUnits = try #require(L1PosterFee.units(signedTransaction: first.raw))
            let secondUnits = try #require(L1PosterFee.units(signedTransaction: second.raw))
            let agree = Self.overlap(first.prices(units: firstUnits), second.prices(units: secondUnits))
            // Within seconds the price per unit cannot have moved; minutes apart it may have.
            if second.timestamp - first.timestamp <= 60 { #expect(agree) }
            if agree { explained += 1 }
            print("L1 pair \(second.timestamp - first.timestamp) s apart: units \(firstUnits), \(secondUnits); one price explains both: \(agree)")
            // One compressed byte more or less on either side breaks the agreement: the check
            // tells lengths apart to the byte.
            for delta in [-16, 16] {
                let shifted = UInt64(Int(firstUnits) + delta)
                #expect(!Self.overlap(first.prices(units: shifted), second.prices(units: secondUnits)))
            }
            // brotli level 0 (before ArbOS 20) would not explain both.
            let level0 = try #require(L1PosterFee.units(signedTransaction: first.raw, brotliLevel: 0))
            let level0Second = try #require(L1PosterFee.units(signedTransaction: second.raw, brotliLevel: 0))
            if level0 != firstUnits || level0Second != secondUnits {
                #expect(!Self.overlap(first.prices(units: level0), second.prices(units: level0Second)))
            }
        }
        print("L1 poster rule: \(explained) of \(pairs.count) receipt pairs explained by one price per unit")
    }

    @Test func costGasAndEstimationPadding() {
        #expect(L1PosterFee.cost(units: 1600, pricePerUnit: UInt256(30_000_000)) == UInt256(48_000_000_000))
        #expect(L1PosterFee.cost(units: 2, pricePerUnit: .max) == nil)
        #expect(L1PosterFee.gas(cost: UInt256(48_000_000_000), gasPrice: UInt256(10_000_000)) == UInt256(4800))
        #expect(L1PosterFee.gas(cost: UInt256(48_000_000_009), gasPrice: UInt256(10_000_000)) == UInt256(4800))
        #expect(L1PosterFee.gas(cost: .one, gasPrice: .zero) == nil)
        // (100 + 256) · 10100 / 10000 = 359.56.
        #expect(L1PosterFee.estimationUnits(100) == 359)
        #expect(L1PosterFee.estimationUnits(.max) == .max)
    }

    @Test func compressedLengthsOfKnownInputs() throws {
        // Incompressible bytes grow by brotli's framing; repetitive ones shrink to a few bytes.
        var random = SplitMix64(seed: 41)
        let noise = (0..<200).map { _ in UInt8(truncatingIfNeeded: random.next()) }
        let noiseUnits = try #require(L1PosterFee.units(signedTransaction: noise))
        #expect(noiseUnits >= 200 * 16 && noiseUnits <= 210 * 16)
        let zeros = [UInt8](repeating: 0, count: 200)
        let zeroUnits = try #require(L1PosterFee.units(signedTransaction: zeros))
        #expect(zeroUnits < 40 * 16, "\(zeroUnits / 16) bytes")
        #expect(L1PosterFee.units(signedTransaction: []) != nil)
    }
}
