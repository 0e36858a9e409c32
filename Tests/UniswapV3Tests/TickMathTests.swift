import Foundation
import Kernel
import Testing

/// TickMath against v3-core's own test values (Fixtures/uniswap_v3_math.json) and its bounds.
struct TickMathTests {
    @Test func sqrtRatioAtTickMatchesEveryKnownAnswer() throws {
        let rows = try Fixture.json("uniswap_v3_math.json")["getSqrtRatioAtTick"] as? [[String: Any]] ?? []
        #expect(rows.count == 30)
        for row in rows {
            let tick = try Parse.tick(row["tick"])
            #expect(try TickMath.sqrtRatio(atTick: tick) == Parse.uint(row["sqrtPriceX96"]), "tick \(tick)")
        }
    }

    @Test func tickAtSqrtRatioMatchesEveryKnownAnswer() throws {
        let rows = try Fixture.json("uniswap_v3_math.json")["getTickAtSqrtRatio"] as? [[String: Any]] ?? []
        #expect(rows.count == 13)
        for row in rows {
            let price = try Parse.uint(row["sqrtPriceX96"])
            #expect(try TickMath.tick(atSqrtRatio: price) == Parse.tick(row["tick"]), "price \(price)")
        }
    }

    @Test func boundsAreTheContractConstants() throws {
        #expect(try TickMath.sqrtRatio(atTick: TickMath.minTick) == TickMath.minSqrtRatio)
        #expect(try TickMath.sqrtRatio(atTick: TickMath.maxTick) == TickMath.maxSqrtRatio)
        #expect(TickMath.maxSqrtRatio == UInt256(decimal: "1461446703485210103287273052203988822378723970342"))
        #expect(try TickMath.tick(atSqrtRatio: TickMath.minSqrtRatio) == TickMath.minTick)
        #expect(try TickMath.tick(atSqrtRatio: TickMath.maxSqrtRatio &- .one) == TickMath.maxTick - 1)
    }

    @Test func outOfRangeInputsRevertWithTheContractsReasons() {
        #expect(throws: PoolError.revert("T")) { try TickMath.sqrtRatio(atTick: TickMath.maxTick + 1) }
        #expect(throws: PoolError.revert("T")) { try TickMath.sqrtRatio(atTick: TickMath.minTick - 1) }
        #expect(throws: PoolError.revert("T")) { try TickMath.sqrtRatio(atTick: .min) }
        #expect(throws: PoolError.revert("R")) { try TickMath.tick(atSqrtRatio: TickMath.minSqrtRatio &- .one) }
        #expect(throws: PoolError.revert("R")) { try TickMath.tick(atSqrtRatio: TickMath.maxSqrtRatio) }
        #expect(throws: PoolError.revert("R")) { try TickMath.tick(atSqrtRatio: .max) }
        #expect(throws: PoolError.revert("R")) { try TickMath.tick(atSqrtRatio: .zero) }
    }

    /// getTickAtSqrtRatio is the greatest tick whose price is at or below the input: the tick's
    /// own price maps to it and one wei below maps to the tick before.
    @Test func tickOfPriceIsTheGreatestTickAtOrBelow() throws {
        var random = SplitMix64(seed: 6)
        for _ in 0..<2000 {
            let tick = Int32(Int64(random.next() % 1_774_544) - 887_272)
            let price = try TickMath.sqrtRatio(atTick: tick)
            #expect(try TickMath.tick(atSqrtRatio: price) == tick)
            if tick > TickMath.minTick {
                #expect(try TickMath.tick(atSqrtRatio: price &- .one) == tick - 1)
            }
        }
    }
}
