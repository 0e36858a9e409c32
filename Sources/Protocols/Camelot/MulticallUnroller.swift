import Kernel

/// Collects the legs of an Algebra SwapRouter call, unrolling `multicall(bytes[])` in order.
///
/// Each inner call is a delegatecall to the router, so it is read as a router call: swap
/// functions add their legs, nested multicalls are unrolled (up to
/// ``CamelotV3Decoder/maxMulticallDepth`` levels), other selectors (payments, permits) are
/// skipped. All levels together may hold at most ``CamelotV3Decoder/maxMulticallCalls`` inner
/// calls. Errors are at offsets from the start of the outermost calldata.
struct MulticallUnroller {
    /// The entry's name, written into every leg.
    let dex: String
    /// The legs found so far, in the order the router runs them.
    private(set) var legs: [SwapLeg] = []
    /// How many more inner calls may be read.
    private var remainingCalls = CamelotV3Decoder.maxMulticallCalls

    /// Creates an unroller with no legs.
    init(dex: String) {
        self.dex = dex
    }

    /// Adds the legs of a call to `function` with `calldata` (selector included) at multicall
    /// nesting level `depth` (1 for the outermost call).
    mutating func append(_ function: AlgebraRouterFunction, _ calldata: ArraySlice<UInt8>, depth: Int) throws(DecodingError) {
        try ABIReader.withArguments(of: calldata) { (arguments) throws(DecodingError) in
            switch function {
            case .exactInputSingle, .exactInputSingleSupportingFeeOnTransferTokens:
                legs.append(try AlgebraRouterSwap.exactInputSingle(dex: dex, arguments: arguments))
            case .exactOutputSingle:
                legs.append(try AlgebraRouterSwap.exactOutputSingle(dex: dex, arguments: arguments))
            case .exactInput:
                legs.append(try AlgebraRouterSwap.multiHop(dex: dex, arguments: arguments, exactOutput: false))
            case .exactOutput:
                legs.append(try AlgebraRouterSwap.multiHop(dex: dex, arguments: arguments, exactOutput: true))
            case .multicall:
                guard depth <= CamelotV3Decoder.maxMulticallDepth else {
                    throw DecodingError(.tooDeep, at: 0, field: "data")
                }
                try appendInnerCalls(arguments, depth: depth)
            }
        }
    }

    /// Adds the legs of each inner call of a multicall's `bytes[] data`, in order.
    private mutating func appendInnerCalls(_ arguments: ABIReader, depth: Int) throws(DecodingError) {
        let (count, items) = try arguments.array(0, field: "data")
        for index in 0..<count {
            guard remainingCalls > 0 else {
                throw DecodingError(.tooLarge, at: items.base + index * 32 - arguments.data.startIndex, field: "data")
            }
            remainingCalls -= 1
            let inner = try items.bytes(index, field: "data")
            // A delegatecall to the router itself: only the calldata matters.
            guard let selector = ContractCall(to: .zero, data: inner, value: .zero).selector,
                  let function = AlgebraRouterFunction(rawValue: selector) else { continue }
            do {
                try append(function, inner, depth: depth + 1)
            } catch {
                throw error.shifted(by: inner.startIndex - arguments.data.startIndex)
            }
        }
    }
}
