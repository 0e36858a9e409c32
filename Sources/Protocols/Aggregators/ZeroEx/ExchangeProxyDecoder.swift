import Kernel

/// Decodes the Exchange Proxy's meta-transactions (their call to the proxy itself, through the
/// host), `transformERC20` (its FillQuoteTransformer transformations) and the UniswapV3Feature's
/// sells.
struct ExchangeProxyDecoder: AggregatorDecoder {
    /// The entry's name.
    let aggregator: String
    /// The Exchange Proxies.
    let proxies: RouterAddresses
    /// The deployment nonces that name a FillQuoteTransformer.
    let fillQuoteNonces: TransformerNonces
    /// The UniswapV3Feature's sells.
    let uniswapV3: UniswapV3FeatureCall

    /// `transformERC20(inputToken, outputToken, inputTokenAmount, minOutputTokenAmount, (uint32 deploymentNonce, bytes data)[])`.
    static let transformERC20 = FunctionSelector.of("transformERC20(address,address,uint256,uint256,(uint32,bytes)[])")
    /// `executeMetaTransaction(MetaTransactionData, Signature)`: callData is the data's word 6.
    static let metaTransaction = FunctionSelector.of(
        "executeMetaTransaction((address,address,uint256,uint256,uint256,uint256,bytes,uint256,address,uint256),(uint8,uint8,bytes32,bytes32))")
    /// `executeMetaTransactionV2(MetaTransactionDataV2, Signature)`: callData is the data's word 4.
    static let metaTransactionV2 = FunctionSelector.of(
        "executeMetaTransactionV2((address,address,uint256,uint256,bytes,address,(address,uint256)[]),(uint8,uint8,bytes32,bytes32))")

    func decode(_ call: ContractCall, inner: any InnerCallDecoder, budget: inout InnerCallBudget) throws(DecodingError) -> DecodedSwap? {
        guard proxies.contains(call.to), let selector = FunctionSelector.leading(call.data) else { return nil }
        let arguments = CalldataReader.arguments(of: call.data, origin: budget.origin)
        switch selector {
        case Self.metaTransaction, Self.metaTransactionV2:
            let word = selector == Self.metaTransaction ? 6 : 4
            let data = try arguments.dynamicTuple(0, field: "mtx").bytes(word, field: "mtx.callData")
            var legs = InnerLegs()
            try legs.add(ContractCall(to: call.to, data: data, value: call.value), inner: inner, budget: &budget)
            return legs.swap(function: selector == Self.metaTransaction ? "executeMetaTransaction" : "executeMetaTransactionV2")
        case Self.transformERC20:
            return try transform(arguments, inner: inner, budget: &budget)
        default:
            return try uniswapV3.decode(selector: selector, arguments, value: call.value)
        }
    }

    /// The legs of the FillQuoteTransformer transformations, the user's minimum on a last leg
    /// that pays the output token; an unknown route with the call's pair and amounts where none
    /// of them gives a leg.
    private func transform(_ arguments: CalldataReader, inner: any InnerCallDecoder, budget: inout InnerCallBudget) throws(DecodingError) -> DecodedSwap {
        let outputToken = try arguments.address(1, field: "outputToken")
        let minimumOut = try arguments.uint(3, field: "minOutputTokenAmount")
        let (count, transformations) = try arguments.array(4, field: "transformations")
        var legs = InnerLegs()
        for k in 0..<count {
            let transformation = try transformations.dynamicTuple(k, field: "transformation")
            let nonce = try transformation.uint(0, bits: 32, field: "deploymentNonce")
            guard let nonce = nonce.uint64Value, fillQuoteNonces.isFillQuote(nonce) else { continue }
            let data = try transformation.bytes(1, field: "transformation.data")
            try FillQuoteOrders(aggregator: aggregator).add(CalldataReader(data, origin: budget.origin), to: &legs, inner: inner, budget: &budget)
        }
        if let swap = legs.swap(function: "transformERC20", leastOut: minimumOut, paying: outputToken) { return swap }
        let route = UnknownRoute(aggregator: aggregator, tokenIn: try arguments.address(0, field: "inputToken"), tokenOut: outputToken,
                                 amountIn: try arguments.uint(2, field: "inputTokenAmount"), minAmountOut: minimumOut)
        return DecodedSwap(function: "transformERC20", legs: [], unknownRoutes: [route])
    }
}
