import Kernel

/// The inputs a sizer may choose from: `lower ... upper`.
///
/// `upper` is the input cap (the balance available, a flash-loan limit). The closed form does
/// not need it to be tight; the bracketed search does, since its precision is relative to the
/// bracket: a natural choice is where the first hop's output saturates (its output reserve).
public struct SizingBounds: Sendable, Equatable {
    /// The smallest input considered (at least 1).
    public let lower: UInt256
    /// The largest input considered.
    public let upper: UInt256

    /// Bounds `lower ... upper`; nil when `lower` is zero or above `upper`.
    @inlinable
    public init?(lower: UInt256 = .one, upper: UInt256) {
        guard !lower.isZero, lower <= upper else { return nil }
        self.lower = lower
        self.upper = upper
    }

    /// `value` moved into the bounds.
    func clamp(_ value: UInt256) -> UInt256 {
        Swift.min(Swift.max(value, lower), upper)
    }
}
