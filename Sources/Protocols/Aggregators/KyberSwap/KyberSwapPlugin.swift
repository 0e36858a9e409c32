import Kernel

/// KyberSwap's MetaAggregationRouterV2 (Arbitrum One `0x6131B5fae19EA4f9D964eAc0408E4408b66337b5`,
/// kind `meta-aggregation-router-v2`).
///
/// `swap(SwapExecutionParams)` hands `targetData` to KyberSwap's executor, whose encoding is not
/// a published ABI: an unknown route with the description's pair and amounts (docs/adr/0010).
public struct KyberSwapPlugin: AggregatorPlugin {
    /// `kyberswap`.
    public static let name = "kyberswap"
    /// `meta-aggregation-router-v2`.
    public static let routerKinds: Set<String> = ["meta-aggregation-router-v2"]

    /// The decoder for the entry's routers.
    public let decoder: any AggregatorDecoder

    /// `swap((address callTarget, address approveTarget, bytes targetData, SwapDescriptionV2 desc,
    /// bytes clientData))`: desc (srcToken, dstToken, srcReceivers, srcAmounts, feeReceivers,
    /// feeAmounts, dstReceiver, amount, minReturnAmount, …) a dynamic tuple inside.
    static let descriptions = [
        RouteDescription(
            function: "swap",
            selector: FunctionSelector.of(
                "swap((address,address,bytes,(address,address,address[],uint256[],address[],uint256[],address,uint256,uint256,uint256,bytes),bytes))"),
            tuplePath: [0, 3], tokenIn: 0, tokenOut: 1, amountIn: 7, minAmountOut: 8)
    ]

    /// Builds the plugin; throws for a router kind it does not know.
    public init(entry: DEXEntry) throws(PluginConfigError) {
        decoder = DescribedRouteDecoder(aggregator: entry.name, routers: try routerAddresses(entry, kinds: Self.routerKinds), descriptions: Self.descriptions)
    }
}
