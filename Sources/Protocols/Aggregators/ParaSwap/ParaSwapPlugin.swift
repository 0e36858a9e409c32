import Kernel

/// ParaSwap (Velora): Augustus V5 and Augustus V6.2 routers.
///
/// Router kinds: `augustus-v5` (Arbitrum One `0xDEF171Fe48CF0115B1d80b88dc8eAB59176FEe57`) and
/// `augustus-v6.2` (`0x6A000F20005980200259B80c5102003040001068`). Decoded from the calldata:
/// V6.2's direct Curve V1/V2 swaps (the pool and coin indexes are arguments) and V5's
/// `simpleSwap`/`simpleBuy`, whose callees the host classifies. V6.2's generic
/// `swapExactAmountIn` and V5's `multiSwap`/`megaSwap` route through executors or adapters whose
/// payloads are private: unknown routes with the pair and amount (docs/adr/0010).
public struct ParaSwapPlugin: AggregatorPlugin {
    /// `paraswap`.
    public static let name = "paraswap"
    /// `augustus-v5` and `augustus-v6.2`.
    public static let routerKinds = Set(ParaSwapRouterKind.allCases.map(\.rawValue))

    /// The decoder for the entry's routers.
    public let decoder: any AggregatorDecoder

    /// Builds the plugin; throws for a router kind it does not know.
    public init(entry: DEXEntry) throws(PluginConfigError) {
        decoder = ParaSwapDecoder(aggregator: entry.name, kinds: try AggregatorRouters.kinds(of: entry, as: ParaSwapRouterKind.self))
    }
}

/// The Augustus versions.
enum ParaSwapRouterKind: String, CaseIterable {
    /// Augustus V5.
    case v5 = "augustus-v5"
    /// Augustus V6.2.
    case v6 = "augustus-v6.2"
}
