import Kernel

/// Where a private-route function keeps the public part of its swap: the words of the token in,
/// the token out, the amount in and the least amount out, in its arguments or in a tuple among
/// them. Aggregators whose executors' payloads are private (1inch, MetaMask's adapters) pass such
/// a description for the router to check the result against.
struct RouteDescription: Sendable {
    /// The function's name, for the decoded swap.
    let function: String
    /// The function's selector.
    let selector: UInt32
    /// The head words leading from the arguments to the description: each an offset to a dynamic
    /// tuple; empty when the words below are the arguments' own (or an inline tuple's).
    let tuplePath: [Int]
    /// The word of the token sold.
    let tokenIn: Int
    /// The word of the token bought, nil where the call does not name it.
    let tokenOut: Int?
    /// The word of the amount sold.
    let amountIn: Int
    /// The word of the least amount bought, nil where the call has none.
    let minAmountOut: Int?

    /// The unknown route `arguments` describe, for `aggregator`.
    func route(_ arguments: CalldataReader, aggregator: String) throws(DecodingError) -> DecodedSwap {
        var tuple = arguments
        for word in tuplePath { tuple = try tuple.dynamicTuple(word, field: "description") }
        let route = UnknownRoute(
            aggregator: aggregator,
            tokenIn: try tuple.address(tokenIn, field: "srcToken"),
            tokenOut: try tokenOut.map { (word) throws(DecodingError) in try tuple.address(word, field: "dstToken") },
            amountIn: try tuple.uint(amountIn, field: "amount"),
            minAmountOut: try minAmountOut.map { (word) throws(DecodingError) in try tuple.uint(word, field: "minReturnAmount") })
        return DecodedSwap(function: function, legs: [], unknownRoutes: [route])
    }
}

/// An aggregator whose decoded functions are all private-route descriptions.
struct DescribedRouteDecoder: AggregatorDecoder {
    /// The entry's name.
    let aggregator: String
    /// The entry's routers.
    let routers: RouterAddresses
    /// The functions, by selector.
    let descriptions: [UInt32: RouteDescription]

    /// A decoder for `routers` knowing `descriptions`.
    init(aggregator: String, routers: RouterAddresses, descriptions: [RouteDescription]) {
        self.aggregator = aggregator
        self.routers = routers
        self.descriptions = Dictionary(descriptions.map { ($0.selector, $0) }, uniquingKeysWith: { first, _ in first })
    }

    func decode(_ call: ContractCall, inner: any InnerCallDecoder, budget: inout InnerCallBudget) throws(DecodingError) -> DecodedSwap? {
        guard routers.contains(call.to), let selector = FunctionSelector.leading(call.data), let description = descriptions[selector] else {
            return nil
        }
        return try description.route(CalldataReader.arguments(of: call.data, origin: budget.origin), aggregator: aggregator)
    }
}
