import Kernel

/// Native ETH in Curve calls, and the WETH that legs name in its place.
///
/// Curve writes native ETH as `0xEeeeeEeeeEeEeeEeEeEeeEEEeeeeEeeeeeeeEEeE` in a pool's `coins` and in
/// router routes. Legs name it as WETH so that every ETH swap meets the WETH pools it trades against.
public enum NativeETH {
    /// Curve's placeholder address for native ETH.
    public static let placeholder = (try? Address(hex: "0xEeeeeEeeeEeEeeEeEeEeeEEEeeeeEeeeeeeeEEeE")) ?? .zero
    /// WETH on Arbitrum One (`0x82aF…Bab1`: Uniswap's Arbitrum deployment docs, and the `WETH` the
    /// Curve Router NG deploy script passes for Arbitrum).
    public static let wrapped = (try? Address(hex: "0x82aF49447D8a07e3bd95BD0d56f35241523fBab1")) ?? .zero

    /// `token`, with the native ETH placeholder replaced by WETH.
    @inlinable
    public static func wrapping(_ token: Address) -> Address {
        token == placeholder ? wrapped : token
    }
}
