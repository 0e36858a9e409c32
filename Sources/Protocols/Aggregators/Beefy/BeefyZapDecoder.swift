import Kernel

/// Decodes BeefyZapRouter's `executeOrder(Order, Step[])` and its Permit2 form
/// `executeOrder(PermitBatchTransferFrom, Order, bytes, Step[])`: each step's call, then the
/// relay's, through the host.
///
/// The router inserts its balance into a step's data where a step token's index is 0 or more
/// (the word at that byte); an exact-input leg of such a step takes what the router holds
/// (`exactInRouterBalance`), not the amount written.
struct BeefyZapDecoder: AggregatorDecoder {
    /// The entry's name.
    let aggregator: String
    /// The routers.
    let routers: RouterAddresses

    /// Order: inputs (token, amount)[], outputs (token, minOutputAmount)[], relay (target, value,
    /// data), user, recipient.
    static let order = "((address,uint256)[],(address,uint256)[],(address,uint256,bytes),address,address)"
    /// Step: target, value, data, tokens (token, int32 index)[].
    static let steps = "(address,uint256,bytes,(address,int32)[])[]"
    /// `executeOrder(Order, Step[])`.
    static let direct = FunctionSelector.of("executeOrder(\(order),\(steps))")
    /// `executeOrder(PermitBatchTransferFrom, Order, bytes signature, Step[])`.
    static let permitted = FunctionSelector.of("executeOrder(((address,uint256)[],uint256,uint256),\(order),bytes,\(steps))")

    func decode(_ call: ContractCall, inner: any InnerCallDecoder, budget: inout InnerCallBudget) throws(DecodingError) -> DecodedSwap? {
        guard routers.contains(call.to), let selector = FunctionSelector.leading(call.data) else { return nil }
        let arguments = CalldataReader.arguments(of: call.data, origin: budget.origin)
        let (orderWord, stepsWord): (Int, Int)
        switch selector {
        case Self.direct: (orderWord, stepsWord) = (0, 1)
        case Self.permitted: (orderWord, stepsWord) = (1, 3)
        default: return nil
        }
        var legs = InnerLegs()
        let (count, steps) = try arguments.array(stepsWord, field: "route")
        for k in 0..<count {
            let step = try steps.dynamicTuple(k, field: "step")
            let stepCall = ContractCall(to: try step.address(0, field: "target"), data: try step.bytes(2, field: "data"), value: try step.uint(1, field: "value"))
            try legs.add(stepCall, inner: inner, budget: &budget, amountFromBalance: try Self.insertsBalance(step))
        }
        let relay = try arguments.dynamicTuple(orderWord, field: "order").dynamicTuple(2, field: "relay")
        let relayTarget = try relay.address(0, field: "relay.target")
        if relayTarget != .zero {
            let relayCall = ContractCall(to: relayTarget, data: try relay.bytes(2, field: "relay.data"), value: try relay.uint(1, field: "relay.value"))
            try legs.add(relayCall, inner: inner, budget: &budget)
        }
        return legs.swap(function: "executeOrder")
    }

    /// Whether the router writes its balance of a token into the step's data.
    private static func insertsBalance(_ step: CalldataReader) throws(DecodingError) -> Bool {
        let (count, tokens) = try step.array(3, field: "step.tokens")
        for k in 0..<count {
            let index = try tokens.int(k * 2 + 1, field: "step.tokens.index")
            if !index.isNegative, try tokens.address(k * 2, field: "step.tokens.token") != .zero { return true }
        }
        return false
    }
}
