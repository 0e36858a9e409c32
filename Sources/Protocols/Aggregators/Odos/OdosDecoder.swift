import Kernel

/// Decodes Odos Router V2's single-swap functions into unknown routes: the executor's path is
/// private, the pair and amounts are not (`swap`, `swapPermit2`: the ABI's `swapTokenInfo`;
/// `swapCompact`: `OdosCompactCall`).
struct OdosDecoder: AggregatorDecoder {
    /// The entry's name.
    let aggregator: String
    /// The entry's routers.
    let routers: RouterAddresses

    /// `swap(swapTokenInfo, bytes pathDefinition, address executor, uint32 referralCode)`: the
    /// static tuple (inputToken, inputAmount, inputReceiver, outputToken, outputQuote, outputMin,
    /// outputReceiver) is the first seven words.
    static let swap = RouteDescription(
        function: "swap", selector: FunctionSelector.of("swap((address,uint256,address,address,uint256,uint256,address),bytes,address,uint32)"),
        tuplePath: [], tokenIn: 0, tokenOut: 3, amountIn: 1, minAmountOut: 5)
    /// `swapPermit2(permit2Info, swapTokenInfo, bytes, address, uint32)`: the permit is dynamic
    /// (an offset word), the token info the seven words after it.
    static let swapPermit2 = RouteDescription(
        function: "swapPermit2",
        selector: FunctionSelector.of("swapPermit2((address,uint256,uint256,bytes),(address,uint256,address,address,uint256,uint256,address),bytes,address,uint32)"),
        tuplePath: [], tokenIn: 1, tokenOut: 4, amountIn: 2, minAmountOut: 6)
    /// `swapCompact()`.
    static let swapCompact = FunctionSelector.of("swapCompact()")

    func decode(_ call: ContractCall, inner: any InnerCallDecoder, budget: inout InnerCallBudget) throws(DecodingError) -> DecodedSwap? {
        guard routers.contains(call.to), let selector = FunctionSelector.leading(call.data) else { return nil }
        let description: RouteDescription
        switch selector {
        case Self.swapCompact:
            return Self.swap("swapCompact", OdosCompactCall.route(call.data, aggregator: aggregator), value: call.value)
        case Self.swap.selector: description = Self.swap
        case Self.swapPermit2.selector: description = Self.swapPermit2
        default: return nil
        }
        let decoded = try description.route(CalldataReader.arguments(of: call.data, origin: budget.origin), aggregator: aggregator)
        return decoded.unknownRoutes.first.map { Self.swap(decoded.function, $0, value: call.value) } ?? decoded
    }

    /// The swap of `route` as `_swapApproval` reads its input amount: zero means the value sent
    /// where ether is sold (the zero address), else the sender's whole balance (no amount).
    private static func swap(_ function: String, _ route: UnknownRoute, value: UInt256) -> DecodedSwap {
        var route = route
        if route.amountIn?.isZero ?? true {
            route.amountIn = route.tokenIn == .zero && !value.isZero ? value : nil
        }
        return DecodedSwap(function: function, legs: [], unknownRoutes: [route])
    }
}
