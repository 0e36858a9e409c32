import Kernel

/// The Camelot V2 and Camelot V3 entries as dex.yaml configures them on Arbitrum One
/// (addresses from ../shared/fixtures/arbitrum-addresses.md).
enum ArbitrumEntries {
    static let camelotRouter = address("0xc873fEcbd354f5A56E00E710B90EF4201db2448d")
    static let algebraRouter = address("0x1F721E2E82F6676FCE4eA07A5958cF098D339e18")
    static let weth = ArbitrumOne.wrappedNativeToken
    static let usdc = address("0xaf88d065e77c8cC2239327C5EDb3A432268e5831")
    static let usdce = address("0xFF970A61A04b1cA14834A43f5dE4533eBDDB5CC8")
    static let usdt = address("0xFd086bC7CD5C481DCC9C85ebE478A1C0b69FCbb9")

    static let camelotV2 = DEXEntry(
        name: "camelot-v2", plugin: "camelot-v2", enabled: true,
        routers: [.init(name: "CamelotRouter", address: camelotRouter, kind: "camelot-v2-router", version: nil)],
        factories: [.init(address: address("0x6EcCab422D763aC031210895C81787E87B43A652"),
                          initCodeHash: hash("0xa856464ae65f7619087bc369daaf7e387dae1e5af69cfa7935850ebf754b04c1"))],
        fees: [], pools: [])

    static let camelotV3 = DEXEntry(
        name: "camelot-v3", plugin: "camelot-v3", enabled: true,
        routers: [.init(name: "SwapRouter", address: algebraRouter, kind: "algebra-router", version: nil)],
        factories: [.init(address: address("0x1a3c9B1d2F0529D97f2afC5136Cc23e58f1FD35B"), initCodeHash: nil),
                    .init(address: address("0x6Dd3FB9653B10e806650F107C3B5A0a6fF974F65"),
                          initCodeHash: hash("0x6c1bebd370ba84753516bc1393c0d0a6c645856da55f5393ac8ab3d6dbc861d3"))],
        fees: [], pools: [])

    /// A constant address; a typo here fails the tests that use it.
    static func address(_ text: String) -> Address { (try? Address(hex: text)) ?? .zero }
    /// A constant hash; a typo here fails the tests that use it.
    static func hash(_ text: String) -> Hash32 { (try? Hash32(hex: text)) ?? .zero }
}

/// A 32-byte big-endian word of `value`, in hex.
func word(_ value: UInt64) -> String {
    String(value, radix: 16).leftPadded(to: 64)
}

extension String {
    func leftPadded(to width: Int) -> String { String(repeating: "0", count: max(0, width - count)) + self }
}
