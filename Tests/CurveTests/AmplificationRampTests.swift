import Curve
import Kernel
import Testing

/// `AmplificationRamp.amplification(at:)` against `_A()` of the StableSwap sources (curve-contract
/// SwapTemplateBase, stableswap-ng): a straight line from initial to future A, the distance moved
/// rounded down, future A from the end time on.
struct AmplificationRampTests {
    static let start = UInt256(1_700_000_000), day = UInt256(86_400)

    @Test func upwardRampMovesLinearlyAndRoundsDown() throws {
        let ramp = AmplificationRamp(initialA: UInt256(200_000), futureA: UInt256(400_000), initialTime: Self.start, futureTime: Self.start + Self.day)
        #expect(try ramp.amplification(at: Self.start) == UInt256(200_000))
        // 200,000 · 1 / 86,400 = 2.31…: 2.
        #expect(try ramp.amplification(at: Self.start + UInt256(1)) == UInt256(200_002))
        #expect(try ramp.amplification(at: Self.start + UInt256(43_200)) == UInt256(300_000))
        // 200,000 · 86,399 / 86,400 = 199,997.68…: 199,997.
        #expect(try ramp.amplification(at: Self.start + Self.day - UInt256(1)) == UInt256(399_997))
        #expect(try ramp.amplification(at: Self.start + Self.day) == UInt256(400_000))
        #expect(try ramp.amplification(at: Self.start + Self.day * UInt256(365)) == UInt256(400_000))
    }

    @Test func downwardRampRoundsTheDistanceDownSoATrailsAbove() throws {
        let ramp = AmplificationRamp(initialA: UInt256(400_000), futureA: UInt256(200_000), initialTime: Self.start, futureTime: Self.start + Self.day)
        #expect(try ramp.amplification(at: Self.start + UInt256(1)) == UInt256(399_998))
        #expect(try ramp.amplification(at: Self.start + UInt256(43_200)) == UInt256(300_000))
        #expect(try ramp.amplification(at: Self.start + Self.day) == UInt256(200_000))
    }

    @Test func noRampAndStoppedRampsHoldA() throws {
        // A pool that never ramped: future_A_time 0.
        let never = AmplificationRamp(initialA: UInt256(200_000), futureA: UInt256(200_000), initialTime: .zero, futureTime: .zero)
        #expect(try never.amplification(at: Self.start) == UInt256(200_000))
        #expect(try AmplificationRamp.constant(UInt256(123_456), since: Self.start).amplification(at: Self.start) == UInt256(123_456))
    }

    @Test func aTimeBeforeTheRampStartRevertsAsTheContractWould() throws {
        let ramp = AmplificationRamp(initialA: UInt256(200_000), futureA: UInt256(400_000), initialTime: Self.start, futureTime: Self.start + Self.day)
        #expect(throws: PoolError.revert(CurveRevert.safeMath)) { try ramp.amplification(at: Self.start - UInt256(1)) }
        var pool = try Self.pool(ramp: ramp, balances: [UInt256(60_000_000_000_000), UInt256(55_000_000_000_000)])
        let before = pool
        #expect(throws: PoolError.self) { try pool.advance(toBlock: 1, timestamp: 1_600_000_000) }
        #expect(pool == before)
    }

    /// The quote during a ramp is the quote of a pool holding the ramp's A at that time.
    @Test func quotesFollowTheRamp() throws {
        let ramp = AmplificationRamp(initialA: UInt256(200_000), futureA: UInt256(2_000_000), initialTime: Self.start, futureTime: Self.start + Self.day)
        let balances = [UInt256(30_000_000_000_000), UInt256(20_000_000_000_000)]
        var ramping = try Self.pool(ramp: ramp, balances: balances)
        let dx = UInt256(1_000_000_000_000)
        let atStart = try ramping.quote(dx, from: 0, to: 1)
        try ramping.advance(toBlock: 1, timestamp: 1_700_000_000 + 43_200)
        let midway = try PoolSample.pool(a: 1_100_000, balances: balances)
        #expect(ramping.amplification == UInt256(1_100_000))
        #expect(try ramping.quote(dx, from: 0, to: 1) == midway.quote(dx, from: 0, to: 1))
        #expect(try ramping.quote(dx, from: 0, to: 1) > atStart)
    }

    /// A classic 2-coin pool of 6-decimal coins (fee 0.01 %, as `PoolSample.pool`) on `ramp`,
    /// holding its initial A.
    static func pool(ramp: AmplificationRamp, balances: [UInt256]) throws -> CurveStableSwapPool {
        try CurveStableSwapPool(
            address: .zero, coins: [.zero, .zero], variant: .stableswap, amplification: ramp.initialA, fee: UInt256(1_000_000),
            adminFee: CurveStableSwapVariant.ngAdminFee, rates: [PoolSample.sixDecimals, PoolSample.sixDecimals], balances: balances, ramp: ramp)
    }
}
