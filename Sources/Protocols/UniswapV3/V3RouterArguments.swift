import Kernel

/// The argument structs of the V3 swap functions of SwapRouter and SwapRouter02, which differ
/// only in SwapRouter's `deadline` field and in what an input amount of 0 means.
struct V3RouterArguments {
    /// Whether the structs carry a `deadline` after `recipient` (SwapRouter) or not (SwapRouter02).
    let hasDeadline: Bool
    /// Whether an exact input of 0 means "all the router holds of the input token"
    /// (SwapRouter02's `Constants.CONTRACT_BALANCE = 0`); SwapRouter has no such convention.
    let zeroInputIsBalance: Bool
    /// The dex.yaml entry the legs belong to.
    let dex: String

    /// The leg of `exactInputSingle` / `exactOutputSingle`, whose struct is static and laid out
    /// in place: `(tokenIn, tokenOut, uint24 fee, recipient, [deadline], amount, limit,
    /// uint160 sqrtPriceLimitX96)`. `deadline` is the enclosing multicall's, if any; a non-zero
    /// `sqrtPriceLimitX96` is the hop's.
    func single(_ arguments: CalldataReader, exactInput: Bool, deadline: UInt256?) throws(DecodingError) -> SwapLeg {
        let shift = hasDeadline ? 1 : 0
        let priceLimit = try arguments.uint(6 + shift, bits: 160, field: "sqrtPriceLimitX96")
        let tokenIn = try arguments.address(0, field: "tokenIn")
        let tokenOut = try arguments.address(1, field: "tokenOut")
        let fee = try arguments.uint(2, bits: 24, field: "fee")
        let recipient = try arguments.address(3, field: "recipient")
        let ownDeadline = hasDeadline ? try arguments.uint(4, field: "deadline") : deadline
        let amount = try arguments.uint(4 + shift, field: exactInput ? "amountIn" : "amountOut")
        let limit = try arguments.uint(5 + shift, field: exactInput ? "amountOutMinimum" : "amountInMaximum")
        let hop = SwapHop(tokenIn: tokenIn, tokenOut: tokenOut, pool: .byTokens(fee: UInt32(truncatingIfNeeded: fee.low64)),
                          sqrtPriceLimitX96: priceLimit.isZero ? nil : priceLimit)
        return SwapLeg(dex: dex, hops: [hop], amount: swapAmount(amount, exactInput: exactInput),
                       limit: limit, recipient: recipient, deadline: ownDeadline)
    }

    /// The leg of `exactInput` / `exactOutput`, whose struct is dynamic (it holds the path) and
    /// reached through the offset in the first argument word: `(bytes path, recipient,
    /// [deadline], amount, limit)`. Exact-output paths are written backwards; the hops come out
    /// in swap order.
    func path(_ arguments: CalldataReader, exactInput: Bool, deadline: UInt256?) throws(DecodingError) -> SwapLeg {
        let shift = hasDeadline ? 1 : 0
        let params = try arguments.dynamicTuple(0, field: "params")
        let limit = try params.uint(3 + shift, field: exactInput ? "amountOutMinimum" : "amountInMaximum")
        let amount = try params.uint(2 + shift, field: exactInput ? "amountIn" : "amountOut")
        let ownDeadline = hasDeadline ? try params.uint(2, field: "deadline") : deadline
        let recipient = try params.address(1, field: "recipient")
        let path = try params.bytes(0, field: "path")
        let hops = try V3Path.hops(path, reversed: !exactInput, origin: params.origin)
        return SwapLeg(dex: dex, hops: hops, amount: swapAmount(amount, exactInput: exactInput),
                       limit: limit, recipient: recipient, deadline: ownDeadline)
    }

    /// The amount the caller fixes.
    @inline(__always)
    private func swapAmount(_ amount: UInt256, exactInput: Bool) -> SwapAmount {
        guard exactInput else { return .exactOut(amount) }
        return zeroInputIsBalance && amount.isZero ? .exactInRouterBalance : .exactIn(amount)
    }
}
