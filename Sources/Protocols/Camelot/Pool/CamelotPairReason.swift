/// The revert reasons of Camelot's V2 pair (CamelotLabs/core `contracts/CamelotPair.sol`,
/// Solidity 0.5.16) and of the ds-math `SafeMath` library it uses.
public enum CamelotPairReason {
    /// `swap` asked for no output.
    public static let insufficientOutputAmount = "CamelotPair: INSUFFICIENT_OUTPUT_AMOUNT"
    /// `swap` asked for at least the whole reserve (or a side's reserve is zero).
    public static let insufficientLiquidity = "CamelotPair: INSUFFICIENT_LIQUIDITY"
    /// `swap` received no input.
    public static let insufficientInputAmount = "CamelotPair: INSUFFICIENT_INPUT_AMOUNT"
    /// The invariant after the swap, fee removed, is below the one before.
    public static let k = "CamelotPair: K"
    /// A balance after the swap does not fit the 112-bit reserve.
    public static let overflow = "CamelotPair: OVERFLOW"
    /// `SafeMath.add` overflowed.
    public static let addOverflow = "ds-math-add-overflow"
    /// `SafeMath.sub` underflowed.
    public static let subUnderflow = "ds-math-sub-underflow"
    /// `SafeMath.mul` overflowed.
    public static let mulOverflow = "ds-math-mul-overflow"
    /// A raw `/` by zero: Solidity 0.5 executes INVALID, a revert with no reason string; this
    /// message names it.
    public static let divisionByZero = "division by zero"
}
