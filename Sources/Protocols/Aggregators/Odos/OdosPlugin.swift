import Kernel

/// Odos Router V2 (Arbitrum One `0xa669e7A0d4b3e4Fa48af2dE86BD4CD7126Be4e13`, kind `router-v2`).
///
/// Every swap hands an executor a path in Odos's private encoding: the single swaps (`swap`,
/// `swapPermit2`, `swapCompact`) are unknown routes with their pair, input amount and least
/// output. `swapCompact` may name a token by an index into the router's `addressList` (storage
/// the calldata does not show): that token is left unnamed. The multi-token swaps are not decoded
/// (docs/adr/0010).
public struct OdosPlugin: AggregatorPlugin {
    /// `odos`.
    public static let name = "odos"
    /// `router-v2`.
    public static let routerKinds: Set<String> = ["router-v2"]

    /// The decoder for the entry's routers.
    public let decoder: any AggregatorDecoder

    /// Builds the plugin; throws for a router kind it does not know.
    public init(entry: DEXEntry) throws(PluginConfigError) {
        decoder = OdosDecoder(aggregator: entry.name, routers: try routerAddresses(entry, kinds: Self.routerKinds))
    }
}
