/// A cycle of two or three hops that starts and ends at a base token, through pools that are
/// all different; a collection of its hops in swap order.
///
/// Layout for screening: the hops are stored inline, not in an array of their own. A cycle is
/// 24 bytes (three 8-byte hop slots, the hop count in the last one's padding; a 2-hop cycle leaves
/// the third slot unused) and `CycleIndex` keeps all cycles in one contiguous array, so a
/// screening loop reads a cycle's hops from one run of adjacent memory, with no pointer to follow
/// and nothing to allocate. The cycles that one pool's insertion created lie next to each other
/// (except those that fill places freed by removals).
@frozen
public struct Cycle: RandomAccessCollection, Sendable {
    /// The hops; only the first `hopCount` are meaningful.
    @usableFromInline
    let hops: (CycleHop, CycleHop, CycleHop)
    /// 2 or 3; 0 marks a vacant place in the index's storage.
    @usableFromInline
    let hopCount: UInt8

    /// A cycle of `count` hops taken from the front of `hops`.
    @inlinable
    init(_ hops: (CycleHop, CycleHop, CycleHop), count: UInt8) {
        self.hops = hops
        self.hopCount = count
    }

    /// The first hop.
    @inlinable
    public var startIndex: Int { 0 }

    /// The hop count: 2 or 3.
    @inlinable
    public var endIndex: Int { Int(hopCount) }

    /// The hop at `position`, in swap order; the first takes the base token in, the last gives it back.
    @inlinable
    public subscript(position: Int) -> CycleHop {
        precondition(position >= 0 && position < endIndex, "hop index out of range")
        switch position {
        case 0: return hops.0
        case 1: return hops.1
        default: return hops.2
        }
    }
}

extension Cycle {
    /// The place-holder of a vacant storage place.
    static let vacant = Cycle((placeholderHop, placeholderHop, placeholderHop), count: 0)

    private static let placeholderHop = CycleHop(pool: PoolSlot(rawValue: 0), from: 0, to: 0)

    /// The 2-hop cycle `first` then `second`, whose hops start at tokens of base rank `ranks`,
    /// turned to start at the token of the smaller rank.
    static func rotated(_ first: CycleHop, _ second: CycleHop, startRanks ranks: (Int32, Int32)) -> Cycle {
        ranks.1 < ranks.0
            ? Cycle((second, first, placeholderHop), count: 2)
            : Cycle((first, second, placeholderHop), count: 2)
    }

    /// The 3-hop cycle `first`, `second`, `third`, whose hops start at tokens of base rank
    /// `ranks`, turned to start at the token of the smallest rank.
    static func rotated(_ first: CycleHop, _ second: CycleHop, _ third: CycleHop, startRanks ranks: (Int32, Int32, Int32)) -> Cycle {
        if ranks.1 < ranks.0 && ranks.1 <= ranks.2 {
            return Cycle((second, third, first), count: 3)
        }
        if ranks.2 < ranks.0 && ranks.2 < ranks.1 {
            return Cycle((third, first, second), count: 3)
        }
        return Cycle((first, second, third), count: 3)
    }
}
