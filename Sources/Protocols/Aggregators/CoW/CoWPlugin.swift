import Kernel

/// CoW Protocol's settlement contract (GPv2Settlement, Arbitrum One
/// `0x9008D19f58AAbD9eD0D60971565AA8510560ab41`, router kind `settlement`).
///
/// A solver's `settle` carries the AMM calls it makes as interactions (pre, intra, post): each is
/// classified by the host, so an interaction to a configured router or pool gives its legs. When
/// none does, each trade is an unknown route (sell token, buy token, sell amount, least buy
/// amount): its liquidity is private (another user's order, the solver's own inventory or an
/// AMM the config does not hold).
public struct CoWPlugin: AggregatorPlugin {
    /// `cow`.
    public static let name = "cow"
    /// `settlement`.
    public static let routerKinds = Set(CoWRouterKind.allCases.map(\.rawValue))

    /// The decoder for the entry's settlement contracts.
    public let decoder: any AggregatorDecoder

    /// Builds the plugin; throws for a router kind it does not know.
    public init(entry: DEXEntry) throws(PluginConfigError) {
        decoder = CoWSettlementDecoder(aggregator: entry.name, settlements: RouterAddresses(try AggregatorRouters.kinds(of: entry, as: CoWRouterKind.self).keys))
    }
}

/// The CoW contracts decoded.
enum CoWRouterKind: String, CaseIterable {
    /// GPv2Settlement.
    case settlement
}
