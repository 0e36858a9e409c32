import Kernel

/// The nesting limit shared by multicalls and Universal Router sub-plans.
enum Nesting {
    /// How many levels of multicall (a multicall inside a multicall …) or of Universal Router
    /// plans (`execute` and its `EXECUTE_SUB_PLAN`s) one call may nest, the outermost included.
    /// Real router calls use one or two.
    static let maxDepth = 4

    /// Checks that a structure at `depth` (1 for the outermost) is within the limit.
    @inline(__always)
    static func check(_ depth: Int, at offset: Int, field: StaticString) throws(DecodingError) {
        guard depth <= maxDepth else { throw DecodingError(.tooDeep, at: offset, field: field) }
    }
}
