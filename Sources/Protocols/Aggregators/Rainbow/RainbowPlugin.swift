import Kernel

/// Rainbow's router (RainbowRouter, `0x00000000009726632680FB29d3F7A9734E3010E2` on Arbitrum One
/// as on Ethereum, kind `router`): each `fillQuote…` call hands `swapCallData` to an approved
/// aggregator (`target`), which the host classifies (docs/adr/0010).
public struct RainbowPlugin: AggregatorPlugin {
    /// `rainbow`.
    public static let name = "rainbow"
    /// `router`.
    public static let routerKinds: Set<String> = ["router"]

    /// The decoder for the entry's routers.
    public let decoder: any AggregatorDecoder

    /// Builds the plugin; throws for a router kind it does not know.
    public init(entry: DEXEntry) throws(PluginConfigError) {
        decoder = RainbowDecoder(aggregator: entry.name, routers: try routerAddresses(entry, kinds: Self.routerKinds))
    }
}
