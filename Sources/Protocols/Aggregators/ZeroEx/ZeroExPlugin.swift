import Kernel

/// 0x's Exchange Proxy (Arbitrum One `0xDef1C0ded9bec7F1a1670819833240f027b25EfF`, kind
/// `exchange-proxy`) and its FillQuoteTransformer (kind `fill-quote-transformer`), the
/// transformer its `transformERC20` transformations name by their deployer's nonce; the entry's
/// one factory is that transformer deployer (0xProject/protocol contract-addresses).
///
/// `transformERC20`, directly or inside a meta-transaction, runs transformations; those of the
/// FillQuoteTransformer fill bridge orders, whose Uniswap V3 orders are the router call the
/// bridge adapter makes (`exactInput` with the order's path), classified by the host. Other
/// bridge orders, native orders and other transformers' swaps are unknown routes
/// (docs/adr/0010).
public struct ZeroExPlugin: AggregatorPlugin {
    /// `0x`.
    public static let name = "0x"
    /// `exchange-proxy` and `fill-quote-transformer`.
    public static let routerKinds = Set(ZeroExRouterKind.allCases.map(\.rawValue))

    /// The decoder for the entry's routers.
    public let decoder: any AggregatorDecoder

    /// Builds the plugin; throws for a router kind it does not know, or fill-quote
    /// transformers without one transformer deployer in `factories`.
    public init(entry: DEXEntry) throws(PluginConfigError) {
        let kinds = try AggregatorRouters.kinds(of: entry, as: ZeroExRouterKind.self)
        let transformers = Set(kinds.filter { $0.value == .fillQuoteTransformer }.keys)
        guard transformers.isEmpty || entry.factories.count == 1 else {
            throw PluginConfigError(field: "factories", message: "fill-quote transformers need their one transformer deployer")
        }
        decoder = ExchangeProxyDecoder(
            aggregator: entry.name, proxies: RouterAddresses(kinds.filter { $0.value == .exchangeProxy }.keys), fillQuoteTransformers: RouterAddresses(transformers),
            transformerDeployer: entry.factories.first?.address)
    }
}

/// The 0x contracts decoded.
enum ZeroExRouterKind: String, CaseIterable {
    /// The Exchange Proxy.
    case exchangeProxy = "exchange-proxy"
    /// The FillQuoteTransformer.
    case fillQuoteTransformer = "fill-quote-transformer"
}
