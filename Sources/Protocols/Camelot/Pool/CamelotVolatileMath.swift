import Kernel

/// The constant-product branch of `CamelotPair._getAmountOut`, with the input token's fee
/// percent over `FEE_DENOMINATOR` (100,000).
enum CamelotVolatileMath {
    /// `FEE_DENOMINATOR`.
    static let feeDenominator = UInt256(100_000)

    /// `amountIn·(100000 − fee)·reserveOut / (reserveIn·100000 + amountIn·(100000 − fee))`, each
    /// step checked as the pair's `SafeMath` checks it.
    static func amountOut(
        _ amountIn: UInt256, reserveIn: UInt256, reserveOut: UInt256, feePercent: UInt256
    ) throws(PoolError) -> UInt256 {
        typealias M = PairArithmetic
        let amountInWithFee = try M.mul(amountIn, M.sub(feeDenominator, feePercent))
        let numerator = try M.mul(amountInWithFee, reserveOut)
        let denominator = try M.add(M.mul(reserveIn, feeDenominator), amountInWithFee)
        return try M.div(numerator, denominator)
    }
}
