import Kernel

/// The `uniswap-v3` plugin: Uniswap V3 and its forks with the same pools and CREATE2 scheme
/// (PancakeSwap V3 is an entry with its own pool deployer and init code hash).
///
/// Router kinds:
/// - `swap-router`: SwapRouter (`0xE592…1564`), structs with a deadline, `multicall(bytes[])`.
/// - `swap-router-02`: SwapRouter02 (`0x68b3…Fc45`), structs without a deadline, its V2
///   functions, the three multicalls.
/// - `universal-router`: a Universal Router deployment; `version` is required and names its
///   command set (`UniversalRouterVersion`: `1`, `1.2`, `2`).
/// - `pool`: a pool called directly (`swap(...)`); the entry's `pools:` are decoded the same way
///   and may name `coins: [token0, token1]`.
///
/// The V2 legs of SwapRouter02 and of the Universal Router trade on Uniswap V2 pairs and carry
/// `dex: v2Dex` (`uniswap-v2`), the dex.yaml entry of those pairs.
public struct UniswapV3Plugin: DEXPlugin {
    /// `plugin: uniswap-v3` in dex.yaml.
    public static let name = "uniswap-v3"
    /// The router kinds an entry may list (see above).
    public static let routerKinds: Set<String> = ["swap-router", "swap-router-02", "universal-router", "pool"]
    /// The dex.yaml entry that the routers' Uniswap V2 legs belong to.
    public static let v2Dex = "uniswap-v2"

    /// The entry's `UniswapV3Decoder`.
    public let decoder: any SwapDecoder
    /// The CREATE2 scheme of the entry's pools.
    let pools: PoolAddress
    /// The fee tiers the entry allows; empty allows any 24-bit fee.
    let fees: Set<UInt32>

    /// Builds the plugin from `entry`. Refuses (naming the field): no factory with an init code
    /// hash or more than one; a fee tier of 1,000,000 or more; a router kind not in
    /// `routerKinds`; a `universal-router` without a known `version`, or a version on another
    /// kind; an address listed twice among routers and pools; pool `coins` other than
    /// `[token0, token1]` in ascending order (or none); a pool `kind`.
    public init(entry: DEXEntry) throws(PluginConfigError) {
        pools = try Self.poolDeployer(entry.factories)
        fees = try Self.feeTiers(entry.fees)
        var seen: Set<Address> = []
        var routers: [(address: Address, target: RouterTarget)] = []
        for (n, router) in entry.routers.enumerated() {
            guard seen.insert(router.address).inserted else {
                throw PluginConfigError(field: "routers[\(n)].address", message: "\(router.address.checksummed) is listed twice")
            }
            routers.append((router.address, try Self.target(router, index: n, dex: entry.name)))
        }
        var direct: [Address: PoolInterface] = [:]
        for (n, pool) in entry.pools.enumerated() {
            guard seen.insert(pool.address).inserted else {
                throw PluginConfigError(field: "pools[\(n)].address", message: "\(pool.address.checksummed) is listed twice")
            }
            direct[pool.address] = try Self.directPool(pool, index: n, dex: entry.name)
        }
        decoder = UniswapV3Decoder(routers: routers, pools: direct)
    }

    /// The pool of `tokenA` and `tokenB` with fee tier `fee` by CREATE2 from the entry's pool
    /// deployer; nil without a fee, for a fee not among the entry's `fees` (when it lists any),
    /// or for identical tokens.
    public func poolAddress(_ tokenA: Address, _ tokenB: Address, fee: UInt32?) -> Address? {
        guard let fee, fees.isEmpty || fees.contains(fee) else { return nil }
        return pools.pool(tokenA, tokenB, fee: fee)
    }
}
