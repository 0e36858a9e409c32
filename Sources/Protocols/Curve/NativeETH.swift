import Kernel

/// Native ETH in Curve calls, and the WETH that legs name in its place.
///
/// Curve writes native ETH as `ArbitrumOne.nativeETHPlaceholder` (`0xEeee…EEeE`) in a pool's
/// `coins` and in router routes. Legs name it as WETH (`ArbitrumOne.wrappedNativeToken`, the
/// `WETH` the Curve Router NG deploy script passes for Arbitrum) so that every ETH swap meets the
/// WETH pools it trades against.
public enum NativeETH {
    /// `token`, with the native ETH placeholder replaced by WETH.
    @inlinable
    public static func wrapping(_ token: Address) -> Address {
        token == ArbitrumOne.nativeETHPlaceholder ? ArbitrumOne.wrappedNativeToken : token
    }
}
