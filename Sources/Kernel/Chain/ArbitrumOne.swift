/// Addresses on Arbitrum One that calls refer to without dex.yaml naming them.
public enum ArbitrumOne {
    /// WETH (`0x82aF49447D8a07e3bd95BD0d56f35241523fBab1`): the token routers wrap native ETH into
    /// and unwrap it from (Router02's and CamelotRouter's `WETH`, the `WETH` Curve's Router NG is
    /// deployed with), and the token legs name where a call moves native ETH.
    /// (Computed and inlinable, like `UInt256.zero`: the engine compares with it per cycle.)
    @inlinable
    public static var wrappedNativeToken: Address {
        @inline(__always) get { Address(high32: 0x82af_4944, middle64: 0x7d8a_07e3_bd95_bd0d, low64: 0x56f3_5241_523f_bab1) }
    }

    /// `0xEeeeeEeeeEeEeeEeEeEeeEEEeeeeEeeeeeeeEEeE`: the address Curve writes for native ETH in a
    /// pool's `coins` and in router routes.
    public static let nativeETHPlaceholder = Address(high32: 0xeeee_eeee, middle64: 0xeeee_eeee_eeee_eeee, low64: 0xeeee_eeee_eeee_eeee)
    /// What a feed message's sequence number is short of its L2 block number: nitro's
    /// genesis block (`FEED_FORMAT.md` §6, checked on a real block's transaction root).
    public static let blockNumberOffset: UInt64 = 22_207_817
}
