import Kernel

/// 1inch AggregationRouter V5 (Arbitrum One `0x1111111254EEB25477B68fb85Ed929f73A960582`, kind
/// `aggregation-router-v5`) and V6 (`0x111111125421cA6dc452d289314280a0f8842A65`, kind
/// `aggregation-router-v6`), and the executor swap of V4 and its forks (kind
/// `aggregation-router-v4`; Firebird's router on Arbitrum One, whose real call in the fixture
/// decodes as V4's `swap` to the pair and amount its receipt shows).
///
/// Their direct forms write the pools in the calldata, each pool a word with its address in the
/// low 160 bits and flags above it, and are decoded into one exact-input leg whose hops name
/// their pools and directions: V5's `unoswap`, `unoswapTo(WithPermit)` (Uniswap V2-like pairs)
/// and `uniswapV3Swap`, `uniswapV3SwapTo(WithPermit)` (Uniswap V3 pools); V6's `unoswap`,
/// `unoswap2`, `unoswap3`, their `To` and `eth` forms (Uniswap V2, Uniswap V3 or Curve pools,
/// the protocol in each pool word's top bits). A V6 Curve pool called through an
/// `exchange_underlying` selector swaps underlying coins, which its coin indexes do not name:
/// such a call is an unknown route with its token in.
///
/// The generic `swap(executor, desc, …)` runs the route in the executor's own bytecode-level
/// encoding, not a public ABI: it is an unknown route with the description's pair and amounts
/// (docs/adr/0010).
public struct OneInchPlugin: AggregatorPlugin {
    /// `1inch`.
    public static let name = "1inch"
    /// `aggregation-router-v4`, `aggregation-router-v5` and `aggregation-router-v6`.
    public static let routerKinds = Set(OneInchRouterKind.allCases.map(\.rawValue))

    /// The decoder for the entry's routers.
    public let decoder: any AggregatorDecoder

    /// `swap(address executor, SwapDescription desc, …)`: the description inline from word 1
    /// (srcToken, dstToken, srcReceiver, dstReceiver, amount, minReturnAmount, flags).
    static let descriptions = [
        RouteDescription(
            function: "swap", selector: FunctionSelector.of("swap(address,(address,address,address,address,uint256,uint256,uint256),bytes,bytes)"),
            tuplePath: [], tokenIn: 1, tokenOut: 2, amountIn: 5, minAmountOut: 6),
        RouteDescription(
            function: "swap", selector: FunctionSelector.of("swap(address,(address,address,address,address,uint256,uint256,uint256),bytes)"),
            tuplePath: [], tokenIn: 1, tokenOut: 2, amountIn: 5, minAmountOut: 6),
    ]

    /// V4's `swap(address caller, SwapDescription desc, bytes data)`: the description (srcToken,
    /// dstToken, srcReceiver, dstReceiver, amount, minReturnAmount, flags, permit) is a dynamic
    /// tuple (it ends in `bytes permit`), reached through the offset in word 1.
    static let v4Description = RouteDescription(
        function: "swap", selector: FunctionSelector.of("swap(address,(address,address,address,address,uint256,uint256,uint256,bytes),bytes)"),
        tuplePath: [1], tokenIn: 0, tokenOut: 1, amountIn: 4, minAmountOut: 5)

    /// Builds the plugin; throws for a router kind it does not know. ETH paid in is read as the
    /// entry's `wrappedNative`, by default Arbitrum One's WETH (the token both routers wrap).
    public init(entry: DEXEntry) throws(PluginConfigError) {
        let kinds = try AggregatorRouters.kinds(of: entry, as: OneInchRouterKind.self)
        let wrappedNative = entry.wrappedNative ?? ArbitrumOne.wrappedNativeToken
        decoder = OneInchDecoder(
            aggregator: entry.name, v4: RouterAddresses(kinds.filter { $0.value == .v4 }.keys),
            v5: RouterAddresses(kinds.filter { $0.value == .v5 }.keys), v6: RouterAddresses(kinds.filter { $0.value == .v6 }.keys),
            executorSwaps: Dictionary(Self.descriptions.map { ($0.selector, $0) }, uniquingKeysWith: { first, _ in first }),
            v5Calls: UnoswapV5Call(aggregator: entry.name, wrappedNative: wrappedNative),
            v6Calls: UnoswapV6Call(aggregator: entry.name, wrappedNative: wrappedNative))
    }
}

/// The AggregationRouter versions.
enum OneInchRouterKind: String, CaseIterable {
    /// AggregationRouterV4 and its forks: the executor swap only.
    case v4 = "aggregation-router-v4"
    /// AggregationRouterV5.
    case v5 = "aggregation-router-v5"
    /// AggregationRouterV6.
    case v6 = "aggregation-router-v6"
}
