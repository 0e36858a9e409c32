import Kernel

/// The Uniswap V2 and SushiSwap V2 entries as dex.yaml configures them on Arbitrum One
/// (addresses from ../shared/fixtures/arbitrum-addresses.md).
enum ArbitrumEntries {
    static let uniswapRouter = address("0x4752ba5dbc23f44d87826276bf6fd6b1c372ad24")
    static let sushiRouter = address("0x1b02dA8Cb0d097eB8D57A175b88c7D8b47997506")

    static let uniswapV2 = DEXEntry(
        name: "uniswap-v2", plugin: "uniswap-v2", enabled: true,
        routers: [.init(name: "UniswapV2Router02", address: uniswapRouter, kind: "v2-router", version: nil)],
        factories: [.init(address: address("0xf1D7CC64Fb4452F05c498126312eBE29f30Fbcf9"),
                          initCodeHash: hash("0x96e8ac4277198ff8b6f785478aa9a39f403cb768dd02cbee326c3e7da348845f"))],
        fees: [3000], pools: [])

    static let sushiswapV2 = DEXEntry(
        name: "sushiswap-v2", plugin: "uniswap-v2", enabled: true,
        routers: [.init(name: "SushiSwap Router02", address: sushiRouter, kind: "v2-router", version: nil)],
        factories: [.init(address: address("0xc35DADB65012eC5796536bD9864eD8773aBc74C4"),
                          initCodeHash: hash("0xe18a34eb0e04b04f7a0ac29a6e80748dca96319b42c54d679cb821dca90c6303"))],
        fees: [3000], pools: [])

    /// A constant address; a typo here fails the tests that use it.
    static func address(_ text: String) -> Address { (try? Address(hex: text)) ?? .zero }
    /// A constant hash; a typo here fails the tests that use it.
    static func hash(_ text: String) -> Hash32 { (try? Hash32(hex: text)) ?? .zero }
}
