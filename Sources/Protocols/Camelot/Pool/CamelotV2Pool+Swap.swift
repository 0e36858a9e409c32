import Kernel

extension CamelotV2Pool {
    /// What one exact-input swap pays and leaves behind.
    struct SwapResult {
        /// Paid to the recipient.
        let amountOut: UInt256
        /// `reserve0` after the pair's `_update`.
        let reserve0: UInt256
        /// `reserve1` after the pair's `_update`.
        let reserve1: UInt256
    }

    /// `getAmountOut`, then the pair's `_swap` (no referrer, balances = reserves + `amountIn`):
    /// the output and liquidity checks, the input fee (for stable pairs, the protocol's share
    /// transferred to `feeTo`), the K check and the 112-bit reserve check, in the pair's order.
    func simulateSwap(_ amountIn: UInt256, zeroForOne: Bool) throws(PoolError) -> SwapResult {
        typealias M = PairArithmetic
        // `_k` of the reserves: the stable `getAmountOut`'s xy and the K check's right side.
        let kOfReserves = stableSwap ? try k(reserve0, reserve1) : .zero
        let amountOut = try getAmountOut(amountIn, zeroForOne: zeroForOne, kOfReserves: kOfReserves)
        let (reserveIn, reserveOut) = zeroForOne ? (reserve0, reserve1) : (reserve1, reserve0)
        guard !amountOut.isZero else { throw .revert(CamelotPairReason.insufficientOutputAmount) }
        guard amountOut < reserveOut, !reserveIn.isZero else { throw .revert(CamelotPairReason.insufficientLiquidity) }
        let (grownIn, overflow) = reserveIn.addingReportingOverflow(amountIn)
        guard !overflow else { throw .invalidState("Camelot V2 input balance above 2^256 - 1") }
        guard !amountIn.isZero else { throw .revert(CamelotPairReason.insufficientInputAmount) }

        let feePercent = UInt256(UInt64(zeroForOne ? token0FeePercent : token1FeePercent))
        var remainingFee = try M.div(M.mul(amountIn, feePercent), CamelotVolatileMath.feeDenominator)
        var balanceIn = grownIn
        if stableSwap, protocolFeeShare > 0 {
            let share = try M.mul(CamelotVolatileMath.feeDenominator, UInt256(UInt64(protocolFeeShare)))
            let protocolFee = try M.div(M.mul(M.mul(amountIn, share), feePercent), Self.feeDenominatorCubed)
            remainingFee = try M.sub(remainingFee, protocolFee)
            balanceIn = try M.sub(balanceIn, protocolFee)
        }
        let balanceOut = reserveOut &- amountOut
        let adjustedIn = try M.sub(balanceIn, remainingFee)
        let (balance0, balance1) = zeroForOne ? (balanceIn, balanceOut) : (balanceOut, balanceIn)
        let (adjusted0, adjusted1) = zeroForOne ? (adjustedIn, balanceOut) : (balanceOut, adjustedIn)
        // A volatile pair's K check cannot fail: with a' = amountIn·(100000 − fee), the adjusted
        // input balance is at least reserveIn + a'/100000 and amountOut at most
        // reserveOut·a'/(reserveIn·100000 + a'), so the product does not fall. Only its
        // SafeMath.mul can revert, and only once the input balance exceeds 112 bits.
        if stableSwap || balanceIn > Self.maxReserve {
            let kBefore = stableSwap ? kOfReserves : try k(reserve0, reserve1)
            let kAfter = try k(adjusted0, adjusted1)
            guard kAfter >= kBefore else { throw .revert(CamelotPairReason.k) }
        }
        guard balance0 <= Self.maxReserve, balance1 <= Self.maxReserve else {
            throw .revert(CamelotPairReason.overflow)
        }
        return SwapResult(amountOut: amountOut, reserve0: balance0, reserve1: balance1)
    }

    /// `FEE_DENOMINATOR ** 3`.
    static let feeDenominatorCubed = UInt256(1_000_000_000_000_000)

    /// The pair's `_k`: x³y + y³x (normalised) for a stable pair, `balance0 · balance1` otherwise.
    func k(_ balance0: UInt256, _ balance1: UInt256) throws(PoolError) -> UInt256 {
        if stableSwap {
            return try CamelotStableMath.k(
                balance0, balance1, precisionMultiplier0: precisionMultiplier0, precisionMultiplier1: precisionMultiplier1)
        }
        return try PairArithmetic.mul(balance0, balance1)
    }
}
