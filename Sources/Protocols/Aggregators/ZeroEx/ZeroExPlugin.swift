import Kernel

/// 0x's Exchange Proxy (Arbitrum One `0xDef1C0ded9bec7F1a1670819833240f027b25EfF`, kind
/// `exchange-proxy`) and its FillQuoteTransformer (kind `fill-quote-transformer`), the
/// transformer its `transformERC20` transformations name by their deployer's nonce; the entry's
/// factory without an init code hash is that transformer deployer (0xProject/protocol
/// contract-addresses), the one with an init code hash the Uniswap V3 factory its
/// UniswapV3Feature derives pools from.
///
/// `transformERC20`, directly or inside a meta-transaction, runs transformations; those of the
/// FillQuoteTransformer fill bridge orders, whose Uniswap V3 orders are the router call the
/// bridge adapter makes (`exactInput` with the order's path), classified by the host. Other
/// bridge orders, native orders and other transformers' swaps are unknown routes. The
/// UniswapV3Feature's `sellTokenForTokenToUniswapV3`, `sellTokenForEthToUniswapV3` and
/// `sellEthForTokenToUniswapV3` name their pools by a Uniswap path: legs through the pools the
/// feature derives. The UniswapFeature's `sellToUniswap` derives mainnet's Uniswap V2 and
/// SushiSwap pairs (its factories are constants): not decoded here (docs/adr/0010).
public struct ZeroExPlugin: AggregatorPlugin {
    /// `0x`.
    public static let name = "0x"
    /// `exchange-proxy` and `fill-quote-transformer`.
    public static let routerKinds = Set(ZeroExRouterKind.allCases.map(\.rawValue))

    /// The decoder for the entry's routers.
    public let decoder: any AggregatorDecoder

    /// Builds the plugin; throws for a router kind it does not know, fill-quote transformers
    /// without one transformer deployer (a factory without an init code hash) in `factories`, or
    /// more than one factory of each kind.
    public init(entry: DEXEntry) throws(PluginConfigError) {
        let kinds = try AggregatorRouters.kinds(of: entry, as: ZeroExRouterKind.self)
        let transformers = Set(kinds.filter { $0.value == .fillQuoteTransformer }.keys)
        let deployers = entry.factories.filter { $0.initCodeHash == nil }
        let uniswapV3 = entry.factories.compactMap(PoolDeployer.init)
        guard deployers.count <= 1, uniswapV3.count <= 1 else {
            throw PluginConfigError(field: "factories", message: "at most one transformer deployer and one Uniswap V3 factory")
        }
        guard transformers.isEmpty || deployers.count == 1 else {
            throw PluginConfigError(field: "factories", message: "fill-quote transformers need their one transformer deployer")
        }
        decoder = ExchangeProxyDecoder(
            aggregator: entry.name, proxies: RouterAddresses(kinds.filter { $0.value == .exchangeProxy }.keys), 
            fillQuoteNonces: TransformerNonces(deployer: deployers.first?.address, transformers: RouterAddresses(transformers)), uniswapV3: UniswapV3FeatureCall(aggregator: entry.name, factory: uniswapV3.first))
    }
}

/// The 0x contracts decoded.
enum ZeroExRouterKind: String, CaseIterable {
    /// The Exchange Proxy.
    case exchangeProxy = "exchange-proxy"
    /// The FillQuoteTransformer.
    case fillQuoteTransformer = "fill-quote-transformer"
}
