import Curve
import Kernel

/// Addresses and entries the hand-written tests share.
enum TestConfig {
    static func address(_ hex: String) -> Address {
        (try? Address(hex: hex)) ?? .zero
    }

    static let usdce = address("0xFF970A61A04b1cA14834A43f5dE4533eBDDB5CC8")
    static let usdt = address("0xFd086bC7CD5C481DCC9C85ebE478A1C0b69FCbb9")
    static let crvUSD = address("0x498Bf2B1e120FeD3ad3D42EA2165E9b73f99C1e5")
    static let arb = address("0x912CE59144191C1204E64559FE8253a0e49E6548")
    static let crv = address("0x11cDb42B0EB46D95f990BeDD4695A6e3fA034978")
    static let wstETH = address("0x5979D7b546E38E414F7E9822514be443A4800529")
    static let twoPool = address("0x7f90122BF0700F9E7e1F688fe926940E8839F353")
    static let triCRV = address("0x845C8bc94610807fCbaB5dd2bc7aC9DAbaFf3c55")
    static let wstETHPool = address("0x6eB2dc694eB516B16Dc9FBc678C60052BbdD7d80")
    static let lendingPool = address("0x00000000000000000000000000000000000a0a0a")
    /// A lending pool whose underlying coins the config names.
    static let namedLendingPool = address("0x00000000000000000000000000000000000b0b0b")
    static let routerNG = address("0x2191718CD32d02B8E60BAdFFeA33E4B5DD9A0A0D")
    static let someone = address("0x1111111111111111111111111111111111111111")

    /// A Curve entry with the 2pool, TriCRV, the ETH/wstETH pool, a lending pool and Router NG v1.1.
    static let entry = DEXEntry(
        name: "curve", plugin: "curve", enabled: true,
        routers: [
            .init(name: "Router NG v1.1", address: routerNG, kind: "curve-router", version: "1.1"),
            .init(name: "2pool", address: twoPool, kind: "pool", version: nil),
        ],
        factories: [], fees: [],
        pools: [
            .init(name: "2pool", address: twoPool, coins: [usdce, usdt], kind: "stableswap"),
            .init(name: "TriCRV", address: triCRV, coins: [crvUSD, arb, crv], kind: "tricrypto-ng"),
            .init(name: "wsteth", address: wstETHPool, coins: [ArbitrumOne.nativeETHPlaceholder, wstETH], kind: "stableswap"),
            .init(name: "lending", address: lendingPool, coins: [usdce, usdt, crvUSD], kind: "lending"),
            .init(name: "named lending", address: namedLendingPool, coins: [crvUSD, crv], kind: "lending",
                  underlyingCoins: [usdce, arb]),
        ]
    )

    /// The decoder of `entry`.
    static func decoder() throws -> any SwapDecoder {
        try CurvePlugin(entry: entry).decoder
    }
}
