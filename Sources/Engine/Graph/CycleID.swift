/// A cycle's place in a `CycleIndex`'s contiguous cycle storage.
///
/// An id names its cycle for as long as the cycle exists: inserting and removing other pools
/// never moves a cycle. When one of the cycle's pools is removed, the cycle goes and its id may
/// later name a new cycle.
@frozen
public struct CycleID: Hashable, Comparable, Sendable {
    /// The position in the storage, from 0.
    public let rawValue: UInt32

    /// The id at position `rawValue`.
    @inlinable
    init(rawValue: UInt32) { self.rawValue = rawValue }

    /// The position as an array index.
    @inlinable
    public var index: Int { Int(rawValue) }

    /// Orders ids by position.
    @inlinable
    public static func < (a: CycleID, b: CycleID) -> Bool { a.rawValue < b.rawValue }
}
