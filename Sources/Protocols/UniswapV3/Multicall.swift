import Kernel

/// `multicall(bytes[])` and its variants: the router delegate-calls itself with each element in
/// order, so each element is decoded as a call to the same router, one nesting level deeper.
enum Multicall {
    /// Decodes each element of the `bytes[]` at head index `index` of `arguments` with `element`.
    /// `depth` is this multicall's nesting level (1 for a multicall called directly).
    static func unroll(
        _ arguments: CalldataReader, index: Int, depth: Int, into collector: inout LegCollector,
        element: (ArraySlice<UInt8>, inout LegCollector) throws(DecodingError) -> Void
    ) throws(DecodingError) {
        try Nesting.check(depth, at: arguments.offset(ofWord: index), field: "data")
        let (count, elements) = try arguments.array(index, field: "data")
        collector.expect(count)
        for n in 0..<count {
            let call = try elements.bytes(n, field: "data")
            try collector.visit(at: arguments.offset(of: call.startIndex), field: "data")
            try element(call, &collector)
        }
    }
}
