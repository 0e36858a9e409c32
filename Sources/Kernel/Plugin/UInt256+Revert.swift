/// A contract's checked arithmetic (SafeMath, Vyper's `uint256` operators, Solidity ≥ 0.8): each
/// operation that fails reverts the call with the contract's own reason, here
/// `PoolError.revert(reason)`. The reason is only built when the operation fails.
extension UInt256 {
    /// `self + other`, or `PoolError.revert(reason)` where the sum does not fit 256 bits.
    @inlinable @inline(__always)
    public func adding(_ other: UInt256, orRevert reason: @autoclosure () -> String) throws(PoolError) -> UInt256 {
        let (sum, overflow) = addingReportingOverflow(other)
        if overflow { throw .revert(reason()) }
        return sum
    }

    /// `self - other`, or `PoolError.revert(reason)` where `other` is larger.
    @inlinable @inline(__always)
    public func subtracting(_ other: UInt256, orRevert reason: @autoclosure () -> String) throws(PoolError) -> UInt256 {
        let (difference, underflow) = subtractingReportingOverflow(other)
        if underflow { throw .revert(reason()) }
        return difference
    }

    /// `self · other`, or `PoolError.revert(reason)` where the product does not fit 256 bits.
    @inlinable @inline(__always)
    public func multiplied(by other: UInt256, orRevert reason: @autoclosure () -> String) throws(PoolError) -> UInt256 {
        let (product, overflow) = multipliedReportingOverflow(by: other)
        if overflow { throw .revert(reason()) }
        return product
    }

    /// `self / divisor` rounded down, or `PoolError.revert(reason)` for a zero divisor.
    @inlinable @inline(__always)
    public func divided(by divisor: UInt256, orRevert reason: @autoclosure () -> String) throws(PoolError) -> UInt256 {
        guard let (quotient, _) = quotientAndRemainder(dividingBy: divisor) else { throw .revert(reason()) }
        return quotient
    }
}
