import Kernel

/// MetaMask Swaps' router (Arbitrum One `0x9dDA6Ef3D919c9bC8885D5560999A3640431e8e6`, kind
/// `swaps-router`).
///
/// `swap(string aggregatorId, address tokenFrom, uint256 amount, bytes data)` hands `data` to an
/// adapter chosen by `aggregatorId`, each with its own layout (the fixture's wraps a 1inch
/// executor swap): an unknown route with the token sold and the amount (docs/adr/0010).
public struct MetaMaskPlugin: AggregatorPlugin {
    /// `metamask`.
    public static let name = "metamask"
    /// `swaps-router`.
    public static let routerKinds: Set<String> = ["swaps-router"]

    /// The decoder for the entry's routers.
    public let decoder: any AggregatorDecoder

    /// `swap(string,address,uint256,bytes)`.
    static let descriptions = [
        RouteDescription(
            function: "swap", selector: FunctionSelector.of("swap(string,address,uint256,bytes)"),
            tuplePath: [], tokenIn: 1, tokenOut: nil, amountIn: 2, minAmountOut: nil)
    ]

    /// Builds the plugin; throws for a router kind it does not know.
    public init(entry: DEXEntry) throws(PluginConfigError) {
        decoder = DescribedRouteDecoder(aggregator: entry.name, routers: try routerAddresses(entry, kinds: Self.routerKinds), descriptions: Self.descriptions)
    }
}
