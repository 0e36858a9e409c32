import Kernel

/// The StableSwap invariant math, as the Vyper pools compute it: `get_D` and `get_y` on scaled
/// balances (`xp`, 18 decimals), with the contracts' 255-step limits and checked arithmetic.
///
/// `amp` is the amplification as the variant stores it, A × its `aPrecision` (1 for `legacy`, whose
/// formulas have no `A_PRECISION`: dividing or multiplying by 1 is exactly that form). After 255
/// steps that did not converge, `legacy` returns the last step's value; the others revert.
enum StableSwapMath {
    /// `FEE_DENOMINATOR`: fees are over 10^10.
    static let feeDenominator = UInt256(10_000_000_000)
    /// `PRECISION`: rates are over 10^18.
    static let precision = UInt256(1_000_000_000_000_000_000)

    /// `get_D(xp, amp)`: the invariant for scaled balances `xp` and precise `amp`.
    ///
    /// `variant` picks how `D_P` is computed: `D_P * D / (x * N)` per coin (classic and lending
    /// pools), `D_P * D / x` per coin then one division by `N ** N` (NG), or
    /// `D * D / xp[0] * D / xp[1] / 4` (2-coin factory plain pools of Vyper 0.3.1).
    static func invariant(_ xp: CurveCoinValues, amp: UInt256, variant: CurveStableSwapVariant) throws(PoolError) -> UInt256 {
        let coins = UInt256(UInt64(xp.count))
        var sum = UInt256.zero
        for index in 0..<xp.count { sum = try CheckedMath.add(sum, xp[index]) }
        if sum.isZero { return .zero }

        var d = sum
        let ann = try CheckedMath.mul(amp, coins)
        let isNG = variant == .stableswapNG
        let aPrecision = variant.aPrecision
        var coinsPower = UInt256.one
        for _ in 0..<xp.count { coinsPower = coinsPower &* coins }
        for _ in 0..<255 {
            var dP = d
            if variant == .factoryPlain2 {
                dP = try CheckedMath.div(try CheckedMath.mul(dP, d), xp[0])
                dP = try CheckedMath.div(try CheckedMath.mul(dP, d), xp[1])
                dP = CheckedMath.unsafeDiv(dP, coinsPower)
            } else {
                for index in 0..<xp.count {
                    let product = try CheckedMath.mul(dP, d)
                    if isNG {
                        dP = try CheckedMath.div(product, xp[index])
                    } else {
                        dP = try CheckedMath.div(product, try CheckedMath.mul(xp[index], coins))
                    }
                }
                if isNG { dP = CheckedMath.unsafeDiv(dP, coinsPower) }
            }
            let previous = d
            d = try nextInvariant(d: d, dP: dP, ann: ann, sum: sum, coins: coins, aPrecision: aPrecision)
            if CheckedMath.withinOne(d, previous) { return d }
        }
        guard variant.revertsWhenUnconverged else { return d }
        throw .revert(CurveRevert.invariantDidNotConverge)
    }

    /// One Newton step: `(Ann*S/A_PRECISION + D_P*N) * D / ((Ann - A_PRECISION)*D/A_PRECISION + (N+1)*D_P)`.
    /// NG divides by `A_PRECISION` with `unsafe_div` (the same result: the divisor is not zero).
    /// With `aPrecision` 1 it is the legacy `(Ann*S + D_P*N) * D / ((Ann - 1)*D + (N+1)*D_P)`.
    @inline(__always)
    private static func nextInvariant(
        d: UInt256, dP: UInt256, ann: UInt256, sum: UInt256, coins: UInt256, aPrecision: UInt256
    ) throws(PoolError) -> UInt256 {
        let annSum = CheckedMath.unsafeDiv(try CheckedMath.mul(ann, sum), aPrecision)
        let numerator = try CheckedMath.mul(try CheckedMath.add(annSum, try CheckedMath.mul(dP, coins)), d)
        let annLess = try CheckedMath.sub(ann, aPrecision)
        let left = CheckedMath.unsafeDiv(try CheckedMath.mul(annLess, d), aPrecision)
        let right = try CheckedMath.mul(coins &+ .one, dP)
        return try CheckedMath.div(numerator, try CheckedMath.add(left, right))
    }

    /// `get_y(i, j, x, xp)`: the scaled balance of coin `j` that keeps invariant `d` when coin `i`
    /// holds `x`. The caller has checked `i != j` and both in range.
    static func balance(
        i: Int, j: Int, x: UInt256, xp: CurveCoinValues, amp: UInt256, d: UInt256, variant: CurveStableSwapVariant
    ) throws(PoolError) -> UInt256 {
        let coins = UInt256(UInt64(xp.count))
        let aPrecision = variant.aPrecision
        var sum = UInt256.zero
        var c = d
        let ann = try CheckedMath.mul(amp, coins)
        for index in 0..<xp.count where index != j {
            let value = index == i ? x : xp[index]
            sum = try CheckedMath.add(sum, value)
            c = try CheckedMath.div(try CheckedMath.mul(c, d), try CheckedMath.mul(value, coins))
        }
        c = try CheckedMath.div(
            try CheckedMath.mul(try CheckedMath.mul(c, d), aPrecision),
            try CheckedMath.mul(ann, coins)
        )
        let b = try CheckedMath.add(sum, try CheckedMath.div(try CheckedMath.mul(d, aPrecision), ann))
        var y = d
        for _ in 0..<255 {
            let previous = y
            let numerator = try CheckedMath.add(try CheckedMath.mul(y, y), c)
            let denominator = try CheckedMath.sub(try CheckedMath.add(try CheckedMath.mul(UInt256(2), y), b), d)
            y = try CheckedMath.div(numerator, denominator)
            if CheckedMath.withinOne(y, previous) { return y }
        }
        guard variant.revertsWhenUnconverged else { return y }
        throw .revert(CurveRevert.balanceDidNotConverge)
    }
}
