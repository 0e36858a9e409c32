import Kernel

/// A V2 pair's swap fee as the contract multiplies it: `amountIn * multiplier` against
/// `reserveIn * denominator`.
///
/// Uniswap V2 and SushiSwap write the 0.3 % fee as 997 over 1000; forks with other fees use their
/// own constants (PancakeSwap's 0.25 % is 9975 over 10000). The fee comes from dex.yaml in
/// millionths and is written with the smallest power-of-ten denominator of at least 1000 that
/// holds it exactly, which is the form those contracts use, so intermediate products overflow
/// exactly where the contract's SafeMath does.
public struct PairFee: Sendable, Equatable {
    /// The factor on the input (997 for 0.3 %).
    public let multiplier: UInt256
    /// The factor on the input reserve (1000 for 0.3 %).
    public let denominator: UInt256
    /// The fee in millionths (3000 for 0.3 %).
    public let millionths: UInt32

    /// Uniswap V2's fee: 0.3 %, 997 over 1000.
    public static let uniswap = PairFee(millionths: 3000)!

    /// The fee of `millionths` (3000 = 0.3 %); nil for a fee of 100 % or more.
    public init?(millionths: UInt32) {
        guard millionths < 1_000_000 else { return nil }
        let fee = UInt64(millionths)
        var denominator: UInt64 = 1000
        while denominator < 1_000_000, fee * denominator % 1_000_000 != 0 {
            denominator *= 10
        }
        self.millionths = millionths
        self.denominator = UInt256(denominator)
        multiplier = UInt256(denominator - fee * denominator / 1_000_000)
    }
}
