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

    // MARK: Pools (see `DEXPlugin`'s members of the same names)

    /// What an entry sets for all its pairs (Uniswap V2 forks: the pair fee), read when the
    /// plugin is built.
    associatedtype PairSettings: Sendable
    /// The entry's pair settings; throws for settings the family refuses.
    static func pairSettings(_ entry: DEXEntry) throws(PluginConfigError) -> PairSettings
    /// The loader of `pool`, a pair deployed by `factory`.
    static func stateLoader(for pool: PoolDescriptor, factory: Address, settings: PairSettings) -> (any PoolStateLoader)?
    /// Filters beyond the pairs' own events, for settings the factory holds; none by default.
    static func factoryLogFilters(factory: Address) -> [LogFilter]
    /// topic0 of every event of the family's pairs that changes their state.
    static var poolEventTopics: [Hash32] { get }
    /// A pair from its JSON entry.
    static func pool(from entry: JSONFields, identity: PoolEntryIdentity) throws(PoolEntryError) -> any PricingPool
    /// The JSON entry of a pair of this family.
    static func entry(of pool: any PricingPool) -> JSONObject?
    /// `mevbot quote` for one request line.
    static func quote(_ request: JSONFields) throws(PoolEntryError) -> JSONObject
}

extension PairFamily {
    /// No factory-held settings.
    public static func factoryLogFilters(factory: Address) -> [LogFilter] { [] }
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
    static var pairKind: String { "pair" }

    /// The decoder for calls to the entry's routers and pairs.
    public let decoder: any SwapDecoder
    /// The entry's pair addresses.
    private let pairs: PairAddressDeriver
    /// The factory that deploys the entry's pairs.
    public let factory: Address
    /// What the entry sets for all its pairs.
    public let settings: Family.PairSettings

    /// Builds the plugin from a validated entry. Refuses a router kind other than the family's or
    /// `pair`, a pool kind other than `pair`, and an entry without exactly one factory carrying
    /// an init code hash (pair addresses are derived from it).
    public init(entry: DEXEntry) throws(PluginConfigError) {
        let (routers, pairs) = try entry.routersAndDirectContracts(routerKind: Family.routerKind, directKind: Self.pairKind, plugin: Family.name)
        let factory = try entry.derivingFactory()
        self.pairs = PairAddressDeriver(factory: factory.address, initCodeHash: factory.initCodeHash)
        self.factory = factory.address
        settings = try Family.pairSettings(entry)
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

    /// The family's loader for a pair of this entry.
    public func stateLoader(for pool: PoolDescriptor, options: PoolLoadOptions) -> (any PoolStateLoader)? {
        Family.stateLoader(for: pool, factory: factory, settings: settings)
    }

    /// The pairs' own events, then the family's factory filters.
    public func logFilters(for pools: [Address]) -> [LogFilter] {
        [LogFilter(addresses: pools, topics: Self.poolEventTopics, purpose: .poolState)] + Family.factoryLogFilters(factory: factory)
    }

    /// The family's pair events.
    public static var poolEventTopics: [Hash32] { Family.poolEventTopics }

    /// `PairCreated(address indexed token0, address indexed token1, address pair, uint256)`, as
    /// Uniswap V2's factory and its forks (Camelot's included) emit it.
    public static var poolCreation: PoolCreationEvent? {
        PoolCreationEvent(signature: "PairCreated(address,address,address,uint256)", feeTopic: nil, poolWord: 0)
    }

    /// A pair from its entry, as the family reads it.
    public static func pool(from entry: JSONFields, identity: PoolEntryIdentity) throws(PoolEntryError) -> any PricingPool {
        try Family.pool(from: entry, identity: identity)
    }

    /// The family's entry of a pair.
    public static func entry(of pool: any PricingPool) -> JSONObject? {
        Family.entry(of: pool)
    }

    /// The family's quote.
    public static func quote(_ request: JSONFields) throws(PoolEntryError) -> JSONObject {
        try Family.quote(request)
    }
}
