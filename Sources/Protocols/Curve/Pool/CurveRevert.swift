/// The messages of `PoolError.revert` for Curve pools.
///
/// Vyper's `assert` without a reason, `raise`, out-of-range array indexes and its checked
/// arithmetic revert with empty return data; the messages name the failed check the way the
/// source's `# dev:` comments do, so that callers and tests can tell them apart.
public enum CurveRevert {
    /// `assert i != j  # dev: same coin`.
    public static let sameCoin = "dev: same coin"
    /// A coin index below zero or at or above `N_COINS` (`assert`s in `get_y`, array bounds).
    public static let indexOutOfRange = "dev: coin index out of range"
    /// `assert _dx > 0  # dev: do not exchange 0 coins` (StableSwap-NG).
    public static let zeroInput = "dev: do not exchange 0 coins"
    /// The bare `raise` after 255 Newton steps of `get_D`.
    public static let invariantDidNotConverge = "dev: get_D did not converge"
    /// The bare `raise` after 255 Newton steps of `get_y`.
    public static let balanceDidNotConverge = "dev: get_y did not converge"
    /// StableSwap-NG's `pack_2` (`assert p1 < 2**128`) storing an invariant of 2^128 or more in
    /// the D oracle after an exchange.
    public static let oracleOverflow = "dev: D above 2**128 in pack_2"
    /// Vyper's checked `uint256` arithmetic: an overflow, an underflow or a division by zero.
    public static let safeMath = "dev: safe math"
}
