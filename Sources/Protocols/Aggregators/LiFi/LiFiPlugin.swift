import Kernel

/// LI.FI: its Diamond (Arbitrum One `0x1231DEB6f5749EF6cE6943a275A1D3E7486F4EaE`, kind
/// `diamond`) and the Permit2Proxy in front of it (`0x89c6340B1a1f4b25D36cd8B063D49045caF3f818`,
/// kind `permit2-proxy`), both from lifinance/contracts.
///
/// The Diamond's swap functions (GenericSwapFacet, GenericSwapFacetV3) and the
/// `swapAndStartBridgeTokensVia…` functions of its bridge facets carry LibSwap.SwapData: each an
/// ordinary call (`callTo`, `callData`) the host classifies. The proxy's `callDiamondWith…`
/// functions carry the Diamond's calldata, which the host classifies as a call to the entry's
/// Diamond (docs/adr/0010).
public struct LiFiPlugin: AggregatorPlugin {
    /// `lifi`.
    public static let name = "lifi"
    /// `diamond` and `permit2-proxy`.
    public static let routerKinds = Set(LiFiRouterKind.allCases.map(\.rawValue))

    /// The decoder for the entry's routers.
    public let decoder: any AggregatorDecoder

    /// Builds the plugin; throws for a router kind it does not know, or proxies without exactly
    /// one Diamond to call.
    public init(entry: DEXEntry) throws(PluginConfigError) {
        let kinds = try AggregatorRouters.kinds(of: entry, as: LiFiRouterKind.self)
        let diamonds = Set(kinds.filter { $0.value == .diamond }.keys)
        let proxies = Set(kinds.filter { $0.value == .permit2Proxy }.keys)
        guard proxies.isEmpty || diamonds.count == 1 else {
            throw PluginConfigError(field: "routers", message: "a permit2-proxy calls the entry's one diamond; \(diamonds.count) diamonds")
        }
        decoder = LiFiDecoder(aggregator: entry.name, diamonds: RouterAddresses(diamonds), proxies: RouterAddresses(proxies), diamond: diamonds.first)
    }
}

/// The LI.FI contracts decoded.
enum LiFiRouterKind: String, CaseIterable {
    /// The Diamond.
    case diamond
    /// The Permit2Proxy.
    case permit2Proxy = "permit2-proxy"
}
