import Kernel

/// The Exchange Proxy's UniswapV3Feature (0xProject/protocol `UniswapV3Feature.sol`):
/// `sellTokenForTokenToUniswapV3(path, sellAmount, minBuyAmount, recipient)`,
/// `sellTokenForEthToUniswapV3` (the same arguments) and `sellEthForTokenToUniswapV3(path,
/// minBuyAmount, recipient)`, which sells the ETH sent. The path is Uniswap's packed encoding
/// (token, 3-byte fee, token, …); the feature swaps each hop in the pool it derives by CREATE2
/// from its Uniswap V3 factory (`_toPool`), token in < token out meaning zeroForOne, and
/// refuses a path that is not 20 + 23·k bytes. A sell of 0 swaps nothing (nil). Without the
/// entry's Uniswap V3 factory, an unknown route with the path's ends and the amounts.
struct UniswapV3FeatureCall: Sendable {
    /// The entry's name.
    let aggregator: String
    /// The feature's Uniswap V3 factory, if configured.
    let factory: PoolDeployer?

    /// `sellTokenForTokenToUniswapV3(bytes,uint256,uint256,address)`.
    static let sellTokenForToken = FunctionSelector.of("sellTokenForTokenToUniswapV3(bytes,uint256,uint256,address)")
    /// `sellTokenForEthToUniswapV3(bytes,uint256,uint256,address)`.
    static let sellTokenForEth = FunctionSelector.of("sellTokenForEthToUniswapV3(bytes,uint256,uint256,address)")
    /// `sellEthForTokenToUniswapV3(bytes,uint256,address)`.
    static let sellEthForToken = FunctionSelector.of("sellEthForTokenToUniswapV3(bytes,uint256,address)")

    /// The swap of a UniswapV3Feature call sending `value`, or nil for another function.
    func decode(selector: UInt32, _ arguments: CalldataReader, value: UInt256) throws(DecodingError) -> DecodedSwap? {
        let function: String
        let amount: UInt256
        let minimum: UInt256
        let recipient: Address
        switch selector {
        case Self.sellTokenForToken, Self.sellTokenForEth:
            function = selector == Self.sellTokenForToken ? "sellTokenForTokenToUniswapV3" : "sellTokenForEthToUniswapV3"
            amount = try arguments.uint(1, field: "sellAmount")
            minimum = try arguments.uint(2, field: "minBuyAmount")
            recipient = try arguments.address(3, field: "recipient")
        case Self.sellEthForToken:
            function = "sellEthForTokenToUniswapV3"
            amount = value
            minimum = try arguments.uint(1, field: "minBuyAmount")
            recipient = try arguments.address(2, field: "recipient")
        default:
            return nil
        }
        let path = try arguments.bytes(0, field: "encodedPath")
        guard path.count >= 43, (path.count - 20) % 23 == 0 else {
            throw DecodingError(.wrongLength, at: arguments.offset(of: path.startIndex), field: "encodedPath")
        }
        guard !amount.isZero else { return nil }
        guard let factory else {
            let route = UnknownRoute(aggregator: aggregator, tokenIn: Self.token(path, at: path.startIndex),
                                     tokenOut: Self.token(path, at: path.endIndex - 20), amountIn: amount, minAmountOut: minimum)
            return DecodedSwap(function: function, legs: [], unknownRoutes: [route])
        }
        var hops: [SwapHop] = []
        hops.reserveCapacity((path.count - 20) / 23)
        var start = path.startIndex
        while start + 43 <= path.endIndex {
            guard let tokenIn = Self.token(path, at: start), let tokenOut = Self.token(path, at: start + 23) else {
                throw DecodingError(.invalidValue, at: arguments.offset(of: start), field: "encodedPath")
            }
            let fee = UInt32(path[start + 20]) << 16 | UInt32(path[start + 21]) << 8 | UInt32(path[start + 22])
            let zeroForOne = tokenIn < tokenOut
            hops.append(SwapHop(tokenIn: tokenIn, tokenOut: tokenOut,
                                pool: .pool(factory.uniswapV3Pool(tokenIn, tokenOut, fee: fee), zeroForOne: zeroForOne)))
            start += 23
        }
        let leg = SwapLeg(dex: aggregator, hops: hops, amount: .exactIn(amount), limit: minimum, recipient: recipient, deadline: nil)
        return DecodedSwap(function: function, legs: [leg])
    }

    /// The 20-byte token at `index` of `path`.
    private static func token(_ path: ArraySlice<UInt8>, at index: Int) -> Address? {
        PackedWord.address(in: path, at: index)
    }
}
