/// One step of a concentrated-liquidity swap within a single liquidity range: where the price
/// ends and what moved.
public struct SwapStep: Sendable, Equatable {
    /// The sqrt price after the step (the target when the step reached it).
    public var sqrtRatioNextX96: UInt256
    /// Input paid into the range, fee excluded.
    public var amountIn: UInt256
    /// Output paid out of the range.
    public var amountOut: UInt256
    /// The fee taken on the input.
    public var feeAmount: UInt256

    /// Creates a step result.
    public init(sqrtRatioNextX96: UInt256, amountIn: UInt256, amountOut: UInt256, feeAmount: UInt256) {
        self.sqrtRatioNextX96 = sqrtRatioNextX96
        self.amountIn = amountIn
        self.amountOut = amountOut
        self.feeAmount = feeAmount
    }
}

/// Uniswap V3's `SwapMath`.
public enum SwapMath {
    /// 10^6, the fee denominator (`feePips` are millionths).
    static var feeDenominator: UInt256 { UInt256(1_000_000) }

    /// `computeSwapStep`: swaps `amountRemaining` (positive: exact input left, negative: exact
    /// output left) from `sqrtRatioCurrentX96` towards `sqrtRatioTargetX96` over `liquidity`,
    /// taking `feePips` millionths of the input as fee. The direction is zero for one when the
    /// target is at or below the current price. `feePips` is a uint24; `1e6 - feePips` wraps as
    /// the contract's uint24 arithmetic does.
    @inlinable @inline(__always)
    public static func computeSwapStep(
        sqrtRatioCurrentX96 current: UInt256,
        sqrtRatioTargetX96 target: UInt256,
        liquidity: UInt256,
        amountRemaining: Int256,
        feePips: UInt32
    ) throws(PoolError) -> SwapStep {
        try concentratedSwapStep(current: current, target: target, liquidity: liquidity, amountRemaining: amountRemaining, feePips: feePips)
    }
}

/// `SwapMath.computeSwapStep`'s body, a free function rather than a static method (as
/// `wideDivision`): the optimizer drops a static method's unused metatype by splitting it into
/// a thunk (the public symbol) and a body, and Camelot's Algebra rules, in another module,
/// called the thunk, which stores its 256-bit arguments again for the body.
@usableFromInline
internal func concentratedSwapStep(
    current: UInt256, target: UInt256, liquidity: UInt256, amountRemaining: Int256, feePips: UInt32
) throws(PoolError) -> SwapStep {
    let zeroForOne = current >= target
    let exactIn = !amountRemaining.isNegative
    let fee = UInt256(UInt64(feePips & 0xff_ffff))
    let feeComplement = UInt256(UInt64((1_000_000 &- feePips) & 0xff_ffff))
    let remaining = amountRemaining.magnitude
    var amountIn = UInt256.zero
    var amountOut = UInt256.zero
    let next: UInt256
    if exactIn {
        guard let remainingLessFee = UInt256.mulDiv(remaining, feeComplement, SwapMath.feeDenominator) else { throw .bareRevert }
        amountIn = zeroForOne
            ? try SqrtPriceMath.amount0Delta(target, current, liquidity: liquidity, roundUp: true)
            : try SqrtPriceMath.amount1Delta(current, target, liquidity: liquidity, roundUp: true)
        next = remainingLessFee >= amountIn
            ? target
            : try SqrtPriceMath.nextSqrtPriceFromInput(current, liquidity: liquidity, amountIn: remainingLessFee, zeroForOne: zeroForOne)
    } else {
        amountOut = zeroForOne
            ? try SqrtPriceMath.amount1Delta(target, current, liquidity: liquidity, roundUp: false)
            : try SqrtPriceMath.amount0Delta(current, target, liquidity: liquidity, roundUp: false)
        next = remaining >= amountOut
            ? target
            : try SqrtPriceMath.nextSqrtPriceFromOutput(current, liquidity: liquidity, amountOut: remaining, zeroForOne: zeroForOne)
    }
    let reachedTarget = target == next
    if zeroForOne {
        if !(reachedTarget && exactIn) {
            amountIn = try SqrtPriceMath.amount0Delta(next, current, liquidity: liquidity, roundUp: true)
        }
        if !(reachedTarget && !exactIn) {
            amountOut = try SqrtPriceMath.amount1Delta(next, current, liquidity: liquidity, roundUp: false)
        }
    } else {
        if !(reachedTarget && exactIn) {
            amountIn = try SqrtPriceMath.amount1Delta(current, next, liquidity: liquidity, roundUp: true)
        }
        if !(reachedTarget && !exactIn) {
            amountOut = try SqrtPriceMath.amount0Delta(current, next, liquidity: liquidity, roundUp: false)
        }
    }
    if !exactIn && amountOut > remaining { amountOut = remaining }
    let feeAmount: UInt256
    if exactIn && !reachedTarget {
        // Not reaching the target means the whole remainder was priced in: the rest is fee.
        feeAmount = remaining &- amountIn
    } else {
        guard let rounded = UInt256.mulDivRoundingUp(amountIn, fee, feeComplement) else { throw .bareRevert }
        feeAmount = rounded
    }
    return SwapStep(sqrtRatioNextX96: next, amountIn: amountIn, amountOut: amountOut, feeAmount: feeAmount)
}
