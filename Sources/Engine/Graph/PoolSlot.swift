/// A pool's number in a `CycleIndex`, dense from 0, so that the engine can keep per-pool data
/// (states, spot rates) in arrays indexed by it. When a pool is removed, its slot goes to the
/// next pool inserted.
@frozen
public struct PoolSlot: Hashable, Comparable, Sendable {
    /// The number, from 0.
    public let rawValue: UInt32

    /// The slot numbered `rawValue`.
    @inlinable
    init(rawValue: UInt32) { self.rawValue = rawValue }

    /// The number as an array index.
    @inlinable
    public var index: Int { Int(rawValue) }

    /// Orders slots by number.
    @inlinable
    public static func < (a: PoolSlot, b: PoolSlot) -> Bool { a.rawValue < b.rawValue }
}
