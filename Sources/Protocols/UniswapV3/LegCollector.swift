import Kernel

/// What one decode accumulates as it unrolls a call: the legs found so far, in execution order,
/// and the work it may still do.
///
/// Nested structures can alias (two multicall elements, or two Universal Router inputs, may point
/// at the same bytes), so a few kilobytes could otherwise describe an exponential number of
/// nested calls. Every multicall element and every command visited costs one unit of a budget
/// of one unit per 32-byte word of calldata, which an honest encoding never exhausts (each
/// element needs at least its own offset word).
struct LegCollector {
    /// The legs so far.
    var legs: [SwapLeg] = []
    /// Index of the outermost calldata's first byte: error offsets are relative to it.
    let origin: Int
    /// Units of work left.
    private var budget: Int

    /// A collector for the calldata `calldata`.
    init(calldata: ArraySlice<UInt8>) {
        origin = calldata.startIndex
        budget = calldata.count / 32 + 1
    }

    /// Makes room for up to `count` more legs (capped: `count` comes from the wire) in one allocation.
    @inline(__always)
    mutating func expect(_ count: Int) {
        legs.reserveCapacity(legs.count + min(count, 8))
    }

    /// Spends one unit of work on the element or command at `offset`; `.tooLarge` when none is left.
    @inline(__always)
    mutating func visit(at offset: Int, field: StaticString) throws(DecodingError) {
        guard budget > 0 else { throw DecodingError(.tooLarge, at: offset, field: field) }
        budget -= 1
    }
}
