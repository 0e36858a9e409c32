import Kernel

/// Augustus V6.2's functions: the direct Curve swaps decoded, the generic executor swap named.
struct AugustusV6Call {
    /// The entry's name.
    let aggregator: String

    /// `swapExactAmountInOnCurveV1((uint256,uint256,address,address,uint256,uint256,uint256,bytes32,address),uint256,bytes)`.
    static let curveV1 = FunctionSelector.of(
        "swapExactAmountInOnCurveV1((uint256,uint256,address,address,uint256,uint256,uint256,bytes32,address),uint256,bytes)")
    /// `swapExactAmountInOnCurveV2((uint256,uint256,uint256,address,address,address,uint256,uint256,uint256,bytes32,address),uint256,bytes)`.
    static let curveV2 = FunctionSelector.of(
        "swapExactAmountInOnCurveV2((uint256,uint256,uint256,address,address,address,uint256,uint256,uint256,bytes32,address),uint256,bytes)")
    /// `swapExactAmountIn(address,(address,address,uint256,uint256,uint256,bytes32,address),uint256,bytes,bytes)`.
    static let generic = FunctionSelector.of(
        "swapExactAmountIn(address,(address,address,uint256,uint256,uint256,bytes32,address),uint256,bytes,bytes)")

    /// Curve's plain `exchange` in `curveData`'s swap-type bits; 1 and 2 are the underlying
    /// coins (through the pool or a zap), which the hop's coin indexes would not describe.
    private static let plainExchange = 0

    /// The swap of a V6.2 call, or nil for another function.
    func decode(selector: UInt32, _ arguments: CalldataReader) throws(DecodingError) -> DecodedSwap? {
        switch selector {
        case Self.curveV1:
            // CurveV1Data inline from word 0: curveData, curveAssets (i high, j low), srcToken,
            // destToken, fromAmount, toAmount, quotedAmount, metadata, beneficiary.
            let curveData = try arguments.uint(0, field: "curveData")
            let assets = try arguments.uint(1, field: "curveAssets")
            guard let i = PackedWord.highHalf(assets), let j = PackedWord.lowHalf(assets) else {
                throw DecodingError(.tooLarge, at: arguments.offset(ofWord: 1), field: "curveAssets")
            }
            return try curve("swapExactAmountInOnCurveV1", curveData: curveData, i: i, j: j, arguments, firstToken: 2)
        case Self.curveV2:
            // CurveV2Data inline from word 0: curveData, i, j, poolAddress, then as V1 from srcToken.
            let curveData = try arguments.uint(0, field: "curveData")
            guard let i = try arguments.uint(1, field: "i").intValue, let j = try arguments.uint(2, field: "j").intValue else {
                throw DecodingError(.tooLarge, at: arguments.offset(ofWord: 1), field: "i")
            }
            return try curve("swapExactAmountInOnCurveV2", curveData: curveData, i: i, j: j, arguments, firstToken: 4)
        case Self.generic:
            // GenericData inline from word 1: srcToken, destToken, fromAmount, toAmount.
            let route = UnknownRoute(
                aggregator: aggregator, tokenIn: try arguments.address(1, field: "srcToken"), tokenOut: try arguments.address(2, field: "destToken"),
                amountIn: try arguments.uint(3, field: "fromAmount"), minAmountOut: try arguments.uint(4, field: "toAmount"))
            return DecodedSwap(function: "swapExactAmountIn", legs: [], unknownRoutes: [route])
        default:
            return nil
        }
    }

    /// A one-hop leg through the Curve pool in `curveData`, or an unknown route for the
    /// underlying-coin swap types; `firstToken` is the word of `srcToken`.
    private func curve(_ function: String, curveData: UInt256, i: Int, j: Int, _ arguments: CalldataReader, firstToken: Int) throws(DecodingError) -> DecodedSwap {
        let tokenIn = try arguments.address(firstToken, field: "srcToken")
        let tokenOut = try arguments.address(firstToken + 1, field: "destToken")
        let amountIn = try arguments.uint(firstToken + 2, field: "fromAmount")
        let minimumOut = try arguments.uint(firstToken + 3, field: "toAmount")
        let beneficiary = try arguments.address(firstToken + 6, field: "beneficiary")
        guard PackedWord.bits(curveData, from: 163, count: 2) == Self.plainExchange else {
            let route = UnknownRoute(aggregator: aggregator, tokenIn: tokenIn, tokenOut: tokenOut, amountIn: amountIn, minAmountOut: minimumOut)
            return DecodedSwap(function: function, legs: [], unknownRoutes: [route])
        }
        let hop = SwapHop(tokenIn: tokenIn, tokenOut: tokenOut, pool: .coins(PackedWord.address(curveData), i: i, j: j))
        let leg = SwapLeg(dex: aggregator, hops: [hop], amount: .exactIn(amountIn), limit: minimumOut, recipient: beneficiary, deadline: nil)
        return DecodedSwap(function: function, legs: [leg])
    }
}
