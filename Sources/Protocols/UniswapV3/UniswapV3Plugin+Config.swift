import Kernel

/// The checks and conversions from a dex.yaml entry to the plugin's parts; each refusal names
/// the field relative to the entry.
extension UniswapV3Plugin {
    /// The one factory (or pool deployer) with an init code hash: the CREATE2 scheme of the pools.
    static func poolDeployer(_ factories: [DEXEntry.Factory]) throws(PluginConfigError) -> PoolAddress {
        let derivable = factories.indices.filter { factories[$0].initCodeHash != nil }
        guard let first = derivable.first, let hash = factories[first].initCodeHash else {
            throw PluginConfigError(field: "factories", message: "needs the pool deployer (factory) with its pools' init code hash")
        }
        guard derivable.count == 1 else {
            throw PluginConfigError(field: "factories[\(derivable[1])].initCodeHash", message: "only one pool deployer per entry may have an init code hash")
        }
        return PoolAddress(deployer: factories[first].address, initCodeHash: hash)
    }

    /// The fee tiers in millionths: each below 1,000,000 (the V3 factory's bound).
    static func feeTiers(_ fees: [UInt32]) throws(PluginConfigError) -> Set<UInt32> {
        if let n = fees.firstIndex(where: { $0 >= 1_000_000 }) {
            throw PluginConfigError(field: "fees[\(n)]", message: "\(fees[n]) is not a fee tier in millionths (below 1000000)")
        }
        return Set(fees)
    }

    /// The interface of router `index`, by its kind (and version, for Universal Routers).
    static func target(_ router: DEXEntry.Router, index: Int, dex: String) throws(PluginConfigError) -> RouterTarget {
        if router.kind == "universal-router" {
            guard let text = router.version, let version = UniversalRouterVersion(rawValue: text) else {
                let accepted = UniversalRouterVersion.allCases.map { "\"\($0.rawValue)\"" }.joined(separator: ", ")
                throw PluginConfigError(field: "routers[\(index)].version",
                                        message: "a universal-router needs a version, one of \(accepted); got \(router.version.map { "\"\($0)\"" } ?? "none")")
            }
            return .universalRouter(UniversalRouterInterface(version: version, dex: dex, v2Dex: v2Dex))
        }
        guard router.version == nil else {
            throw PluginConfigError(field: "routers[\(index)].version", message: "only a universal-router has a version")
        }
        switch router.kind {
        case "swap-router":
            return .swapRouter(SwapRouterInterface(dex: dex))
        case "swap-router-02":
            return .swapRouter02(SwapRouter02Interface(dex: dex, v2Dex: v2Dex))
        case "pool":
            return .pool(PoolInterface(address: router.address, tokens: nil, dex: dex))
        default:
            let kinds = routerKinds.sorted().joined(separator: ", ")
            throw PluginConfigError(field: "routers[\(index)].kind", message: "\"\(router.kind)\" is not one of \(kinds)")
        }
    }

    /// A pool of `pools:`: its tokens, if listed, must be two, in token0 < token1 order.
    static func directPool(_ pool: DEXEntry.Pool, index: Int, dex: String) throws(PluginConfigError) -> PoolInterface {
        guard pool.kind == nil else {
            throw PluginConfigError(field: "pools[\(index)].kind", message: "uniswap-v3 pools have no kind")
        }
        switch pool.coins.count {
        case 0:
            return PoolInterface(address: pool.address, tokens: nil, dex: dex)
        case 2 where pool.coins[0] < pool.coins[1]:
            return PoolInterface(address: pool.address, tokens: (pool.coins[0], pool.coins[1]), dex: dex)
        default:
            throw PluginConfigError(field: "pools[\(index)].coins", message: "lists token0 and token1, in that (ascending) order, or nothing")
        }
    }
}
