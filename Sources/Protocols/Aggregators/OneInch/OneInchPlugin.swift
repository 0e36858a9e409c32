import Kernel

/// 1inch AggregationRouter V5 (Arbitrum One `0x1111111254EEB25477B68fb85Ed929f73A960582`, kind
/// `aggregation-router-v5`) and V6 (`0x111111125421cA6dc452d289314280a0f8842A65`, kind
/// `aggregation-router-v6`).
///
/// Their generic `swap(executor, desc, …)` runs the route in the executor's own bytecode-level
/// encoding, not a public ABI: it is an unknown route with the description's pair and amounts.
/// The direct `unoswap`/`uniswapV3Swap` forms are not decoded yet (docs/adr/0010).
public struct OneInchPlugin: AggregatorPlugin {
    /// `1inch`.
    public static let name = "1inch"
    /// `aggregation-router-v5` and `aggregation-router-v6`.
    public static let routerKinds: Set<String> = ["aggregation-router-v5", "aggregation-router-v6"]

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

    /// Builds the plugin; throws for a router kind it does not know.
    public init(entry: DEXEntry) throws(PluginConfigError) {
        decoder = DescribedRouteDecoder(aggregator: entry.name, routers: try routerAddresses(entry, kinds: Self.routerKinds), descriptions: Self.descriptions)
    }
}
