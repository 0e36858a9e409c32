import Kernel

/// Decodes MetaAggregationRouterV2's swaps: `swap(SwapExecutionParams)`, the executor's route
/// where its packed payload names every pool (one leg per sequence), else an unknown route with
/// the description's pair and amounts; `swapGeneric`, whose one call to a whitelisted target the
/// host classifies (an unknown route where it swaps nothing the host reads); `swapSimpleMode`,
/// an unknown route (its sequences are the executor's payloads, each sent to its first pool).
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
    /// `swapGeneric(SwapExecutionParams)`: `callTarget.call{value}(targetData)`, the value the
    /// description's amount when the token sold is ether (`0xEeee…EEeE`).
    static let swapGeneric = FunctionSelector.of(
        "swapGeneric((address,address,bytes,(address,address,address[],uint256[],address[],uint256[],address,uint256,uint256,uint256,bytes),bytes))")
    /// `swapSimpleMode(address caller, SwapDescriptionV2 desc, bytes executorData, bytes clientData)`.
    static let swapSimpleMode = FunctionSelector.of(
        "swapSimpleMode(address,(address,address,address[],uint256[],address[],uint256[],address,uint256,uint256,uint256,bytes),bytes,bytes)")
    /// The description flag of the simple mode, whose `targetData` is an ABI-encoded
    /// SimpleSwapData rather than the executor's payload (not read here).
    static let simpleSwapFlag = UInt256(0x20)

    func decode(_ call: ContractCall, inner: any InnerCallDecoder, budget: inout InnerCallBudget) throws(DecodingError) -> DecodedSwap? {
        guard routers.contains(call.to), let selector = FunctionSelector.leading(call.data) else { return nil }
        let arguments = CalldataReader.arguments(of: call.data, origin: budget.origin)
        switch selector {
        case Self.swap:
            return try executorSwap(arguments.dynamicTuple(0, field: "execution"))
        case Self.swapGeneric:
            return try genericSwap(arguments.dynamicTuple(0, field: "execution"), inner: inner, budget: &budget)
        case Self.swapSimpleMode:
            return DecodedSwap(function: "swapSimpleMode", legs: [], unknownRoutes: [try route(arguments.dynamicTuple(1, field: "desc"))])
        default:
            return nil
        }
    }

    /// The unknown route a description names: its pair, amount and least return.
    private func route(_ description: CalldataReader) throws(DecodingError) -> UnknownRoute {
        UnknownRoute(
            aggregator: aggregator, tokenIn: try description.address(0, field: "srcToken"), tokenOut: try description.address(1, field: "dstToken"),
            amountIn: try description.uint(7, field: "amount"), minAmountOut: try description.uint(8, field: "minReturnAmount"))
    }

    /// `swapGeneric`: the target's call, classified by the host, with the user's least return on a
    /// last leg that pays the token bought; the description's route where the call swaps nothing.
    private func genericSwap(_ params: CalldataReader, inner: any InnerCallDecoder, budget: inout InnerCallBudget) throws(DecodingError) -> DecodedSwap {
        let description = try params.dynamicTuple(3, field: "desc")
        let unknown = try route(description)
        let value = unknown.tokenIn == ArbitrumOne.nativeETHPlaceholder ? unknown.amountIn ?? .zero : .zero
        let target = ContractCall(to: try params.address(0, field: "callTarget"), data: try params.bytes(2, field: "targetData"), value: value)
        var legs = InnerLegs()
        try legs.add(target, inner: inner, budget: &budget)
        return legs.swap(function: "swapGeneric", leastOut: unknown.minAmountOut, paying: unknown.tokenOut)
            ?? DecodedSwap(function: "swapGeneric", legs: [], unknownRoutes: [unknown])
    }

    /// `swap`: the executor's payload where it names every pool, else the description's route.
    private func executorSwap(_ params: CalldataReader) throws(DecodingError) -> DecodedSwap {
        let targetData = try params.bytes(2, field: "targetData")
        let description = try params.dynamicTuple(3, field: "desc")
        let unknown = try route(description)
        let minimumOut = unknown.minAmountOut ?? .zero
        let flags = try description.uint(9, field: "flags")
        guard (flags & Self.simpleSwapFlag).isZero, let route = KyberExecutorRoute(targetData),
              Self.agrees(route.tokenIn, with: unknown.tokenIn), Self.agrees(route.tokenOut, with: unknown.tokenOut),
              let legs = legs(route, minimumOut: minimumOut)
        else {
            return DecodedSwap(function: "swap", legs: [], unknownRoutes: [unknown])
        }
        return DecodedSwap(function: "swap", legs: legs)
    }

    /// Whether the executor payload's token `executor` can be the description's `described`:
    /// the same token, or any where the description names ether (`0xEeee…EEeE`: which token the
    /// executor then writes is not sourced). A payload naming another pair is not a route in the
    /// layout read here (a newer executor's payload can parse as one, docs/adr/0010), and is
    /// refused rather than applied to pools it does not name.
    private static func agrees(_ executor: Address, with described: Address?) -> Bool {
        described == nil || described == executor || described == ArbitrumOne.nativeETHPlaceholder
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
