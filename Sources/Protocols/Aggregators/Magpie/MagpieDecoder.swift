import Kernel

/// Decodes MagpieRouterV3's swaps (`swapWithMagpieSignature(bytes)`,
/// `swapWithUserSignature(bytes)`: one program, docs/adr/0010): one leg through the pools of
/// its `MagpieRoute`, exact input of the header's amount in, with the header's least output,
/// recipient and deadline; where the program's swaps are not such a chain (another DEX kind,
/// a split), an unknown route with the header's pair and amounts. Ether is `wrappedNative` in
/// the legs and the zero address in an unknown route.
///
/// Only the route's first token (the asset sold) and each V3 hop's (its callback's token) are
/// written in the program; a hop's token out is the next hop's token in where that is known,
/// the asset bought for the last.
struct MagpieDecoder: AggregatorDecoder {
    /// The entry's name.
    let aggregator: String
    /// The routers.
    let routers: RouterAddresses
    /// The router's WETH: the token of the pools when the asset is ether.
    let wrappedNative: Address

    static let magpieSigned = FunctionSelector.of("swapWithMagpieSignature(bytes)")
    static let userSigned = FunctionSelector.of("swapWithUserSignature(bytes)")

    func decode(_ call: ContractCall, inner: any InnerCallDecoder, budget: inout InnerCallBudget) throws(DecodingError) -> DecodedSwap? {
        guard routers.contains(call.to), let selector = FunctionSelector.leading(call.data) else { return nil }
        let function: String
        switch selector {
        case Self.magpieSigned: function = "swapWithMagpieSignature"
        case Self.userSigned: function = "swapWithUserSignature"
        default: return nil
        }
        let calldata = MagpieCalldata(bytes: call.data)
        let program = try MagpieProgram(calldata, origin: budget.origin)
        guard let route = MagpieRoute(program, calldata: calldata) else {
            let unknown = UnknownRoute(aggregator: aggregator, tokenIn: program.assetIn, tokenOut: program.assetOut,
                                       amountIn: program.amountIn, minAmountOut: program.amountOutMin)
            return DecodedSwap(function: function, legs: [], unknownRoutes: [unknown])
        }
        let tokenIn = program.assetIn == .zero ? wrappedNative : program.assetIn
        let tokenOut = program.assetOut == .zero ? wrappedNative : program.assetOut
        var hops: [SwapHop] = []
        hops.reserveCapacity(route.hops.count)
        for (index, hop) in route.hops.enumerated() {
            let paidIn = index == 0 ? tokenIn : hop.tokenIn
            let paidOut = index + 1 < route.hops.count ? route.hops[index + 1].tokenIn : tokenOut
            hops.append(SwapHop(tokenIn: paidIn, tokenOut: paidOut, pool: .pool(hop.pool, zeroForOne: hop.zeroForOne), sqrtPriceLimitX96: hop.sqrtPriceLimitX96))
        }
        let leg = SwapLeg(dex: aggregator, hops: hops, amount: .exactIn(program.amountIn), limit: program.amountOutMin,
                          recipient: program.recipient, deadline: program.deadline)
        return DecodedSwap(function: function, legs: [leg])
    }
}
