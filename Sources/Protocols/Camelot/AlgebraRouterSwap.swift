import Kernel

/// Reads the leg of one Algebra SwapRouter swap function from its arguments.
enum AlgebraRouterSwap {
    /// `exactInputSingle` and its fee-on-transfer variant: one hop, exact input, with a
    /// non-zero `limitSqrtPrice` as the hop's price limit.
    static func exactInputSingle(dex: String, arguments: ABIReader) throws(DecodingError) -> SwapLeg {
        let params = arguments.inlineTuple(0)
        let tokenIn = try params.address(0, field: "tokenIn")
        let tokenOut = try params.address(1, field: "tokenOut")
        let recipient = try params.address(2, field: "recipient")
        let deadline = try params.uint(3, field: "deadline")
        let amountIn = try params.uint(4, field: "amountIn")
        let amountOutMinimum = try params.uint(5, field: "amountOutMinimum")
        let hop = try singleHop(tokenIn: tokenIn, tokenOut: tokenOut, params: params, limitIndex: 6)
        return SwapLeg(dex: dex, hops: [hop], amount: .exactIn(amountIn), limit: amountOutMinimum, recipient: recipient, deadline: deadline)
    }

    /// `exactOutputSingle`: one hop, exact output, with a non-zero `limitSqrtPrice` as the hop's
    /// price limit; the unused `fee` is checked as a `uint24`.
    static func exactOutputSingle(dex: String, arguments: ABIReader) throws(DecodingError) -> SwapLeg {
        let params = arguments.inlineTuple(0)
        let tokenIn = try params.address(0, field: "tokenIn")
        let tokenOut = try params.address(1, field: "tokenOut")
        _ = try params.uint(2, bits: 24, field: "fee")
        let recipient = try params.address(3, field: "recipient")
        let deadline = try params.uint(4, field: "deadline")
        let amountOut = try params.uint(5, field: "amountOut")
        let amountInMaximum = try params.uint(6, field: "amountInMaximum")
        let hop = try singleHop(tokenIn: tokenIn, tokenOut: tokenOut, params: params, limitIndex: 7)
        return SwapLeg(dex: dex, hops: [hop], amount: .exactOut(amountOut), limit: amountInMaximum, recipient: recipient, deadline: deadline)
    }

    /// The hop of a single-hop call: the pool of the two tokens, with the `uint160 limitSqrtPrice`
    /// at `limitIndex` unless it is zero ("no limit").
    private static func singleHop(tokenIn: Address, tokenOut: Address, params: ABIReader, limitIndex: Int) throws(DecodingError) -> SwapHop {
        let limit = try params.uint(limitIndex, bits: 160, field: "limitSqrtPrice")
        return SwapHop(tokenIn: tokenIn, tokenOut: tokenOut, pool: .byTokens(fee: nil), sqrtPriceLimitX96: limit.isZero ? nil : limit)
    }

    /// `exactInput` (`exactOutput: false`) or `exactOutput` (true, path written from the output
    /// back): hops along the path in the order the tokens flow.
    static func multiHop(dex: String, arguments: ABIReader, exactOutput: Bool) throws(DecodingError) -> SwapLeg {
        let params = try arguments.dynamicTuple(0, field: "params")
        let path = try params.bytes(0, field: "path")
        let hops = try AlgebraPath.hops(path, reversed: exactOutput, offset: path.startIndex - arguments.data.startIndex)
        let recipient = try params.address(1, field: "recipient")
        let deadline = try params.uint(2, field: "deadline")
        let amount = try params.uint(3, field: exactOutput ? "amountOut" : "amountIn")
        let limit = try params.uint(4, field: exactOutput ? "amountInMaximum" : "amountOutMinimum")
        return SwapLeg(
            dex: dex, hops: hops, amount: exactOutput ? .exactOut(amount) : .exactIn(amount),
            limit: limit, recipient: recipient, deadline: deadline)
    }
}
