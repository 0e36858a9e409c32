import Kernel

/// OpenOcean's exchange (Arbitrum One `0x6352a56caadC4F1E25CD6c75970Fa768A3304e64`, kind
/// `exchange`).
///
/// `swap(caller, desc, calls)` runs its call list through OpenOceanCaller: calls to other
/// contracts are classified by the host, the caller's own `uniswapV3Swap` helper is a hop
/// through the pool it names; a list with helpers whose amounts are implicit (its V2-like,
/// Solidly and DMM swaps) is an unknown route with the description's pair and amounts
/// (docs/adr/0010).
public struct OpenOceanPlugin: AggregatorPlugin {
    /// `openocean`.
    public static let name = "openocean"
    /// `exchange`.
    public static let routerKinds: Set<String> = ["exchange"]

    /// The decoder for the entry's routers.
    public let decoder: any AggregatorDecoder

    /// Builds the plugin; throws for a router kind it does not know.
    public init(entry: DEXEntry) throws(PluginConfigError) {
        decoder = OpenOceanDecoder(aggregator: entry.name, routers: try routerAddresses(entry, kinds: Self.routerKinds))
    }
}
