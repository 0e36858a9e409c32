import Kernel

/// Decodes calls to Augustus routers by version and selector.
struct ParaSwapDecoder: AggregatorDecoder {
    /// The entry's name, the `dex` of the legs and the `aggregator` of unknown routes.
    let aggregator: String
    /// The version of each router.
    let kinds: [Address: ParaSwapRouterKind]

    func decode(_ call: ContractCall, inner: any InnerCallDecoder, budget: inout InnerCallBudget) throws(DecodingError) -> DecodedSwap? {
        guard let kind = kinds[call.to], let selector = FunctionSelector.leading(call.data) else { return nil }
        let arguments = CalldataReader.arguments(of: call.data, origin: budget.origin)
        switch kind {
        case .v6:
            return try AugustusV6Call(aggregator: aggregator).decode(selector: selector, arguments)
        case .v5:
            return try AugustusV5Call(aggregator: aggregator).decode(selector: selector, arguments, value: call.value, inner: inner, budget: &budget)
        }
    }
}
