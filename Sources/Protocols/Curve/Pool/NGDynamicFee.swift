import Kernel

/// StableSwap-NG's `_dynamic_fee`: the fee rises as the two coins' averaged balances move apart.
enum NGDynamicFee {
    /// `_dynamic_fee(xpi, xpj, fee)` with `offpeg_fee_multiplier = multiplier`, with the contract's
    /// `unsafe_` operations (wrapping multiply and add, division giving 0 for a zero divisor).
    static func fee(_ xpi: UInt256, _ xpj: UInt256, baseFee: UInt256, multiplier: UInt256) throws(PoolError) -> UInt256 {
        if multiplier <= StableSwapMath.feeDenominator { return baseFee }
        let sum = try CheckedMath.add(xpi, xpj)
        let sumSquared = try CheckedMath.mul(sum, sum)
        let excess = multiplier &- StableSwapMath.feeDenominator
        var scaled = try CheckedMath.mul(excess, UInt256(4))
        scaled = try CheckedMath.mul(scaled, xpi)
        scaled = try CheckedMath.mul(scaled, xpj)
        let denominator = try CheckedMath.div(scaled, sumSquared) &+ StableSwapMath.feeDenominator
        return CheckedMath.unsafeDiv(multiplier &* baseFee, denominator)
    }
}
