import Kernel

/// Decodes RainbowRouter's five `fillQuote…` functions (verified source of
/// `0x00000000009726632680FB29d3F7A9734E3010E2`, `BaseAggregator.sol`): the inner call to
/// `target`, through the host; when the host does not know `target` (or its call swaps nothing
/// it can read), an unknown route with the pair and the amount sold. Ether is the zero address.
///
/// - `fillQuoteEthToToken(buyToken, target, swapCallData, feeAmount)`: the router keeps
///   `feeAmount` of the ether sent and calls `target` with the rest (`msg.value - feeAmount`,
///   which reverts when the fee is larger: not a swap then).
/// - `fillQuoteTokenToEth(sellToken, target, swapCallData, sellAmount, feeBasisPoints)` and
///   `fillQuoteTokenToToken(sellToken, buyToken, target, swapCallData, sellAmount, feeAmount)`,
///   each also `…WithPermit` (an EIP-2612 permit appended): the router takes `sellAmount` from the
///   user and calls `target` with the ether sent, if any.
///
/// The router checks no least output: the inner call's own limits are the user's.
struct RainbowDecoder: AggregatorDecoder {
    /// The entry's name.
    let aggregator: String
    /// The routers.
    let routers: RouterAddresses

    /// A permit's words: value, deadline, v, r, s.
    private static let permit = "(uint256,uint256,uint8,bytes32,bytes32)"
    static let ethToToken = FunctionSelector.of("fillQuoteEthToToken(address,address,bytes,uint256)")
    static let tokenToEth = FunctionSelector.of("fillQuoteTokenToEth(address,address,bytes,uint256,uint256)")
    static let tokenToEthWithPermit = FunctionSelector.of("fillQuoteTokenToEthWithPermit(address,address,bytes,uint256,uint256,\(permit))")
    static let tokenToToken = FunctionSelector.of("fillQuoteTokenToToken(address,address,address,bytes,uint256,uint256)")
    static let tokenToTokenWithPermit = FunctionSelector.of("fillQuoteTokenToTokenWithPermit(address,address,address,bytes,uint256,uint256,\(permit))")

    func decode(_ call: ContractCall, inner: any InnerCallDecoder, budget: inout InnerCallBudget) throws(DecodingError) -> DecodedSwap? {
        guard routers.contains(call.to), let selector = FunctionSelector.leading(call.data) else { return nil }
        let arguments = CalldataReader.arguments(of: call.data, origin: budget.origin)
        let function: String
        let (sold, bought): (Address, Address)
        let (targetWord, dataWord): (Int, Int)
        let (amountSold, innerValue): (UInt256, UInt256)
        switch selector {
        case Self.ethToToken:
            function = "fillQuoteEthToToken"
            let fee = try arguments.uint(3, field: "feeAmount")
            guard call.value >= fee else { return nil }
            (sold, bought) = (.zero, try arguments.address(0, field: "buyTokenAddress"))
            (targetWord, dataWord) = (1, 2)
            (amountSold, innerValue) = (call.value - fee, call.value - fee)
        case Self.tokenToEth, Self.tokenToEthWithPermit:
            function = selector == Self.tokenToEth ? "fillQuoteTokenToEth" : "fillQuoteTokenToEthWithPermit"
            (sold, bought) = (try arguments.address(0, field: "sellTokenAddress"), .zero)
            (targetWord, dataWord) = (1, 2)
            (amountSold, innerValue) = (try arguments.uint(3, field: "sellAmount"), call.value)
        case Self.tokenToToken, Self.tokenToTokenWithPermit:
            function = selector == Self.tokenToToken ? "fillQuoteTokenToToken" : "fillQuoteTokenToTokenWithPermit"
            (sold, bought) = (try arguments.address(0, field: "sellTokenAddress"), try arguments.address(1, field: "buyTokenAddress"))
            (targetWord, dataWord) = (2, 3)
            (amountSold, innerValue) = (try arguments.uint(4, field: "sellAmount"), call.value)
        default:
            return nil
        }
        let target = try arguments.address(targetWord, field: "target")
        var legs = InnerLegs()
        try legs.add(ContractCall(to: target, data: try arguments.bytes(dataWord, field: "swapCallData"), value: innerValue), inner: inner, budget: &budget)
        if let swap = legs.swap(function: function) { return swap }
        let route = UnknownRoute(aggregator: aggregator, tokenIn: sold, tokenOut: bought, amountIn: amountSold, minAmountOut: nil)
        return DecodedSwap(function: function, legs: [], unknownRoutes: [route])
    }
}
