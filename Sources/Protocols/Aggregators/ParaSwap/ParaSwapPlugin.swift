import Kernel

/// ParaSwap (Velora): Augustus V5 and Augustus V6.2 routers.
///
/// Router kinds: `augustus-v5` (Arbitrum One `0xDEF171Fe48CF0115B1d80b88dc8eAB59176FEe57`) and
/// `augustus-v6.2` (`0x6A000F20005980200259B80c5102003040001068`). Decoded from the calldata:
/// V6.2's direct Curve V1/V2 swaps (the pool and coin indexes are arguments), V6.2's direct
/// Uniswap swaps `swapExactAmount{In,Out}OnUniswap{V2,V3}` (pools packed with direction flags,
/// their addresses derived by CREATE2 from the router's factories: the entry's `factories`, the
/// Uniswap V3 factory first and the Uniswap V2 factory second, each with its init code hash;
/// without them, unknown routes), V5's `simpleSwap`/`simpleBuy`, whose callees the host
/// classifies, and V5's `directUniV3Swap`/`directUniV3Buy`, whose SwapRouter call the host
/// classifies. V6.2's generic `swapExactAmountIn` and V5's `multiSwap`/`megaSwap` route through
/// executors or adapters whose payloads are private: unknown routes with the pair and amount.
/// V5's `swapOnUniswap*` are not registered on Arbitrum One's Augustus V5 (docs/adr/0010).
public struct ParaSwapPlugin: AggregatorPlugin {
    /// `paraswap`.
    public static let name = "paraswap"
    /// `augustus-v5` and `augustus-v6.2`.
    public static let routerKinds = Set(ParaSwapRouterKind.allCases.map(\.rawValue))

    /// The decoder for the entry's routers.
    public let decoder: any AggregatorDecoder

    /// Builds the plugin; throws for a router kind it does not know, more than two factories, or
    /// a factory without an init code hash.
    public init(entry: DEXEntry) throws(PluginConfigError) {
        var deployers: [PoolDeployer] = []
        for (index, factory) in entry.factories.enumerated() {
            guard index < 2 else { throw PluginConfigError(field: "factories", message: "at most the Uniswap V3 and the Uniswap V2 factory of Augustus V6.2") }
            guard let deployer = PoolDeployer(factory) else {
                throw PluginConfigError(field: "factories[\(index)].initCodeHash", message: "needed: Augustus V6.2 derives the pools by CREATE2")
            }
            deployers.append(deployer)
        }
        decoder = ParaSwapDecoder(aggregator: entry.name, kinds: try AggregatorRouters.kinds(of: entry, as: ParaSwapRouterKind.self),
                                  uniswapV3: deployers.first, uniswapV2: deployers.count > 1 ? deployers[1] : nil)
    }
}

/// The Augustus versions.
enum ParaSwapRouterKind: String, CaseIterable {
    /// Augustus V5.
    case v5 = "augustus-v5"
    /// Augustus V6.2.
    case v6 = "augustus-v6.2"
}
