import Kernel

/// Camelot V3 (AMMv3): the Algebra v1 SwapRouter Camelot deployed (directional-fee release) and
/// direct calls to its Algebra pools.
///
/// Router kinds: `algebra-router` for the SwapRouter, `pool` for a pool called directly; the
/// entry's `pools:` are pools too. One pool per token pair, derived from the pool deployer (the
/// entry's factory with an init code hash) with salt keccak256(abi.encode(token0, token1)).
public struct CamelotV3Plugin: DEXPlugin {
    /// `camelot-v3`.
    public static let name = "camelot-v3"
    /// `algebra-router` (Algebra SwapRouter) and `pool` (an AlgebraPool called directly).
    public static let routerKinds: Set<String> = [routerKind, poolKind]
    /// The kind of an Algebra SwapRouter deployment.
    public static let routerKind = "algebra-router"
    /// The kind of a pool called directly.
    public static let poolKind = "pool"

    /// The decoder for calls to the entry's router and pools.
    public let decoder: any SwapDecoder
    private let pools: AlgebraPoolAddressDeriver

    /// Builds the plugin from a validated entry. Refuses a router kind other than
    /// `algebra-router` or `pool`, a pool kind other than `pool`, and an entry without exactly one
    /// factory (the pool deployer) carrying an init code hash.
    public init(entry: DEXEntry) throws(PluginConfigError) {
        let (routers, pools) = try entry.routersAndDirectContracts(routerKind: Self.routerKind, directKind: Self.poolKind, plugin: Self.name)
        let deployer = try entry.derivingFactory()
        self.pools = AlgebraPoolAddressDeriver(deployer: deployer.address, initCodeHash: deployer.initCodeHash)
        decoder = CamelotV3Decoder(dex: entry.name, routers: routers, pools: pools)
    }

    /// The pool for two tokens (either order) by CREATE2 from the pool deployer. Algebra has one
    /// pool per pair with a dynamic fee, so `fee` is not used. Nil for identical tokens or the zero
    /// address.
    public func poolAddress(_ tokenA: Address, _ tokenB: Address, fee: UInt32?) -> Address? {
        pools.address(tokenA, tokenB)
    }
}
