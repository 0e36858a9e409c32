import Kernel

/// Camelot V2 (AMMv2): CamelotRouter's swap functions, which carry a `referrer`, and direct
/// `swap` calls on Camelot pairs.
///
/// Router kinds: `camelot-v2-router` for CamelotRouter, `pair` for a pair called directly; the
/// entry's `pools:` are pairs too. Pairs are derived like Uniswap V2's (packed salt) from the
/// entry's factory and init code hash.
public struct CamelotV2Plugin: DEXPlugin {
    /// `camelot-v2`.
    public static let name = "camelot-v2"
    /// `camelot-v2-router` (CamelotRouter) and `pair` (a CamelotPair called directly).
    public static let routerKinds: Set<String> = [routerKind, pairKind]
    /// The kind of a CamelotRouter deployment.
    public static let routerKind = "camelot-v2-router"
    /// The kind of a pair called directly.
    public static let pairKind = "pair"
    /// WETH on Arbitrum One (0x82aF49447D8a07e3bd95BD0d56f35241523fBab1), CamelotRouter's `WETH`:
    /// its ETH functions' paths must start (or end) with it. dex.yaml has no setting for it.
    public static let wrappedNativeToken = Address(bytes: [
        0x82, 0xaf, 0x49, 0x44, 0x7d, 0x8a, 0x07, 0xe3, 0xbd, 0x95,
        0xbd, 0x0d, 0x56, 0xf3, 0x52, 0x41, 0x52, 0x3f, 0xba, 0xb1,
    ]) ?? .zero

    /// The decoder for calls to the entry's router and pairs.
    public let decoder: any SwapDecoder
    private let pairs: PairAddressDeriver
    /// The factory that deploys the entry's pairs and holds their owner fee share (`feeInfo()`).
    let factory: Address

    /// Builds the plugin from a validated entry. Refuses a router kind other than
    /// `camelot-v2-router` or `pair`, a pool kind other than `pair`, and an entry without exactly
    /// one factory carrying an init code hash.
    public init(entry: DEXEntry) throws(PluginConfigError) {
        try entry.checkRouterKinds(Self.routerKinds, plugin: Self.name)
        try entry.checkPoolKinds(allowed: Self.pairKind)
        let factory = try entry.derivingFactory()
        pairs = PairAddressDeriver(factory: factory.address, initCodeHash: factory.initCodeHash)
        self.factory = factory.address
        decoder = CamelotV2Decoder(
            dex: entry.name,
            routers: entry.routers.filter { $0.kind == Self.routerKind }.map(\.address),
            pairs: Set(entry.routers.filter { $0.kind == Self.pairKind }.map(\.address) + entry.pools.map(\.address)),
            wrappedNativeToken: Self.wrappedNativeToken
        )
    }

    /// The pair for two tokens (either order) by CREATE2 from the entry's factory, salt
    /// keccak256(token0 ‖ token1); one pair per token pair, so `fee` is not used. Nil for identical
    /// tokens or the zero address.
    public func poolAddress(_ tokenA: Address, _ tokenB: Address, fee: UInt32?) -> Address? {
        pairs.address(tokenA, tokenB)
    }
}
