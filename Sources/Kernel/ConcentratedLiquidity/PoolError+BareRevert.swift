extension PoolError {
    /// A contract `require` without a reason string (SafeMath, SafeCast, FullMath).
    @usableFromInline
    static let bareRevert = PoolError.revert("")
}
