import Kernel

/// Augustus V5's `directUniV3Swap`/`directUniV3Buy(DirectUniV3)` (paraswap augustus-v5
/// `DirectSwap.sol`, `Utils.DirectUniV3`: fromToken, toToken, exchange, fromAmount, toAmount,
/// expectedAmount, feePercent, deadline, partner, isApproved, beneficiary, path, permit, uuid).
///
/// The router calls the Uniswap V3 SwapRouter `exchange` itself: `exactInput((path, router,
/// deadline, amount, 1))` for a sell, where the amount is `fromAmount` less the partner's fee
/// when it is taken from the source token, or `exactOutput((path, router, deadline, toAmount,
/// 2^256 - 1))` for a buy. That call goes to the host; the user's bound (`toAmount` for a sell,
/// `fromAmount` for a buy) is the limit of its leg. Unrecognised: an unknown route with the pair.
struct AugustusV5DirectUniV3 {
    /// The entry's name.
    let aggregator: String

    /// Utils.DirectUniV3.
    static let directUniV3 = "(address,address,address,uint256,uint256,uint256,uint256,uint256,address,bool,address,bytes,bytes,bytes16)"
    /// `directUniV3Swap(DirectUniV3)`.
    static let swap = FunctionSelector.of("directUniV3Swap(\(directUniV3))")
    /// `directUniV3Buy(DirectUniV3)`.
    static let buy = FunctionSelector.of("directUniV3Buy(\(directUniV3))")
    /// SwapRouter's `exactInput((path, recipient, deadline, amountIn, amountOutMinimum))`.
    static let exactInput = FunctionSelector.of("exactInput((bytes,address,uint256,uint256,uint256))")
    /// SwapRouter's `exactOutput((path, recipient, deadline, amountOut, amountInMaximum))`.
    static let exactOutput = FunctionSelector.of("exactOutput((bytes,address,uint256,uint256,uint256))")
    /// The router's name for native ETH.
    static let eth = Address(high32: 0xEEEE_EEEE, middle64: 0xEEEE_EEEE_EEEE_EEEE, low64: 0xEEEE_EEEE_EEEE_EEEE)
    /// DirectSwap's `maxFeePercent` on Arbitrum One (its constructor argument, 500 basis points:
    /// paraswap augustus-v5 deployments/arbitrum/DirectSwap.json).
    static let maxFeeBasisPoints = UInt256(500)

    /// The swap of a direct Uniswap V3 call to `router`, or nil for another function.
    func decode(selector: UInt32, _ arguments: CalldataReader, router: Address, inner: any InnerCallDecoder,
                budget: inout InnerCallBudget) throws(DecodingError) -> DecodedSwap? {
        let sell: Bool
        switch selector {
        case Self.swap: sell = true
        case Self.buy: sell = false
        default: return nil
        }
        let data = try arguments.dynamicTuple(0, field: "data")
        let fromToken = try data.address(0, field: "fromToken")
        let toToken = try data.address(1, field: "toToken")
        let exchange = try data.address(2, field: "exchange")
        let fromAmount = try data.uint(3, field: "fromAmount")
        let toAmount = try data.uint(4, field: "toAmount")
        let deadline = try data.uint(7, field: "deadline")
        let path = try data.bytes(11, field: "path")
        let amount = sell ? try Self.soldAmount(fromAmount, feePercent: data.uint(6, field: "feePercent"), partner: data.address(8, field: "partner"),
                                                at: data.offset(ofWord: 3))
                          : toAmount
        let call = ContractCall(to: exchange, data: Self.routerCall(sell: sell, path: path, recipient: router, deadline: deadline, amount: amount)[...], value: .zero)
        let inside: DecodedSwap?
        do {
            inside = try inner.decode(call, budget: &budget)
        } catch {
            // The path is the only part of the router call not written here.
            throw DecodingError(error.kind, at: data.offset(ofWord: 11), field: "path")
        }
        let function = sell ? "directUniV3Swap" : "directUniV3Buy"
        guard var swap = inside, !swap.legs.isEmpty else {
            let route = UnknownRoute(aggregator: aggregator, tokenIn: fromToken, tokenOut: toToken, amountIn: sell ? fromAmount : nil, minAmountOut: toAmount)
            return DecodedSwap(function: function, legs: [], unknownRoutes: (inside?.unknownRoutes ?? []) + [route])
        }
        swap.function = function
        if sell, let last = swap.legs.indices.last, toToken == Self.eth || swap.legs[last].tokenOut == toToken {
            swap.legs[last].limit = toAmount
        }
        if !sell, let first = swap.legs.indices.first, fromToken == Self.eth || swap.legs[first].tokenIn == fromToken {
            swap.legs[first].limit = fromAmount
        }
        return swap
    }

    /// What a sell swaps: `fromAmount` less the fixed fee DirectSwap takes from the source token
    /// (FeeModel: a versioned `feePercent` with bit 15 set and a partner; the fee's basis points
    /// the low 14 bits, at most `maxFeePercent`); `offset` is `fromAmount`'s, for the error of a
    /// fee the router's SafeMath would refuse.
    static func soldAmount(_ fromAmount: UInt256, feePercent: UInt256, partner: Address, at offset: Int) throws(DecodingError) -> UInt256 {
        guard partner != .zero, !(feePercent >> 248).isZero, !(feePercent & UInt256(1 << 15)).isZero else { return fromAmount }
        let basisPoints = min(feePercent & UInt256(0x3FFF), maxFeeBasisPoints)
        let (product, overflow) = fromAmount.multipliedReportingOverflow(by: basisPoints)
        // SafeMath's mul reverts on overflow: the call cannot succeed.
        guard !overflow else { throw DecodingError(.tooLarge, at: offset, field: "fromAmount") }
        return fromAmount - product / UInt256(10_000)
    }

    /// The ABI encoding of the router call DirectSwap makes.
    static func routerCall(sell: Bool, path: ArraySlice<UInt8>, recipient: Address, deadline: UInt256, amount: UInt256) -> [UInt8] {
        var call = FunctionSelector.bytes(sell ? exactInput : exactOutput, reservingCapacity: 4 + 8 * 32 + path.count + 31)
        call.appendWord(UInt256(0x20))
        call.appendWord(UInt256(0xa0))
        call.appendWord(recipient)
        call.appendWord(deadline)
        call.appendWord(amount)
        call.appendWord(sell ? UInt256.one : UInt256.max)
        call.appendDynamicBytes(path)
        return call
    }
}
