import Kernel

/// Magpie's router (MagpieRouterV3, Arbitrum One `0x34CdCe58CBdC6C54f2AC808A24561D0AB18Ca8Be`,
/// kind `router-v3`): each swap is a program of commands the router runs, whose pool calls the
/// decoder reads as a route (docs/adr/0010). `wrappedNative` is the WETH the router wraps ether
/// into.
public struct MagpiePlugin: AggregatorPlugin {
    /// `magpie`.
    public static let name = "magpie"
    /// `router-v3`.
    public static let routerKinds: Set<String> = ["router-v3"]

    /// The decoder for the entry's routers.
    public let decoder: any AggregatorDecoder

    /// Builds the plugin; throws for a router kind it does not know or no `wrappedNative`.
    public init(entry: DEXEntry) throws(PluginConfigError) {
        let routers = try routerAddresses(entry, kinds: Self.routerKinds)
        guard let wrappedNative = entry.wrappedNative else {
            throw PluginConfigError(field: "wrappedNative", message: "missing: the router's WETH")
        }
        decoder = MagpieDecoder(aggregator: entry.name, routers: routers, wrappedNative: wrappedNative)
    }
}
