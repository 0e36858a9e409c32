import Kernel

/// The Uniswap V2 family: Router02's swap functions and direct `swap` calls on pairs.
///
/// Forks with the same contracts are entries of this plugin with their own factory and init code
/// hash (SushiSwap V2 on Arbitrum is `plugin: uniswap-v2`). Router kinds: `v2-router` for a
/// Router02 deployment, `pair` for a pair called directly; the entry's `pools:` are pairs too.
public struct UniswapV2Plugin: DEXPlugin {
    /// `uniswap-v2`.
    public static let name = "uniswap-v2"
    /// `v2-router` (UniswapV2Router02 and forks) and `pair` (a UniswapV2Pair called directly).
    public static let routerKinds: Set<String> = [routerKind, pairKind]
    /// The kind of a Router02 deployment.
    public static let routerKind = "v2-router"
    /// The kind of a pair called directly.
    public static let pairKind = "pair"
    /// WETH on Arbitrum One (0x82aF49447D8a07e3bd95BD0d56f35241523fBab1): the token the routers'
    /// ETH functions wrap into and unwrap from. dex.yaml has no setting for it, so it is fixed here;
    /// the ETH functions' paths must start (or end) with it, as the router requires.
    public static let wrappedNativeToken = Address(bytes: [
        0x82, 0xaf, 0x49, 0x44, 0x7d, 0x8a, 0x07, 0xe3, 0xbd, 0x95,
        0xbd, 0x0d, 0x56, 0xf3, 0x52, 0x41, 0x52, 0x3f, 0xba, 0xb1,
    ]) ?? .zero

    /// The decoder for calls to the entry's routers and pairs.
    public let decoder: any SwapDecoder
    private let pairs: PairAddressDeriver
    /// The fee of the entry's pairs (`fees:`, one value in millionths; 0.3 % when absent).
    let pairFee: PairFee

    /// Builds the plugin from a validated entry. Refuses a router kind other than `v2-router` or
    /// `pair`, a pool kind other than `pair`, and an entry without exactly one factory carrying an
    /// init code hash (pair addresses are derived from it), and `fees` other than one fee below 100 %.
    public init(entry: DEXEntry) throws(PluginConfigError) {
        try entry.checkRouterKinds(Self.routerKinds, plugin: Self.name)
        pairFee = try PairFee.entryFee(entry.fees)
        try entry.checkPoolKinds(allowed: Self.pairKind)
        let factory = try entry.derivingFactory()
        pairs = PairAddressDeriver(factory: factory.address, initCodeHash: factory.initCodeHash)
        decoder = UniswapV2Decoder(
            dex: entry.name,
            routers: entry.routers.filter { $0.kind == Self.routerKind }.map(\.address),
            pairs: Set(entry.routers.filter { $0.kind == Self.pairKind }.map(\.address) + entry.pools.map(\.address)),
            wrappedNativeToken: Self.wrappedNativeToken
        )
    }

    /// The pair for two tokens (either order), derived by CREATE2 from the entry's factory. There is
    /// one pair per token pair, so `fee` is not used. Nil for identical tokens or the zero address,
    /// which the factory refuses.
    public func poolAddress(_ tokenA: Address, _ tokenB: Address, fee: UInt32?) -> Address? {
        pairs.address(tokenA, tokenB)
    }
}
