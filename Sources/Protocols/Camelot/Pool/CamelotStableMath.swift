import Kernel

/// The stable-swap branch of `CamelotPair`: the invariant x³y + y³x on balances normalised to
/// 18 decimals (`_k`), its Newton solve for y (`_get_y`, `_f`, `_d`) and `_getAmountOut`.
///
/// `_k` uses `SafeMath`; `_get_y`, `_f`, `_d` and the normalisation in `_getAmountOut` use
/// Solidity 0.5's raw operators, which wrap: this code wraps with them (`&+ &- &*`).
enum CamelotStableMath {
    typealias M = PairArithmetic

    /// `_k` of a stable pair: with x, y the balances scaled to 18 decimals,
    /// `(x·y/1e18) · (x·x/1e18 + y·y/1e18) / 1e18`.
    static func k(
        _ balance0: UInt256, _ balance1: UInt256, precisionMultiplier0: UInt256, precisionMultiplier1: UInt256
    ) throws(PoolError) -> UInt256 {
        let x = try M.div(M.mul(balance0, M.e18), precisionMultiplier0)
        let y = try M.div(M.mul(balance1, M.e18), precisionMultiplier1)
        let a = M.divE18(try M.mul(x, y))
        let b = try M.add(M.divE18(M.mul(x, x)), M.divE18(M.mul(y, y)))
        return M.divE18(try M.mul(a, b))
    }

    /// `_f(x0, y)` = `x0·(y·y/1e18·y/1e18)/1e18 + (x0·x0/1e18·x0/1e18)·y/1e18` and
    /// `_d(x0, y)` = `3·x0·(y·y/1e18)/1e18 + (x0·x0/1e18·x0/1e18)`, wrapping, from the shared
    /// `x0Cubed` = `x0·x0/1e18·x0/1e18` and `ySquared` = `y·y/1e18`.
    @inline(__always)
    static func fAndD(x0: UInt256, x0Cubed: UInt256, y: UInt256) -> (f: UInt256, d: UInt256) {
        let ySquared = M.divE18(y &* y)
        let yCubed = M.divE18(ySquared &* y)
        let f = M.divE18(x0 &* yCubed) &+ M.divE18(x0Cubed &* y)
        let d = M.divE18((UInt256(3) &* x0) &* ySquared) &+ x0Cubed
        return (f, d)
    }

    /// `_get_y(x0, xy, y)`: at most 255 Newton steps from `y`, returning as soon as a step moves
    /// y by at most 1 (the step's result is returned), else y after the last step. A zero
    /// derivative reverts (raw division by zero).
    static func y(x0: UInt256, xy: UInt256, start: UInt256) throws(PoolError) -> UInt256 {
        let x0Cubed = M.divE18(M.divE18(x0 &* x0) &* x0)
        var y = start
        for _ in 0..<255 {
            let previous = y
            let (k, d) = fAndD(x0: x0, x0Cubed: x0Cubed, y: y)
            if k < xy {
                y = y &+ (try M.div((xy &- k) &* M.e18, d))
            } else {
                y = y &- (try M.div((k &- xy) &* M.e18, d))
            }
            let step = y > previous ? y &- previous : previous &- y
            if step <= .one { return y }
        }
        return y
    }

    /// The stable branch of `_getAmountOut` with `xy = _k(reserve0, reserve1)` computed by the
    /// caller (the contract computes it after the fee; both can only revert with
    /// "ds-math-mul-overflow", so the order is not observable): the fee comes off the input
    /// first (`SafeMath`), then reserves and input are normalised to 18 decimals and
    /// the output is `reserveOut − _get_y(amountIn + reserveIn, xy, reserveOut)` scaled back to
    /// the output token's decimals (raw operators, which wrap).
    static func amountOut(
        _ amountIn: UInt256, zeroForOne: Bool, reserve0: UInt256, reserve1: UInt256, xy: UInt256, feePercent: UInt256,
        precisionMultiplier0: UInt256, precisionMultiplier1: UInt256
    ) throws(PoolError) -> UInt256 {
        let fee = try M.div(M.mul(amountIn, feePercent), CamelotVolatileMath.feeDenominator)
        let amountAfterFee = try M.sub(amountIn, fee)
        let normalised0 = try M.div(reserve0 &* M.e18, precisionMultiplier0)
        let normalised1 = try M.div(reserve1 &* M.e18, precisionMultiplier1)
        let (reserveIn, reserveOut) = zeroForOne ? (normalised0, normalised1) : (normalised1, normalised0)
        let (multiplierIn, multiplierOut) = zeroForOne
            ? (precisionMultiplier0, precisionMultiplier1) : (precisionMultiplier1, precisionMultiplier0)
        let normalisedIn = try M.div(amountAfterFee &* M.e18, multiplierIn)
        let out = reserveOut &- (try y(x0: normalisedIn &+ reserveIn, xy: xy, start: reserveOut))
        return M.divE18(out &* multiplierOut)
    }
}
