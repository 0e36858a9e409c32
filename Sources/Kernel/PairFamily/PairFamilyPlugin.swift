/// What sets one pair family (Uniswap V2 and its forks, Camelot V2) apart: its plugin name, the
/// kind and swap functions of its router, and the `swap` forms of its pairs.
public protocol PairFamily {
    /// The string dex.yaml uses in `plugin:`, e.g. `uniswap-v2`.
    static var name: String { get }
    /// The router kind of the family's router deployments, e.g. `v2-router`.
    static var routerKind: String { get }
    /// The router's swap functions.
    static var routerFunctions: [PairRouterFunction] { get }
    /// The `swap` forms the family's pairs have.
    static var pairSwaps: [PairSwap] { get }
}

/// The plugin of a pair family: its router functions and direct `swap` calls on its pairs,
/// decoded by `PairRouterDecoder`, and its pairs derived by `PairAddressDeriver`.
///
/// Router kinds: the family's `routerKind` for a router deployment, `pair` for a pair called
/// directly; the entry's `pools:` are pairs too. The routers' ETH functions wrap native ETH into
/// `ArbitrumOne.wrappedNativeToken` (dex.yaml has no setting for it).
public struct PairFamilyPlugin<Family: PairFamily>: DEXPlugin {
    /// The family's name.
    public static var name: String { Family.name }
    /// The family's router kind and `pair`.
    public static var routerKinds: Set<String> { [Family.routerKind, pairKind] }
    /// The kind of a pair called directly.
    public static var pairKind: String { "pair" }

    /// The decoder for calls to the entry's routers and pairs.
    public let decoder: any SwapDecoder
    /// The entry's pair addresses.
    private let pairs: PairAddressDeriver

    /// Builds the plugin from a validated entry. Refuses a router kind other than the family's or
    /// `pair`, a pool kind other than `pair`, and an entry without exactly one factory carrying
    /// an init code hash (pair addresses are derived from it).
    public init(entry: DEXEntry) throws(PluginConfigError) {
        let (routers, pairs) = try entry.routersAndDirectContracts(routerKind: Family.routerKind, directKind: Self.pairKind, plugin: Family.name)
        let factory = try entry.derivingFactory()
        self.pairs = PairAddressDeriver(factory: factory.address, initCodeHash: factory.initCodeHash)
        decoder = PairRouterDecoder(
            dex: entry.name, routers: routers, functions: Family.routerFunctions,
            pairs: pairs, pairSwaps: Family.pairSwaps, wrappedNativeToken: ArbitrumOne.wrappedNativeToken)
    }

    /// The pair for two tokens (either order), derived by CREATE2 from the entry's factory. There
    /// is one pair per token pair, so `fee` is not used. Nil for identical tokens or the zero
    /// address, which the factory refuses.
    public func poolAddress(_ tokenA: Address, _ tokenB: Address, fee: UInt32?) -> Address? {
        pairs.address(tokenA, tokenB)
    }
}
