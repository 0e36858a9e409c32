/// A V2-style pair's `swap` functions (Uniswap V2 and its forks, Camelot V2): the caller takes
/// the amounts out and must have paid (or pay, in the `data` callback) the input.
public enum PairSwap: UInt32, Sendable {
    /// `swap(uint256 amount0Out, uint256 amount1Out, address to, bytes data)`.
    case swap = 0x022c_0d9f
    /// `swap(uint256 amount0Out, uint256 amount1Out, address to, bytes data, address referrer)`:
    /// CamelotPair's form that names a referrer for part of the fee.
    case swapWithReferrer = 0x6e1f_dd7f

    /// One exact-output leg per token taken out: token1 in for `amount0Out` (zeroForOne false),
    /// token0 in for `amount1Out` (zeroForOne true), in that order; a flash swap taking both out
    /// gives both. Nil when both are zero (the pair refuses it). The referrer is checked as an
    /// address, not reported; either form is reported as `swap`.
    public func decode(dex: String, pair: Address, arguments: ABIReader) throws(DecodingError) -> DecodedSwap? {
        let amount0Out = try arguments.uint(0, field: "amount0Out")
        let amount1Out = try arguments.uint(1, field: "amount1Out")
        let recipient = try arguments.address(2, field: "to")
        _ = try arguments.bytes(3, field: "data")
        if self == .swapWithReferrer {
            _ = try arguments.address(4, field: "referrer")
        }
        func leg(_ amountOut: UInt256, zeroForOne: Bool) -> SwapLeg {
            let hop = SwapHop(tokenIn: nil, tokenOut: nil, pool: .pool(pair, zeroForOne: zeroForOne))
            return SwapLeg(dex: dex, hops: [hop], amount: .exactOut(amountOut), limit: nil, recipient: recipient, deadline: nil)
        }
        switch (amount0Out.isZero, amount1Out.isZero) {
        case (true, true): return nil
        case (false, true): return DecodedSwap(function: "swap", legs: [leg(amount0Out, zeroForOne: false)])
        case (true, false): return DecodedSwap(function: "swap", legs: [leg(amount1Out, zeroForOne: true)])
        case (false, false):
            return DecodedSwap(function: "swap", legs: [leg(amount0Out, zeroForOne: false), leg(amount1Out, zeroForOne: true)])
        }
    }
}
