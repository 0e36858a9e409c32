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
    public static let uniswap = PairFee(multiplier: 997, denominator: 1000, millionths: 3000)

    private init(multiplier: UInt64, denominator: UInt64, millionths: UInt32) {
        self.multiplier = UInt256(multiplier)
        self.denominator = UInt256(denominator)
        self.millionths = millionths
    }

    /// The fee of `millionths` (3000 = 0.3 %); nil for a fee of 100 % or more.
    public init?(millionths: UInt32) {
        guard millionths < 1_000_000 else { return nil }
        let fee = UInt64(millionths)
        var denominator: UInt64 = 1000
        while denominator < 1_000_000, fee * denominator % 1_000_000 != 0 {
            denominator *= 10
        }
        self.init(multiplier: denominator - fee * denominator / 1_000_000, denominator: denominator, millionths: millionths)
    }

    /// The fee an entry's `fees:` gives its pairs: its one value, or 0.3 % when it has none.
    static func entryFee(_ fees: [UInt32]) throws(PluginConfigError) -> PairFee {
        guard fees.count <= 1 else { throw PluginConfigError(field: "fees", message: "a V2 entry has one pair fee, not \(fees.count)") }
        guard let millionths = fees.first else { return .uniswap }
        guard let fee = PairFee(millionths: millionths) else {
            throw PluginConfigError(field: "fees[0]", message: "\(millionths) is not a pair fee in millionths (below 1000000)")
        }
        return fee
    }
}
