import Kernel

/// AggregationRouterV5's direct forms (1inch's verified `UnoswapRouter.sol` and
/// `UnoswapV3Router.sol`): a `uint256[] pools` whose words each hold a pool's address in the low
/// 160 bits and, in bit 255, the direction (set: token1 in). `unoswap*` goes through Uniswap
/// V2-like pairs (bits 160-191: the router's fee numerator; bit 254 of the last pair: unwrap
/// WETH), with the token sold written (0 for ETH, wrapped first); `uniswapV3Swap*` through
/// Uniswap V3 pools (bit 253 of the last pool: unwrap WETH), ETH sent wrapped first.
struct UnoswapV5Call {
    /// The entry's name.
    let aggregator: String
    /// The router's WETH: the token in when ETH is paid.
    let wrappedNative: Address

    /// `unoswap(address srcToken, uint256 amount, uint256 minReturn, uint256[] pools)`.
    static let unoswap = FunctionSelector.of("unoswap(address,uint256,uint256,uint256[])")
    /// `unoswapTo(address recipient, address srcToken, uint256 amount, uint256 minReturn, uint256[] pools)`.
    static let unoswapTo = FunctionSelector.of("unoswapTo(address,address,uint256,uint256,uint256[])")
    /// `unoswapToWithPermit(…, uint256[] pools, bytes permit)`: `unoswapTo`'s arguments and a permit.
    static let unoswapToWithPermit = FunctionSelector.of("unoswapToWithPermit(address,address,uint256,uint256,uint256[],bytes)")
    /// `uniswapV3Swap(uint256 amount, uint256 minReturn, uint256[] pools)`.
    static let uniswapV3Swap = FunctionSelector.of("uniswapV3Swap(uint256,uint256,uint256[])")
    /// `uniswapV3SwapTo(address recipient, uint256 amount, uint256 minReturn, uint256[] pools)`.
    static let uniswapV3SwapTo = FunctionSelector.of("uniswapV3SwapTo(address,uint256,uint256,uint256[])")
    /// `uniswapV3SwapToWithPermit(address recipient, address srcToken, uint256 amount, uint256 minReturn, uint256[] pools, bytes permit)`.
    static let uniswapV3SwapToWithPermit = FunctionSelector.of("uniswapV3SwapToWithPermit(address,address,uint256,uint256,uint256[],bytes)")

    /// The pool families of the two router parts, by the bit that asks to unwrap WETH after the
    /// last pool.
    private enum Family: Int {
        /// UnoswapRouter's pairs: `_WETH_MASK`.
        case pairs = 254
        /// UnoswapV3Router's pools: `_WETH_UNWRAP_MASK`.
        case uniswapV3 = 253
    }

    /// The swap of a V5 direct form, or nil for another function.
    func decode(selector: UInt32, _ arguments: CalldataReader, value: UInt256) throws(DecodingError) -> DecodedSwap? {
        switch selector {
        case Self.unoswap:
            return try unoswap("unoswap", arguments, tokenWord: 0, recipient: nil)
        case Self.unoswapTo:
            return try unoswap("unoswapTo", arguments, tokenWord: 1, recipient: arguments.address(0, field: "recipient"))
        case Self.unoswapToWithPermit:
            _ = try arguments.bytes(5, field: "permit")
            return try unoswap("unoswapToWithPermit", arguments, tokenWord: 1, recipient: arguments.address(0, field: "recipient"))
        case Self.uniswapV3Swap:
            return try route("uniswapV3Swap", arguments, family: .uniswapV3, amountWord: 0, tokenIn: value.isZero ? nil : wrappedNative, recipient: nil)
        case Self.uniswapV3SwapTo:
            return try route("uniswapV3SwapTo", arguments, family: .uniswapV3, amountWord: 1, tokenIn: value.isZero ? nil : wrappedNative,
                             recipient: arguments.address(0, field: "recipient"))
        case Self.uniswapV3SwapToWithPermit:
            _ = try arguments.bytes(5, field: "permit")
            return try route("uniswapV3SwapToWithPermit", arguments, family: .uniswapV3, amountWord: 2,
                             tokenIn: arguments.address(1, field: "srcToken"), recipient: arguments.address(0, field: "recipient"))
        default:
            return nil
        }
    }

    /// An `unoswap*` form: the token sold at `tokenWord` (the zero address for ETH), then the
    /// amount, the least return and the pools.
    private func unoswap(_ function: String, _ arguments: CalldataReader, tokenWord: Int, recipient: Address?) throws(DecodingError) -> DecodedSwap {
        let token = try arguments.address(tokenWord, field: "srcToken")
        return try route(function, arguments, family: .pairs, amountWord: tokenWord + 1, tokenIn: token == .zero ? wrappedNative : token, recipient: recipient)
    }

    /// The leg of the amount at `amountWord`, the least return after it and the pools after that;
    /// `invalidValue` for no pools (the router refuses them).
    private func route(_ function: String, _ arguments: CalldataReader, family: Family, amountWord: Int, tokenIn: Address?,
                       recipient: Address?) throws(DecodingError) -> DecodedSwap {
        let amount = try arguments.uint(amountWord, field: "amount")
        let minReturn = try arguments.uint(amountWord + 1, field: "minReturn")
        let (count, pools) = try arguments.array(amountWord + 2, field: "pools")
        guard count > 0 else { throw DecodingError(.invalidValue, at: arguments.offset(ofWord: amountWord + 2), field: "pools") }
        var hops: [SwapHop] = []
        hops.reserveCapacity(count)
        var last = UInt256.zero
        for k in 0..<count {
            last = try pools.uint(k, field: "pools")
            hops.append(SwapHop(tokenIn: nil, tokenOut: nil, pool: .pool(PackedWord.address(last), zeroForOne: !last.bit(255))))
        }
        let tokenOut = last.bit(family.rawValue) ? wrappedNative : nil
        return oneInchDirectSwap(function, aggregator: aggregator, hops: hops, tokenIn: tokenIn, tokenOut: tokenOut,
                                 amount: amount, minReturn: minReturn, recipient: recipient)
    }
}
