/// Uniswap V3's `LiquidityMath`.
@usableFromInline
enum LiquidityMath {
    /// 2^128, one past the largest `uint128` liquidity.
    static let liquidityLimit = UInt256(0, 0, 1, 0)

    /// `addDelta`: `liquidity` (a uint128) moved by the int128 `delta`; reverts `"LS"` if it would
    /// go below zero and `"LA"` if it would reach 2^128.
    @usableFromInline
    static func addDelta(_ liquidity: UInt256, _ delta: Int256) throws(PoolError) -> UInt256 {
        if delta.isNegative {
            let magnitude = delta.magnitude
            guard magnitude <= liquidity else { throw .revert("LS") }
            return liquidity &- magnitude
        }
        let sum = liquidity &+ delta.bitPattern
        guard sum < liquidityLimit else { throw .revert("LA") }
        return sum
    }
}
