import Kernel

/// Decodes calls to 1inch's routers: the executor swaps of every version as unknown routes, then
/// V5's and V6's direct forms.
struct OneInchDecoder: AggregatorDecoder {
    /// The entry's name.
    let aggregator: String
    /// The V4 routers (and forks).
    let v4: RouterAddresses
    /// The V5 routers.
    let v5: RouterAddresses
    /// The V6 routers.
    let v6: RouterAddresses
    /// The generic `swap` functions, by selector.
    let executorSwaps: [UInt32: RouteDescription]
    /// V5's direct forms.
    let v5Calls: UnoswapV5Call
    /// V6's direct forms.
    let v6Calls: UnoswapV6Call

    func decode(_ call: ContractCall, inner: any InnerCallDecoder, budget: inout InnerCallBudget) throws(DecodingError) -> DecodedSwap? {
        guard let selector = FunctionSelector.leading(call.data) else { return nil }
        let arguments = CalldataReader.arguments(of: call.data, origin: budget.origin)
        if v4.contains(call.to) {
            return selector == OneInchPlugin.v4Description.selector ? try OneInchPlugin.v4Description.route(arguments, aggregator: aggregator) : nil
        }
        let isV6 = v6.contains(call.to)
        guard isV6 || v5.contains(call.to) else { return nil }
        if let description = executorSwaps[selector] {
            return try description.route(arguments, aggregator: aggregator)
        }
        if isV6 { return try v6Calls.decode(selector: selector, arguments, value: call.value) }
        return try v5Calls.decode(selector: selector, arguments, value: call.value)
    }
}

/// The one leg of a direct form: `hops` in order from `tokenIn` (where the call names it) to
/// `tokenOut` (where the router unwraps WETH after the last pool), `amount` in and the user's
/// `minReturn` as its limit.
func oneInchDirectSwap(_ function: String, aggregator: String, hops: [SwapHop], tokenIn: Address?, tokenOut: Address?,
                       amount: UInt256, minReturn: UInt256, recipient: Address?) -> DecodedSwap {
    var hops = hops
    if !hops.isEmpty {
        hops[0].tokenIn = tokenIn
        hops[hops.count - 1].tokenOut = tokenOut
    }
    let leg = SwapLeg(dex: aggregator, hops: hops, amount: .exactIn(amount), limit: minReturn, recipient: recipient, deadline: nil)
    return DecodedSwap(function: function, legs: [leg])
}
