/// One hop of a cycle, as a pricing step needs it: the pool's slot and the indexes of the coins
/// it swaps from and to, the arguments of `PricingPool.amountOut(_:from:to:)`.
///
/// The hop's tokens are the pool's coins at those indexes: token in is `tokens[from]`, token out
/// `tokens[to]` (`CycleIndex.legs(of:)` spells them out as addresses). Keeping them as indexes
/// makes a hop 6 bytes, so that a whole cycle fits in 24 (see `Cycle`).
@frozen
public struct CycleHop: Hashable, Sendable {
    /// The pool swapped through.
    public let pool: PoolSlot
    /// The index of the coin paid in, as a byte.
    @usableFromInline
    let fromIndex: UInt8
    /// The index of the coin taken out, as a byte.
    @usableFromInline
    let toIndex: UInt8

    /// The hop through `pool` from coin `from` to coin `to`; both are below
    /// `CycleIndex.maxCoinsPerPool`.
    @inlinable
    init(pool: PoolSlot, from: Int, to: Int) {
        self.pool = pool
        self.fromIndex = UInt8(truncatingIfNeeded: from)
        self.toIndex = UInt8(truncatingIfNeeded: to)
    }

    /// The index of the coin paid in, among the pool's tokens.
    @inlinable
    public var from: Int { Int(fromIndex) }

    /// The index of the coin taken out, among the pool's tokens.
    @inlinable
    public var to: Int { Int(toIndex) }
}
