/// Uniswap V3's `SqrtPriceMath`: the next sqrt price after adding or removing an amount of a
/// token, and the token amounts between two sqrt prices, with the contract's rounding and its
/// reverts. Sqrt prices are Q64.96 values below 2^160 and liquidity is below 2^128, as the
/// contract's `uint160` and `uint128` arguments; callers keep them in range.
///
/// The contract's bare `require`s (no reason string) surface as `PoolError.revert("")`.
enum SqrtPriceMath {
    /// `getNextSqrtPriceFromAmount0RoundingUp`: the price after adding (`add`) or removing
    /// `amount` of token0, rounded up.
    static func nextSqrtPriceFromAmount0RoundingUp(
        _ sqrtPX96: UInt256, liquidity: UInt256, amount: UInt256, add: Bool
    ) throws(PoolError) -> UInt256 {
        if amount.isZero { return sqrtPX96 }
        let numerator1 = liquidity << 96
        let (product, productOverflow) = amount.multipliedReportingOverflow(by: sqrtPX96)
        if add {
            if !productOverflow {
                let (denominator, denominatorOverflow) = numerator1.addingReportingOverflow(product)
                if !denominatorOverflow {
                    guard let next = UInt256.mulDivRoundingUp(numerator1, sqrtPX96, denominator) else { throw .bareRevert }
                    return next.truncatedToUInt160
                }
            }
            guard let (quotient, _) = numerator1.quotientAndRemainder(dividingBy: sqrtPX96) else { throw .bareRevert }
            let (divisor, overflow) = quotient.addingReportingOverflow(amount)
            guard !overflow, let next = UInt256.divRoundingUp(numerator1, divisor) else { throw .bareRevert }
            return next.truncatedToUInt160
        }
        guard !productOverflow, numerator1 > product,
              let next = UInt256.mulDivRoundingUp(numerator1, sqrtPX96, numerator1 &- product),
              next.fitsInUInt160
        else { throw .bareRevert }
        return next
    }

    /// `getNextSqrtPriceFromAmount1RoundingDown`: the price after adding (`add`) or removing
    /// `amount` of token1, rounded down.
    static func nextSqrtPriceFromAmount1RoundingDown(
        _ sqrtPX96: UInt256, liquidity: UInt256, amount: UInt256, add: Bool
    ) throws(PoolError) -> UInt256 {
        let fitsShift = amount.fitsInUInt160
        if add {
            let quotient = fitsShift
                ? (amount << 96).quotientAndRemainder(dividingBy: liquidity)?.quotient
                : UInt256.mulDiv(amount, q96, liquidity)
            guard let quotient else { throw .bareRevert }
            let (next, overflow) = sqrtPX96.addingReportingOverflow(quotient)
            guard !overflow, next.fitsInUInt160 else { throw .bareRevert }
            return next
        }
        // UnsafeMath.divRoundingUp divides in assembly, where a zero divisor gives 0.
        let quotient = fitsShift
            ? (liquidity.isZero ? .zero : UInt256.divRoundingUp(amount << 96, liquidity))
            : UInt256.mulDivRoundingUp(amount, q96, liquidity)
        guard let quotient, sqrtPX96 > quotient else { throw .bareRevert }
        return sqrtPX96 &- quotient
    }

    /// `getNextSqrtPriceFromInput`: the price after `amountIn` of token0 (`zeroForOne`) or token1
    /// is paid in. Reverts if the price or the liquidity is zero.
    static func nextSqrtPriceFromInput(
        _ sqrtPX96: UInt256, liquidity: UInt256, amountIn: UInt256, zeroForOne: Bool
    ) throws(PoolError) -> UInt256 {
        guard !sqrtPX96.isZero, !liquidity.isZero else { throw .bareRevert }
        return zeroForOne
            ? try nextSqrtPriceFromAmount0RoundingUp(sqrtPX96, liquidity: liquidity, amount: amountIn, add: true)
            : try nextSqrtPriceFromAmount1RoundingDown(sqrtPX96, liquidity: liquidity, amount: amountIn, add: true)
    }

    /// `getNextSqrtPriceFromOutput`: the price after `amountOut` of token1 (`zeroForOne`) or
    /// token0 is paid out. Reverts if the price or the liquidity is zero.
    static func nextSqrtPriceFromOutput(
        _ sqrtPX96: UInt256, liquidity: UInt256, amountOut: UInt256, zeroForOne: Bool
    ) throws(PoolError) -> UInt256 {
        guard !sqrtPX96.isZero, !liquidity.isZero else { throw .bareRevert }
        return zeroForOne
            ? try nextSqrtPriceFromAmount1RoundingDown(sqrtPX96, liquidity: liquidity, amount: amountOut, add: false)
            : try nextSqrtPriceFromAmount0RoundingUp(sqrtPX96, liquidity: liquidity, amount: amountOut, add: false)
    }

