/// Unrolls the nested calls of one router call, within one set of limits, and collects their legs
/// in the order the router runs them.
///
/// Nested calls are the elements of a `multicall` (the router delegate-calls itself with each, so
/// each is decoded as a call to the same router, one level deeper) and the commands of a command
/// plan (the Universal Router's `execute` and its `EXECUTE_SUB_PLAN`s). Nested structures can
/// alias (two elements, or two command inputs, may point at the same bytes), so a few kilobytes
/// could otherwise describe an exponential number of calls; hence the limits, the same for every
/// router:
/// - ``maxDepth`` levels of multicalls or plans, the outermost included; deeper is `.tooDeep`;
/// - ``maxCalls`` inner calls (multicall elements and plan commands) in all levels together;
///   more is `.tooLarge`.
///
/// The Uniswap V3 routers and Camelot's Algebra router used to have their own limits (4 levels
/// and one inner call per 32-byte word of calldata; 3 levels and 64 calls). These are the
/// stricter depth and the fixed call count: real router calls nest one or two levels and hold a
/// handful of calls, and a fixed count bounds the work of a call whatever its size.
public struct MulticallUnroller {
    /// How many levels of multicalls or plans one call may nest, the outermost included.
    public static let maxDepth = 3
    /// How many inner calls all the levels of one call may hold together.
    static let maxCalls = 64

    /// The legs so far, in execution order.
    public var legs: [SwapLeg] = []
    /// Index of the outermost calldata's first byte: error offsets are relative to it.
    public let origin: Int
    /// Inner calls that may still be read.
    @usableFromInline
    var remainingCalls = maxCalls

    /// An unroller for the call whose calldata is `calldata`.
    public init(calldata: ArraySlice<UInt8>) {
        origin = calldata.startIndex
    }

    /// Checks that a multicall or plan at nesting level `depth` (1 for the outermost) is within
    /// ``maxDepth``; `.tooDeep` at `offset` in `field` otherwise.
    @inlinable
    public static func checkDepth(_ depth: Int, at offset: Int, field: StaticString) throws(DecodingError) {
        guard depth <= maxDepth else { throw DecodingError(.tooDeep, at: offset, field: field) }
    }

    /// Counts one inner call, at `offset` in `field`, against ``maxCalls``; `.tooLarge` when none
    /// is left.
    @inlinable
    public mutating func visit(at offset: Int, field: StaticString) throws(DecodingError) {
        guard remainingCalls > 0 else { throw DecodingError(.tooLarge, at: offset, field: field) }
        remainingCalls -= 1
    }

    /// Unrolls the `bytes[] data` at head index `index` of a multicall's `arguments`: checks its
    /// nesting level `depth` (1 for a multicall called directly), then decodes each element, in
    /// order, with `element`, each counted as one inner call.
    @inlinable
    public mutating func unroll(
        _ arguments: CalldataReader, index: Int, depth: Int,
        element: (ArraySlice<UInt8>, inout MulticallUnroller) throws(DecodingError) -> Void
    ) throws(DecodingError) {
        try Self.checkDepth(depth, at: arguments.offset(ofWord: index), field: "data")
        let (count, elements) = try arguments.array(index, field: "data")
        legs.reserveCapacity(legs.count + min(count, 8))  // `count` comes from the wire: capped
        for n in 0..<count {
            let call = try elements.bytes(n, field: "data")
            try visit(at: arguments.offset(of: call.startIndex), field: "data")
            try element(call, &self)
        }
    }
}
