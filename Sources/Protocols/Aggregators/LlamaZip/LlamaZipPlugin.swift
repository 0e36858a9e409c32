import Kernel

/// LlamaZip's routers (Arbitrum One `0x5279EBC4e5BA9eA09F19ADE49F2Bc98339aeA4d7` and, the second
/// deployment, `0x973bf562407766e77f885c1cd1a8060e5303C745`; kind `zip-router`): one Uniswap V3
/// swap packed into at most one word of calldata without a selector (docs/adr/0010).
///
/// The word's top four bits choose a pair by index in the router's pair list; the entry's
/// `pools` are that list in index order (each pool with `coins: [token0, token1]`), and
/// `wrappedNative` is the router's WETH9, the token that ETH sent with a call stands for.
public struct LlamaZipPlugin: AggregatorPlugin {
    /// `llamazip`.
    public static let name = "llamazip"
    /// `zip-router`.
    public static let routerKinds: Set<String> = ["zip-router"]

    /// The decoder for the entry's routers.
    public let decoder: any AggregatorDecoder

    /// Builds the plugin; throws for a router kind it does not know, a pair list longer than
    /// four bits can index, a pool without two coins in address order, or no `wrappedNative`.
    public init(entry: DEXEntry) throws(PluginConfigError) {
        let routers = try routerAddresses(entry, kinds: Self.routerKinds)
        guard entry.pools.count <= LlamaZipWord.pairCount else {
            throw PluginConfigError(field: "pools", message: "\(entry.pools.count) pairs; the pair index has 4 bits (at most 16)")
        }
        for (index, pool) in entry.pools.enumerated() where pool.coins.count != 2 || !(pool.coins[0] < pool.coins[1]) {
            throw PluginConfigError(field: "pools[\(index)].coins", message: "a pair has two coins, token0 and token1, in address order")
        }
        guard let wrappedNative = entry.wrappedNative else {
            throw PluginConfigError(field: "wrappedNative", message: "missing: the router's WETH9")
        }
        let pairs = entry.pools.map { LlamaZipDecoder.Pair(pool: $0.address, token0: $0.coins[0], token1: $0.coins[1]) }
        decoder = LlamaZipDecoder(aggregator: entry.name, routers: routers, pairs: pairs, wrappedNative: wrappedNative)
    }
}