    /// `getAmount0Delta` (unsigned): token0 held by `liquidity` between two prices in either order,
    /// rounded up or down. Reverts if the lower price is zero.
    static func amount0Delta(
        _ sqrtRatioAX96: UInt256, _ sqrtRatioBX96: UInt256, liquidity: UInt256, roundUp: Bool
    ) throws(PoolError) -> UInt256 {
        let (lower, upper) = sqrtRatioAX96 > sqrtRatioBX96 ? (sqrtRatioBX96, sqrtRatioAX96) : (sqrtRatioAX96, sqrtRatioBX96)
        let numerator1 = liquidity << 96
        let numerator2 = upper &- lower
        guard !lower.isZero else { throw .bareRevert }
        if roundUp {
            guard let scaled = UInt256.mulDivRoundingUp(numerator1, numerator2, upper),
                  let amount = UInt256.divRoundingUp(scaled, lower)
            else { throw .bareRevert }
            return amount
        }
        guard let scaled = UInt256.mulDiv(numerator1, numerator2, upper),
              let (amount, _) = scaled.quotientAndRemainder(dividingBy: lower)
        else { throw .bareRevert }
        return amount
    }

    /// `getAmount1Delta` (unsigned): token1 held by `liquidity` between two prices in either order,
    /// rounded up or down.
    static func amount1Delta(
        _ sqrtRatioAX96: UInt256, _ sqrtRatioBX96: UInt256, liquidity: UInt256, roundUp: Bool
    ) throws(PoolError) -> UInt256 {
        let difference = sqrtRatioAX96 > sqrtRatioBX96 ? sqrtRatioAX96 &- sqrtRatioBX96 : sqrtRatioBX96 &- sqrtRatioAX96
        guard let amount = mulDivQ96(liquidity, difference, roundUp: roundUp) else { throw .bareRevert }
        return amount
    }

    /// `FullMath.mulDiv(a, b, 2^96)` (or `mulDivRoundingUp`) with the division done as a shift:
    /// nil where FullMath reverts, when the quotient (or its rounding up) does not fit 256 bits.
    static func mulDivQ96(_ a: UInt256, _ b: UInt256, roundUp: Bool) -> UInt256? {
        let (high, low) = a.multipliedFullWidth(by: b)
        guard high >> 96 == .zero else { return nil }
        let quotient = (low >> 96) | (high << 160)
        guard roundUp, low.w0 != 0 || low.w1 & 0xffff_ffff != 0 else { return quotient }
        let (rounded, overflow) = quotient.addingReportingOverflow(.one)
        return overflow ? nil : rounded
    }

    /// `getAmount0Delta` (signed): token0 owed for adding (positive `liquidityDelta`, rounded up)
    /// or removing (negative, rounded down and negated) liquidity between two prices.
    /// `liquidityDelta` is an int128.
    static func amount0Delta(_ sqrtRatioAX96: UInt256, _ sqrtRatioBX96: UInt256, liquidityDelta: Int256) throws(PoolError) -> Int256 {
        let amount = try amount0Delta(sqrtRatioAX96, sqrtRatioBX96, liquidity: liquidityDelta.magnitude, roundUp: !liquidityDelta.isNegative)
        return try signed(amount, negative: liquidityDelta.isNegative)
    }

    /// `getAmount1Delta` (signed): token1 owed for adding (positive `liquidityDelta`, rounded up)
    /// or removing (negative, rounded down and negated) liquidity between two prices.
    /// `liquidityDelta` is an int128.
    static func amount1Delta(_ sqrtRatioAX96: UInt256, _ sqrtRatioBX96: UInt256, liquidityDelta: Int256) throws(PoolError) -> Int256 {
        let amount = try amount1Delta(sqrtRatioAX96, sqrtRatioBX96, liquidity: liquidityDelta.magnitude, roundUp: !liquidityDelta.isNegative)
        return try signed(amount, negative: liquidityDelta.isNegative)
    }

    /// `SafeCast.toInt256`, negated for a removal.
    private static func signed(_ amount: UInt256, negative: Bool) throws(PoolError) -> Int256 {
        guard let value = Int256(exactly: amount) else { throw .bareRevert }
        return negative ? Int256(bitPattern: UInt256.zero &- value.bitPattern) : value
    }

    /// 2^96, the Q64.96 unit.
    static let q96 = UInt256(0, 1 << 32, 0, 0)
}
