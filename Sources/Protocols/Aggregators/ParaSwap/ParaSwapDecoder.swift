import Kernel

/// Decodes calls to Augustus routers by version and selector.
struct ParaSwapDecoder: AggregatorDecoder {
    /// The entry's name, the `dex` of the legs and the `aggregator` of unknown routes.
    let aggregator: String
    /// The version of each router.
    let kinds: [Address: ParaSwapRouterKind]
    /// V6.2's Uniswap V3 factory, where configured.
    let uniswapV3: PoolDeployer?
    /// V6.2's Uniswap V2 factory, where configured.
    let uniswapV2: PoolDeployer?

    func decode(_ call: ContractCall, inner: any InnerCallDecoder, budget: inout InnerCallBudget) throws(DecodingError) -> DecodedSwap? {
        guard let kind = kinds[call.to], let selector = FunctionSelector.leading(call.data) else { return nil }
        let arguments = CalldataReader.arguments(of: call.data, origin: budget.origin)
        switch kind {
        case .v6:
            if let swap = try AugustusV6Call(aggregator: aggregator).decode(selector: selector, arguments) { return swap }
            return try AugustusV6UniswapCall(aggregator: aggregator, uniswapV3: uniswapV3, uniswapV2: uniswapV2).decode(selector: selector, arguments)
        case .v5:
            if let swap = try AugustusV5Call(aggregator: aggregator).decode(selector: selector, arguments, value: call.value, inner: inner, budget: &budget) {
                return swap
            }
            return try AugustusV5DirectUniV3(aggregator: aggregator).decode(selector: selector, arguments, router: call.to, inner: inner, budget: &budget)
        }
    }
}
