import Kernel

/// Decodes MetaAggregationRouterV2's `swap(SwapExecutionParams)`: the executor's route where its
/// packed payload names every pool (one leg per sequence), else an unknown route with the
/// description's pair and amounts.
struct KyberSwapDecoder: AggregatorDecoder {
    /// The entry's name.
    let aggregator: String
    /// The routers.
    let routers: RouterAddresses

    /// `swap((address callTarget, address approveTarget, bytes targetData, SwapDescriptionV2 desc,
    /// bytes clientData))`; desc: srcToken, dstToken, srcReceivers, srcAmounts, feeReceivers,
    /// feeAmounts, dstReceiver, amount, minReturnAmount, flags, permit.
    static let swap = FunctionSelector.of(
        "swap((address,address,bytes,(address,address,address[],uint256[],address[],uint256[],address,uint256,uint256,uint256,bytes),bytes))")
    /// The description flag of the simple mode, whose `targetData` is an ABI-encoded
    /// SimpleSwapData rather than the executor's payload (not read here).
    static let simpleSwapFlag = UInt256(0x20)

    func decode(_ call: ContractCall, inner: any InnerCallDecoder, budget: inout InnerCallBudget) throws(DecodingError) -> DecodedSwap? {
        guard routers.contains(call.to), FunctionSelector.leading(call.data) == Self.swap else { return nil }
        let params = try CalldataReader.arguments(of: call.data, origin: budget.origin).dynamicTuple(0, field: "execution")
        let targetData = try params.bytes(2, field: "targetData")
        let description = try params.dynamicTuple(3, field: "desc")
        let minimumOut = try description.uint(8, field: "minReturnAmount")
        let unknown = UnknownRoute(
            aggregator: aggregator, tokenIn: try description.address(0, field: "srcToken"), tokenOut: try description.address(1, field: "dstToken"),
            amountIn: try description.uint(7, field: "amount"), minAmountOut: minimumOut)
        let flags = try description.uint(9, field: "flags")
        guard (flags & Self.simpleSwapFlag).isZero, let route = KyberExecutorRoute(targetData), let legs = legs(route, minimumOut: minimumOut) else {
            return DecodedSwap(function: "swap", legs: [], unknownRoutes: [unknown])
        }
        return DecodedSwap(function: "swap", legs: legs)
    }

    /// One exact-input leg per sequence, the first hop from the executor's token in and the
    /// last to its token out; the user's minimum on the last leg. Nil for a route without
    /// sequences or a sequence without its amount.
    private func legs(_ route: KyberExecutorRoute, minimumOut: UInt256) -> [SwapLeg]? {
        guard !route.sequences.isEmpty else { return nil }
        var legs: [SwapLeg] = []
        for (k, sequence) in route.sequences.enumerated() {
            guard let amount = sequence.first?.amount else { return nil }
            let hops = sequence.enumerated().map { position, hop in
                SwapHop(tokenIn: position == 0 ? route.tokenIn : nil,
                        tokenOut: position == sequence.count - 1 ? route.tokenOut : hop.tokenOut, pool: .address(hop.pool))
            }
            legs.append(SwapLeg(dex: aggregator, hops: hops, amount: .exactIn(amount),
                                limit: k == route.sequences.count - 1 ? minimumOut : nil, recipient: nil, deadline: nil))
        }
        return legs
    }
}
