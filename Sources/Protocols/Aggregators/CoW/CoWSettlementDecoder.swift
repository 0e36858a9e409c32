import Kernel

/// Decodes `settle(address[] tokens, uint256[] clearingPrices, Trade[] trades, Interaction[][3] interactions)`.
struct CoWSettlementDecoder: AggregatorDecoder {
    /// The entry's name.
    let aggregator: String
    /// The settlement contracts.
    let settlements: RouterAddresses

    /// `settle(...)` with GPv2Trade.Data and GPv2Interaction.Data as tuples.
    static let settle = FunctionSelector.of(
        "settle(address[],uint256[],(uint256,uint256,address,uint256,uint256,uint32,bytes32,uint256,uint256,uint256,bytes)[],(address,uint256,bytes)[][3])")

    func decode(_ call: ContractCall, inner: any InnerCallDecoder, budget: inout InnerCallBudget) throws(DecodingError) -> DecodedSwap? {
        guard settlements.contains(call.to), FunctionSelector.leading(call.data) == Self.settle else { return nil }
        let arguments = CalldataReader.arguments(of: call.data, origin: budget.origin)
        let groups = try arguments.dynamicTuple(3, field: "interactions")
        var legs = InnerLegs()
        for group in 0..<3 {
            let (count, interactions) = try groups.array(group, field: "interactions")
            for k in 0..<count {
                let interaction = try interactions.dynamicTuple(k, field: "interaction")
                let innerCall = ContractCall(
                    to: try interaction.address(0, field: "target"), data: try interaction.bytes(2, field: "callData"),
                    value: try interaction.uint(1, field: "value"))
                try legs.add(innerCall, inner: inner, budget: &budget)
            }
        }
        if let swap = legs.swap(function: "settle") { return swap }
        return try tradesAsUnknownRoutes(arguments)
    }

    /// One unknown route per trade, its tokens looked up in `tokens`; nil for a settlement
    /// without trades.
    private func tradesAsUnknownRoutes(_ arguments: CalldataReader) throws(DecodingError) -> DecodedSwap? {
        let (tokenCount, tokens) = try arguments.array(0, field: "tokens")
        let (tradeCount, trades) = try arguments.array(2, field: "trades")
        guard tradeCount > 0 else { return nil }
        var routes: [UnknownRoute] = []
        routes.reserveCapacity(tradeCount)
        for k in 0..<tradeCount {
            let trade = try trades.dynamicTuple(k, field: "trade")
            guard let sell = try trade.uint(0, field: "sellTokenIndex").intValue, let buy = try trade.uint(1, field: "buyTokenIndex").intValue,
                  sell < tokenCount, buy < tokenCount else {
                throw DecodingError(.invalidValue, at: trade.offset(ofWord: 0), field: "sellTokenIndex")
            }
            routes.append(UnknownRoute(
                aggregator: aggregator, tokenIn: try tokens.address(sell, field: "tokens"), tokenOut: try tokens.address(buy, field: "tokens"),
                amountIn: try trade.uint(3, field: "sellAmount"), minAmountOut: try trade.uint(4, field: "buyAmount")))
        }
        return DecodedSwap(function: "settle", legs: [], unknownRoutes: routes)
    }
}
