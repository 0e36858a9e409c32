import Kernel

/// UniswapV2Library's `getAmountOut` and `getAmountIn`, with the library's reverts and SafeMath's
/// (`ds-math-*`) at the same operations.
enum V2Formula {
    /// `amountIn·m·reserveOut / (reserveIn·d + amountIn·m)`, rounded down, for a fee of m/d.
    @inlinable
    static func amountOut(_ amountIn: UInt256, reserveIn: UInt256, reserveOut: UInt256, fee: PairFee) throws(PoolError) -> UInt256 {
        guard amountIn != .zero else { throw .revert("UniswapV2Library: INSUFFICIENT_INPUT_AMOUNT") }
        guard reserveIn != .zero, reserveOut != .zero else { throw .revert("UniswapV2Library: INSUFFICIENT_LIQUIDITY") }
        let amountInWithFee = try multiply(amountIn, fee.multiplier)
        let numerator = try multiply(amountInWithFee, reserveOut)
        let denominator = try add(try multiply(reserveIn, fee.denominator), amountInWithFee)
        return numerator / denominator
    }

    /// `reserveIn·amountOut·d / ((reserveOut − amountOut)·m) + 1`, for a fee of m/d.
    @inlinable
    static func amountIn(_ amountOut: UInt256, reserveIn: UInt256, reserveOut: UInt256, fee: PairFee) throws(PoolError) -> UInt256 {
        guard amountOut != .zero else { throw .revert("UniswapV2Library: INSUFFICIENT_OUTPUT_AMOUNT") }
        guard reserveIn != .zero, reserveOut != .zero else { throw .revert("UniswapV2Library: INSUFFICIENT_LIQUIDITY") }
        let numerator = try multiply(try multiply(reserveIn, amountOut), fee.denominator)
        let remaining = try reserveOut.subtracting(amountOut, orRevert: "ds-math-sub-underflow")
        let denominator = try multiply(remaining, fee.multiplier)
        // Solidity before 0.8 has no reason for a division by zero (all of the output requested).
        return try add(try numerator.divided(by: denominator, orRevert: "division by zero"), UInt256(1))
    }

    /// SafeMath's `mul`.
    @inlinable
    static func multiply(_ a: UInt256, _ b: UInt256) throws(PoolError) -> UInt256 {
        try a.multiplied(by: b, orRevert: "ds-math-mul-overflow")
    }

    /// SafeMath's `add`.
    @inlinable
    static func add(_ a: UInt256, _ b: UInt256) throws(PoolError) -> UInt256 {
        try a.adding(b, orRevert: "ds-math-add-overflow")
    }
}
