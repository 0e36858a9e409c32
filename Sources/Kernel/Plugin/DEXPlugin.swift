/// The plugin entry protocol: one DEX family, created by name from a dex.yaml entry.
///
/// Forks are configuration, not code: SushiSwap V2 is an entry with `plugin: uniswap-v2`. The
/// host keeps one list of plugin types and picks the one whose `name` an entry names.
public protocol DEXPlugin: Sendable {
    /// The string dex.yaml uses in `plugin:`, e.g. `uniswap-v2`.
    static var name: String { get }
    /// The router `kind`s this family understands; an entry naming another is refused.
    static var routerKinds: Set<String> { get }
    /// Builds the plugin from one validated entry; throws for settings this family refuses.
    init(entry: DEXEntry) throws(PluginConfigError)
    /// The decoder for calls to this entry's routers and pools.
    var decoder: any SwapDecoder { get }
    /// The address of the entry's pool for two tokens (in either order) and a fee tier, derived
    /// from its factory by CREATE2; nil where the family or config cannot derive it.
    func poolAddress(_ tokenA: Address, _ tokenB: Address, fee: UInt32?) -> Address?
    /// What the host says at start-up about parts of the entry the plugin accepts but does not
    /// serve in full (a pool decoded but not priced exactly); empty by default.
    var startupWarnings: [String] { get }

    // MARK: Pools

    /// The loader of `pool`'s state, a pool of this entry, reading as wide as `options` says; nil
    /// where the family does not price it (a Curve pool the entry does not name, a kind not
    /// priced exactly).
    func stateLoader(for pool: PoolDescriptor, options: PoolLoadOptions) -> (any PoolStateLoader)?
    /// The `eth_getLogs` filters that keep `pools` (pools of this entry) true to the chain: their
    /// own state events, and where the family needs them, settings emitted elsewhere (Camelot
    /// V2's factory fee share). By default one filter of the pools' `poolEventTopics`.
    func logFilters(for pools: [Address]) -> [LogFilter]
    /// topic0 of every event of this family's pools that changes their state.
    static var poolEventTopics: [Hash32] { get }
    /// The event the family's factories emit for a new pool, nil where pools are only configured
    /// (the default): sync adds the pools it announces for this entry's deployer while running.
    static var poolCreation: PoolCreationEvent? { get }

    /// Reads a pool of this family from its JSON entry: a snapshot's pool or a quote line's
    /// `pool`, with the state fields `mevbot quote` documents. `identity` says whether the
    /// address and tokens must be there (a snapshot) or default to the zero address (a quote).
    static func pool(from entry: JSONFields, identity: PoolEntryIdentity) throws(PoolEntryError) -> any PricingPool
    /// The JSON entry of `pool` (address, tokens, then its state, in the order `pool(from:)`
    /// reads them); nil when it is not a pool of this family.
    static func entry(of pool: any PricingPool) -> JSONObject?
    /// `mevbot quote` for one request line of this family: the pool (`pool`) and the swap (the
    /// family's own fields) to the response object.
    static func quote(_ request: JSONFields) throws(PoolEntryError) -> JSONObject
}

extension DEXPlugin {
    /// No warnings.
    public var startupWarnings: [String] { [] }

    /// The loader of `pool`'s state with the family's default widths.
    public func stateLoader(for pool: PoolDescriptor) -> (any PoolStateLoader)? {
        stateLoader(for: pool, options: .standard)
    }

    /// No creation event: the entry's pools are configured.
    public static var poolCreation: PoolCreationEvent? { nil }

    /// The pool a creation log announces, if this entry's deployer created it.
    public func createdPool(by log: EventLog) -> PoolDescriptor? {
        Self.poolCreation?.pool(in: log) { poolAddress($0, $1, fee: $2) }
    }

    /// One filter: the pools' own state events.
    public func logFilters(for pools: [Address]) -> [LogFilter] {
        [LogFilter(addresses: pools, topics: Self.poolEventTopics, purpose: .poolState)]
    }
}

/// A dex.yaml entry after generic validation: names, addresses and numbers are well-formed.
public struct DEXEntry: Sendable, Equatable {
    /// The entry's name, used as the `dex` of its legs (e.g. `sushiswap-v2`).
    public var name: String
    /// The plugin family.
    public var plugin: String
    /// Whether its swaps are recognised.
    public var enabled: Bool
    /// The routers, each with the kind of interface it has.
    public var routers: [Router]
    /// The factories (or pool deployers) whose pools the entry covers.
    public var factories: [Factory]
    /// Fee settings: tiers in millionths (V3) or the pair fee (V2 forks), as the family reads them.
    public var fees: [UInt32]
    /// Pools named in the config (Curve pools; pools called directly; an aggregator's pair table).
    public var pools: [Pool]
    /// The chain's wrapped native token as the entry's contracts know it (their `WETH9`), where
    /// their calls treat ETH sent with them differently from tokens; nil where none is named.
    public var wrappedNative: Address?

    /// Creates an entry.
    public init(
        name: String, plugin: String, enabled: Bool, routers: [Router], factories: [Factory], fees: [UInt32], pools: [Pool],
        wrappedNative: Address? = nil
    ) {
        self.name = name
        self.plugin = plugin
        self.enabled = enabled
        self.routers = routers
        self.factories = factories
        self.fees = fees
        self.pools = pools
        self.wrappedNative = wrappedNative
    }

    /// A router contract.
    public struct Router: Sendable, Equatable {
        /// A label such as `SwapRouter02`.
        public var name: String
        /// Its address.
        public var address: Address
        /// Which interface it has, from the plugin's `routerKinds` (e.g. `universal-router`).
        public var kind: String
        /// The deployment's version where kinds differ by version (Universal Router `1`, `1.2`, `2`).
        public var version: String?

        /// Creates a router.
        public init(name: String, address: Address, kind: String, version: String?) {
            self.name = name
            self.address = address
            self.kind = kind
            self.version = version
        }
    }

    /// A factory or pool deployer.
    public struct Factory: Sendable, Equatable {
        /// The CREATE2 deployer of the pools.
        public var address: Address
        /// The pools' init code hash, where pool addresses are derived.
        public var initCodeHash: Hash32?

        /// Creates a factory.
        public init(address: Address, initCodeHash: Hash32?) {
            self.address = address
            self.initCodeHash = initCodeHash
        }
    }

    /// A pool named in the config.
    public struct Pool: Sendable, Equatable {
        /// A label such as `2pool`.
        public var name: String
        /// Its address.
        public var address: Address
        /// Its coins in index order (Curve), or token0/token1.
        public var coins: [Address]
        /// The family's own variant name (e.g. `stableswap`, `stableswap-ng`), if any.
        public var kind: String?
        /// The underlying coins in index order, for pools whose `exchange_underlying` swaps other
        /// tokens than `coins` (Curve metapools and lending pools); empty where unnamed.
        public var underlyingCoins: [Address]

        /// Creates a pool.
        public init(name: String, address: Address, coins: [Address], kind: String?, underlyingCoins: [Address] = []) {
            self.name = name
            self.address = address
            self.coins = coins
            self.kind = kind
            self.underlyingCoins = underlyingCoins
        }
    }
}

/// A setting a plugin refuses, naming the field (e.g. `routers[2].version`).
public struct PluginConfigError: Error, Equatable, Sendable {
    /// The field, relative to the entry.
    public var field: String
    /// What is wrong.
    public var message: String

    /// Creates an error.
    public init(field: String, message: String) {
        self.field = field
        self.message = message
    }
}
