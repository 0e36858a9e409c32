import Kernel

/// The reverts of StableSwap-NG's `upkeep_oracles`, which every `exchange` runs on the balances
/// after the swap: the checked arithmetic of `_get_p` and `pack_2`'s `assert D < 2**128`.
/// The oracle values themselves are not part of `CurveStableSwapPool`'s state.
enum NGOracleUpkeep {
    /// The bound `pack_2` asserts on the invariant it stores.
    static let packedLimit = UInt256(0, 0, 1, 0)

    /// Throws where `upkeep_oracles(xp, amp, D)` reverts; `xp` holds `x` at `i` and `y` at `j`.
    static func check(_ xp: CurveCoinValues, amp: UInt256, d: UInt256) throws(PoolError) {
        let coins = UInt256(UInt64(xp.count))
        var coinsPower = UInt256.one
        for _ in 0..<xp.count { coinsPower = coinsPower &* coins }
        let ann = amp &* coins
        var dr = CheckedMath.unsafeDiv(d, coinsPower)
        for index in 0..<xp.count {
            dr = try CheckedMath.div(try CheckedMath.mul(dr, d), xp[index])
        }
        let xp0A = CheckedMath.unsafeDiv(try CheckedMath.mul(ann, xp[0]), CurveStableSwapVariant.stableswapNG.aPrecision)
        for index in 1..<xp.count {
            let ratio = CheckedMath.unsafeDiv(try CheckedMath.mul(dr, xp[0]), xp[index])
            let numerator = try CheckedMath.mul(StableSwapMath.precision, try CheckedMath.add(xp0A, ratio))
            _ = try CheckedMath.div(numerator, try CheckedMath.add(xp0A, dr))
        }
        if d >= packedLimit { throw .revert(CurveRevert.oracleOverflow) }
    }
}
