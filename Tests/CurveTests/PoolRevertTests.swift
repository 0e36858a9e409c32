import Curve
import Kernel
import Testing

/// Where `exchange` reverts, and states no contract would hold: typed errors, never a trap.
@Suite struct PoolRevertTests {
    @Test(arguments: CurveStableSwapVariant.allCases)
    func indexesOutsideThePoolRevert(variant: CurveStableSwapVariant) throws {
        let pool = try PoolSample.pool(variant)
        let dx = UInt256(1_000_000)
        #expect(throws: PoolError.revert(CurveRevert.sameCoin)) { try pool.quote(dx, from: 1, to: 1) }
        for (i, j) in [(-1, 1), (2, 0), (Int.max, 0), (0, -1), (1, 2), (0, Int.min)] {
            #expect(throws: PoolError.revert(CurveRevert.indexOutOfRange)) { try pool.quote(dx, from: i, to: j) }
        }
    }

    /// A = 5000 (precise 500000) over scaled balances 10^13 and 100: `get_D` oscillates for 255
    /// steps and raises (degenbot's `_get_d` raises "D calculation did not converge" on the same xp).
    @Test func invariantThatDoesNotConvergeRaises() throws {
        let pool = try PoolSample.pool(a: 500_000, fee: 0, balances: [UInt256(10_000_000_000_000), UInt256(100)],
                                       rates: [PoolSample.eighteenDecimals, PoolSample.eighteenDecimals])
        #expect(throws: PoolError.revert(CurveRevert.invariantDidNotConverge)) { try pool.quote(.one, from: 1, to: 0) }
    }

    @Test func safeMathFailuresRevert() throws {
        let max = UInt256.max
        // A = 0: `Ann - A_PRECISION` underflows in get_D.
        #expect(throws: PoolError.revert(CurveRevert.safeMath)) { try PoolSample.pool(a: 0).quote(.one, from: 0, to: 1) }
        // A zero rate: `(dy - dy_fee) * PRECISION / rates[j]` divides by zero.
        let zeroRate = try PoolSample.pool(rates: [PoolSample.sixDecimals, .zero])
        #expect(throws: PoolError.revert(CurveRevert.safeMath)) { try zeroRate.quote(UInt256(1_000), from: 0, to: 1) }
        // An input whose scaling overflows.
        #expect(throws: PoolError.revert(CurveRevert.safeMath)) { try PoolSample.pool().quote(max, from: 0, to: 1) }
        // Empty balances: a zero xp divides by zero in get_y.
        let empty = try PoolSample.pool(balances: [.zero, .zero])
        #expect(throws: PoolError.revert(CurveRevert.safeMath)) { try empty.quote(UInt256(1_000), from: 0, to: 1) }
    }

    /// `xp[j] - y - 1` underflows where y ≥ xp[j]: a 1-wei pool, and a classic swap of 0 (which
    /// classic pools accept, unlike NG).
    @Test func dustSwapsUnderflow() throws {
        let rates = [PoolSample.eighteenDecimals, PoolSample.eighteenDecimals]
        let dust = try PoolSample.pool(balances: [.one, .one], rates: rates)
        #expect(throws: PoolError.revert(CurveRevert.safeMath)) { try dust.quote(.one, from: 0, to: 1) }
        let small = try PoolSample.pool(balances: [UInt256(10), UInt256(10)], rates: rates)
        #expect(throws: PoolError.revert(CurveRevert.safeMath)) { try small.quote(.zero, from: 0, to: 1) }
        #expect(try small.quote(.one, from: 0, to: 1) == .zero)
    }

    @Test func mismatchedShapesAreInvalidState() {
        #expect(throws: PoolError.self) {
            try CurveStableSwapPool(address: .zero, coins: [.zero, .zero], variant: .stableswapNG, amplification: .one,
                                    fee: .zero, adminFee: UInt256(4_000_000_000), rates: [.one, .one], balances: [.one, .one])
        }
        let coins = [Address.zero, .zero]
        #expect(throws: PoolError.self) {
            try CurveStableSwapPool(address: .zero, coins: coins, variant: .stableswap, amplification: .one, fee: .zero,
                                    adminFee: .zero, rates: [.one], balances: [.one, .one])
        }
        #expect(throws: PoolError.self) {
            try CurveStableSwapPool(address: .zero, coins: [.zero], variant: .stableswap, amplification: .one, fee: .zero,
                                    adminFee: .zero, rates: [.one], balances: [.one])
        }
        #expect(throws: PoolError.self) {
            try CurveStableSwapPool(address: .zero, coins: [.zero, .zero, .zero], variant: .factoryPlain2,
                                    amplification: .one, fee: .zero, adminFee: .zero,
                                    rates: [.one, .one, .one], balances: [.one, .one, .one])
        }
        #expect(throws: PoolError.self) {
            try CurveStableSwapPool(address: .zero, coins: Array(repeating: .zero, count: 9), variant: .stableswap,
                                    amplification: .one, fee: .zero, adminFee: .zero,
                                    rates: Array(repeating: .one, count: 9), balances: Array(repeating: .one, count: 9))
        }
    }

    /// Random full-range words for every parameter: each quote returns or throws a `PoolError`,
    /// and a failed `exchange` leaves the state as it was.
    @Test func absurdStatesNeverTrap() throws {
        var rng = SplitMix64(seed: 0xC0DE)
        func word() -> UInt256 {
            switch rng.next() % 4 {
            case 0: UInt256(rng.next(), rng.next(), rng.next(), rng.next())
            case 1: UInt256(rng.next() % 1_000)
            case 2: UInt256(rng.next(), rng.next(), 0, 0)
            default: UInt256.max
            }
        }
        var outcomes = (paid: 0, failed: 0)
        for round in 0..<3_000 {
            let variant = CurveStableSwapVariant.allCases[round % CurveStableSwapVariant.allCases.count]
            let count = variant == .factoryPlain2 ? 2 : 2 + Int(rng.next() % 7)
            let adminFee = variant == .stableswapNG ? CurveStableSwapVariant.ngAdminFee : word()
            var pool = try CurveStableSwapPool(
                address: .zero, coins: Array(repeating: .zero, count: count), variant: variant, amplification: word(),
                fee: word(), offpegFeeMultiplier: word(), adminFee: adminFee,
                rates: (0..<count).map { _ in word() }, balances: (0..<count).map { _ in word() })
            let before = pool
            let i = Int(rng.next() % UInt64(count + 1))
            let j = Int(rng.next() % UInt64(count + 1))
            do {
                _ = try pool.exchange(word(), from: i, to: j)
                outcomes.paid += 1
            } catch {
                #expect(pool == before)
                outcomes.failed += 1
            }
        }
        #expect(outcomes.failed > 0)
    }
}
