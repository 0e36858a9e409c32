import Kernel

/// OpenOcean's exchange (Arbitrum One `0x6352a56caadC4F1E25CD6c75970Fa768A3304e64`, kind
/// `exchange`).
///
/// Its `swap(caller, desc, calls)` list runs through OpenOceanCaller's own functions (targets
/// of zero call the caller itself with selectors of its private helpers), not through DEX
/// routers: an unknown route with the description's pair and amounts (docs/adr/0010).
public struct OpenOceanPlugin: AggregatorPlugin {
    /// `openocean`.
    public static let name = "openocean"
    /// `exchange`.
    public static let routerKinds: Set<String> = ["exchange"]

    /// The decoder for the entry's routers.
    public let decoder: any AggregatorDecoder

    /// `swap(address caller, SwapDescription desc, CallDescription[] calls)`: desc a dynamic
    /// tuple at word 1 (srcToken, dstToken, srcReceiver, dstReceiver, amount, minReturnAmount, …).
    static let descriptions = [
        RouteDescription(
            function: "swap",
            selector: FunctionSelector.of(
                "swap(address,(address,address,address,address,uint256,uint256,uint256,uint256,address,bytes),(uint256,uint256,uint256,bytes)[])"),
            tuplePath: [1], tokenIn: 0, tokenOut: 1, amountIn: 4, minAmountOut: 5)
    ]

    /// Builds the plugin; throws for a router kind it does not know.
    public init(entry: DEXEntry) throws(PluginConfigError) {
        decoder = DescribedRouteDecoder(aggregator: entry.name, routers: try routerAddresses(entry, kinds: Self.routerKinds), descriptions: Self.descriptions)
    }
}
