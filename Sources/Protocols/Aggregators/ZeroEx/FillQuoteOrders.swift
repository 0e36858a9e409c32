import Kernel

/// A FillQuoteTransformer transformation's orders (0xProject/protocol FillQuoteTransformer.sol,
/// `TransformData`: side, sellToken, buyToken, bridgeOrders, limitOrders, rfqOrders,
/// fillSequence, fillAmount, refundReceiver, otcOrders), filled in `fillSequence` order.
///
/// A market sell of a fixed amount fills each order with what is left of the fill amount, at
/// most the order's taker amount. A Uniswap V3 bridge order is the call the bridge adapter
/// makes (MixinUniswapV3: `exactInput` on the order's router with its path, that amount and a
/// least output of 1), classified by the host; its legs keep no recipient or deadline (the
/// flash wallet's, the block's). Other orders, a buy, or a fill amount relative to the balance
/// (the high bit set) are unknown routes. Each bridge order filled spends one call of the budget
/// (a Uniswap V3 order one more, for its router call).
struct FillQuoteOrders {
    /// The entry's name.
    let aggregator: String

    /// BridgeProtocols.UNISWAPV3, the high 128 bits of a bridge order's `source`.
    static let uniswapV3 = UInt256(18)
    /// The fill amount's flag for an amount relative to the balance.
    static let balanceRelative = UInt256.one << 255
    /// Uniswap V3 SwapRouter's `exactInput((path, recipient, deadline, amountIn, amountOutMinimum))`.
    static let exactInput = FunctionSelector.of("exactInput((bytes,address,uint256,uint256,uint256))")
    /// SwapRouter02's `exactInput((path, recipient, amountIn, amountOutMinimum))` (router version 2).
    static let exactInput02 = FunctionSelector.of("exactInput((bytes,address,uint256,uint256))")

    /// Adds the legs and routes of the transformation `data` to `legs`.
    func add(_ data: CalldataReader, to legs: inout InnerLegs, inner: any InnerCallDecoder, budget: inout InnerCallBudget) throws(DecodingError) {
        let transform = try data.dynamicTuple(0, field: "TransformData")
        let sellToken = try transform.address(1, field: "sellToken")
        let buyToken = try transform.address(2, field: "buyToken")
        let fillAmount = try transform.uint(7, field: "fillAmount")
        let (bridgeCount, bridgeOrders) = try transform.array(3, field: "bridgeOrders")
        let (sequenceCount, sequence) = try transform.array(6, field: "fillSequence")
        guard try transform.uint(0, field: "side").isZero, (fillAmount & Self.balanceRelative).isZero else {
            legs.append(UnknownRoute(aggregator: aggregator, tokenIn: sellToken, tokenOut: buyToken, amountIn: nil, minAmountOut: nil))
            return
        }
        var sold = UInt256.zero
        var nextBridge = 0
        for k in 0..<sequenceCount where sold < fillAmount {
            let amount: UInt256
            guard try sequence.uint(k, field: "fillSequence").isZero, nextBridge < bridgeCount else {
                // A native order (limit, RFQ, OTC): another maker's liquidity.
                legs.append(UnknownRoute(aggregator: aggregator, tokenIn: sellToken, tokenOut: buyToken, amountIn: nil, minAmountOut: nil))
                return
            }
            let order = try bridgeOrders.dynamicTuple(nextBridge, field: "bridgeOrder")
            nextBridge += 1
            // Every order is a call the transformer makes: each spends the budget, so a list of
            // thousands ends in `tooDeep` rather than thousands of routes.
            try budget.spendCall(at: try order.bytes(3, field: "bridgeData"))
            let takerAmount = try order.uint(1, field: "takerTokenAmount")
            amount = min(fillAmount - sold, takerAmount)
            sold = sold + amount
            guard try order.uint(0, field: "source") >> 128 == Self.uniswapV3 else {
                legs.append(UnknownRoute(aggregator: aggregator, tokenIn: sellToken, tokenOut: buyToken, amountIn: amount, minAmountOut: nil))
                continue
            }
            let bridgeData = try order.bytes(3, field: "bridgeData")
            try addUniswapV3(CalldataReader(bridgeData, origin: budget.origin), amount: amount, to: &legs, inner: inner, budget: &budget)
        }
    }

    /// The router call of a Uniswap V3 bridge order: `bridgeData` is (router, path) or (router,
    /// path, routerVersion).
    private func addUniswapV3(_ bridgeData: CalldataReader, amount: UInt256, to legs: inout InnerLegs, inner: any InnerCallDecoder,
                              budget: inout InnerCallBudget) throws(DecodingError) {
        let router = try bridgeData.address(0, field: "bridgeData.router")
        let path = try bridgeData.bytes(1, field: "bridgeData.path")
        let version = try bridgeData.uint(1, field: "bridgeData.path") >= UInt256(0x60) ? try bridgeData.uint(2, field: "bridgeData.routerVersion") : .one
        let call = ContractCall(to: router, data: Self.exactInputCall(path: path, amount: amount, version02: version == UInt256(2))[...], value: .zero)
        let swap: DecodedSwap?
        do {
            swap = try inner.decode(call, budget: &budget)
        } catch {
            // The path is the only part of the call not written here.
            throw DecodingError(error.kind, at: bridgeData.offset(ofWord: 1), field: "bridgeData.path")
        }
        guard let swap else { return }
        for var leg in swap.legs {
            leg.recipient = nil
            leg.deadline = nil
            legs.append(leg)
        }
        for route in swap.unknownRoutes { legs.append(route) }
    }

    /// The ABI encoding of `exactInput` with `path`, `amount` and a least output of 1, the
    /// recipient and deadline zero (SwapRouter02's form has no deadline).
    static func exactInputCall(path: ArraySlice<UInt8>, amount: UInt256, version02: Bool) -> [UInt8] {
        var call = FunctionSelector.bytes(version02 ? exactInput02 : exactInput, reservingCapacity: 4 + 8 * 32 + path.count + 31)
        call.appendWord(UInt256(0x20))
        call.appendWord(UInt256(version02 ? 0x80 : 0xa0))
        call.appendWord(UInt256.zero)
        if !version02 { call.appendWord(UInt256.zero) }
        call.appendWord(amount)
        call.appendWord(UInt256.one)
        call.appendDynamicBytes(path)
        return call
    }
}
