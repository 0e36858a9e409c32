import Kernel

/// The Curve family: swaps on the pools an entry names in `pools:` and through the Curve Router NG.
///
/// Router kinds: `pool` (a router entry that is one of the entry's pools; every pool in `pools:`
/// is decoded whether or not it is also listed as a router) and `curve-router` (a Curve Router NG
/// deployment: v1.0 and v1.1 have the same `exchange`; on Arbitrum One v1.1 is
/// `0x2191718CD32d02B8E60BAdFFeA33E4B5DD9A0A0D` and v1.0 `0xF0d4c12A5768D806021F80a262B4d39d26C58b8D`,
/// per curvefi/curve-router-ng's README). Each pool needs a `kind` from `CurvePoolKind` and 2 to 8
/// `coins` in index order. Curve pools are not derived from a factory, so `poolAddress` is nil and
/// `factories` and `fees` are not read.
public struct CurvePlugin: DEXPlugin {
    /// `curve`.
    public static let name = "curve"
    /// `pool` and `curve-router`.
    public static let routerKinds: Set<String> = [poolRouterKind, routerNGKind]
    /// The router kind of a pool listed among the routers.
    static let poolRouterKind = "pool"
    /// The router kind of a Curve Router NG.
    static let routerNGKind = "curve-router"

    /// The decoder for the entry's pools and routers.
    public let decoder: any SwapDecoder
    /// One line per configured pool whose kind is not priced exactly (`CurvePoolKind.isPricedExactly`):
    /// the pool is decoded but never quoted. The host logs these at start-up.
    public let startupWarnings: [String]
    /// The entry's pools by address.
    let pools: [Address: CurvePool]

    /// Builds the plugin from an entry; throws for a pool without a known kind, with fewer than 2
    /// or more than 8 coins, or listed twice, and for a router whose kind or address does not fit.
    public init(entry: DEXEntry) throws(PluginConfigError) {
        var targets: [Address: CurveSwapDecoder.Target] = [:]
        var pools: [Address: CurvePool] = [:]
        var warnings: [String] = []
        for (index, pool) in entry.pools.enumerated() {
            let field = "pools[\(index)]"
            guard let kindName = pool.kind else {
                throw PluginConfigError(field: field + ".kind", message: "missing; one of \(Self.kindNames)")
            }
            guard let kind = CurvePoolKind(rawValue: kindName) else {
                throw PluginConfigError(field: field + ".kind", message: "unknown kind \(kindName); one of \(Self.kindNames)")
            }
            guard (2...CurveLimits.maxCoins).contains(pool.coins.count) else {
                throw PluginConfigError(field: field + ".coins", message: "a Curve pool has 2 to \(CurveLimits.maxCoins) coins, not \(pool.coins.count)")
            }
            guard kind != .stableswapFactoryPlain2 || pool.coins.count == 2 else {
                throw PluginConfigError(field: field + ".coins", message: "a \(kind.rawValue) pool has 2 coins, not \(pool.coins.count)")
            }
            guard targets[pool.address] == nil else {
                throw PluginConfigError(field: field + ".address", message: "pool \(pool.address.checksummed) is listed twice")
            }
            if !kind.isPricedExactly {
                warnings.append("\(entry.name): pool \(pool.address.checksummed) (\(kind.rawValue)) is not priced exactly yet; skipped for quotes")
            }
            let coins = pool.coins.map(NativeETH.wrapping)
            let underlyingCoins = pool.underlyingCoins.map(NativeETH.wrapping)
            let configured = CurvePool(address: pool.address, coins: coins, underlyingCoins: underlyingCoins, kind: kind)
            targets[pool.address] = .pool(configured)
            pools[pool.address] = configured
        }
        for (index, router) in entry.routers.enumerated() {
            let field = "routers[\(index)]"
            let isPool: Bool
            if case .pool = targets[router.address] { isPool = true } else { isPool = false }
            switch router.kind {
            case Self.poolRouterKind where !isPool:
                throw PluginConfigError(field: field + ".address", message: "kind pool, but \(router.address.checksummed) is not in pools")
            case Self.routerNGKind where isPool:
                throw PluginConfigError(field: field + ".address", message: "\(router.address.checksummed) is a pool, not a Curve Router NG")
            case Self.poolRouterKind:
                break
            case Self.routerNGKind:
                targets[router.address] = .router
            default:
                throw PluginConfigError(field: field + ".kind", message: "unknown kind \(router.kind); one of pool, curve-router")
            }
        }
        decoder = CurveSwapDecoder(dex: entry.name, targets: targets)
        startupWarnings = warnings
        self.pools = pools
    }

    /// Always nil: Curve pools are named in the config, not derived.
    public func poolAddress(_ tokenA: Address, _ tokenB: Address, fee: UInt32?) -> Address? {
        nil
    }

    /// The pool kinds, for error messages.
    static let kindNames = CurvePoolKind.allCases.map(\.rawValue).joined(separator: ", ")
}
