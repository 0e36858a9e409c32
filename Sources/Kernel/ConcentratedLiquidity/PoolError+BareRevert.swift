extension PoolError {
    /// A contract `require` without a reason string (SafeMath, SafeCast, FullMath).
    public static let bareRevert = PoolError.revert("")
}
