/// The plugin entry protocol of an aggregator: a router that swaps through other DEXes' pools
/// rather than its own, created by name from an `aggregators:` entry of dex.yaml.
///
/// An aggregator has no pools to price: it only turns calls to its routers into the legs the
/// pools it names will run, or, where its encoding hides the route, into an `UnknownRoute`.
public protocol AggregatorPlugin: Sendable {
    /// The string dex.yaml uses in `plugin:`, e.g. `paraswap`.
    static var name: String { get }
    /// The router `kind`s this aggregator understands; an entry naming another is refused.
    static var routerKinds: Set<String> { get }
    /// Builds the plugin from one validated entry; throws for settings it refuses.
    init(entry: DEXEntry) throws(PluginConfigError)
    /// The decoder for calls to this entry's routers.
    var decoder: any AggregatorDecoder { get }
}

/// Turns calls to one aggregator's routers into legs.
///
/// A selector it does not know is not a swap (nil). Calls that wrap other calls (a settlement's
/// interactions, a router's list of callees) hand each inner call to `inner`, which classifies
/// it as the host classifies a transaction, within `budget`. Legs decoded from the call itself
/// carry the aggregator entry's name as `dex` and name their pools (`PoolRef.pool` or
/// `.coins`); the user's overall minimum out is the last leg's `limit`, and the hops before it
/// have none (the engine applies them as the pools compute them).
public protocol AggregatorDecoder: Sendable {
    /// What `call` swaps, or nil when it is not a swap.
    func decode(_ call: ContractCall, inner: any InnerCallDecoder, budget: inout InnerCallBudget) throws(DecodingError) -> DecodedSwap?
}
