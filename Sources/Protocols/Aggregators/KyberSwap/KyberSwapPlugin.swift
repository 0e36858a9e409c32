import Kernel

/// KyberSwap's MetaAggregationRouterV2 (Arbitrum One `0x6131B5fae19EA4f9D964eAc0408E4408b66337b5`,
/// kind `meta-aggregation-router-v2`).
///
/// `swap(SwapExecutionParams)` hands `targetData` to KyberSwap's executor; on Arbitrum it is the
/// L2 executor's packed payload, which KyberSwap's own helper contracts read in public source:
/// its Uniswap V2/V3-like and Algebra hops are decoded with their pools; a route with other DEX
/// kinds, pools named by the executor's index, or the simple mode is an unknown route with the
/// description's pair and amounts (docs/adr/0010).
public struct KyberSwapPlugin: AggregatorPlugin {
    /// `kyberswap`.
    public static let name = "kyberswap"
    /// `meta-aggregation-router-v2`.
    public static let routerKinds: Set<String> = ["meta-aggregation-router-v2"]

    /// The decoder for the entry's routers.
    public let decoder: any AggregatorDecoder

    /// Builds the plugin; throws for a router kind it does not know.
    public init(entry: DEXEntry) throws(PluginConfigError) {
        decoder = KyberSwapDecoder(aggregator: entry.name, routers: try routerAddresses(entry, kinds: Self.routerKinds))
    }
}
