import Kernel

/// Beefy's zap router (BeefyZapRouter, Arbitrum One `0xf49F7bB6F4F50d272A0914a671895c4384696E5A`,
/// kind `zap-router`): `executeOrder` runs a route of steps, each an ordinary call (target,
/// value, data) that the host classifies, then the order's relay call (docs/adr/0010).
public struct BeefyZapPlugin: AggregatorPlugin {
    /// `beefy-zap`.
    public static let name = "beefy-zap"
    /// `zap-router`.
    public static let routerKinds: Set<String> = ["zap-router"]

    /// The decoder for the entry's routers.
    public let decoder: any AggregatorDecoder

    /// Builds the plugin; throws for a router kind it does not know.
    public init(entry: DEXEntry) throws(PluginConfigError) {
        decoder = BeefyZapDecoder(aggregator: entry.name, routers: try routerAddresses(entry, kinds: Self.routerKinds))
    }
}
