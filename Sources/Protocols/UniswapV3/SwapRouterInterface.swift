import Kernel

/// Uniswap's original SwapRouter (`0xE592…1564`, Uniswap/v3-periphery): the four V3 swap
/// functions with a `deadline` in each struct, and `multicall(bytes[])`. Its other functions
/// (`unwrapWETH9`, `refundETH`, `sweepToken`, `selfPermit…`) move no pool and are not swaps.
struct SwapRouterInterface: RouterInterface {
    /// The struct layouts and the entry the legs belong to.
    let arguments: V3RouterArguments

    /// An interface whose legs belong to the entry `dex`.
    init(dex: String) {
        arguments = V3RouterArguments(hasDeadline: true, zeroInputIsBalance: false, dex: dex)
    }

    func append(_ call: ArraySlice<UInt8>, depth: Int, deadline: UInt256?, to unroller: inout MulticallUnroller) throws(DecodingError) -> String? {
        guard let selector = FunctionSelector.leading(call) else { return nil }
        let reader = CalldataReader.arguments(of: call, origin: unroller.origin)
        switch selector {
        case Selector.exactInputSingle:
            unroller.legs.append(try arguments.single(reader, exactInput: true, deadline: nil))
            return "exactInputSingle"
        case Selector.exactOutputSingle:
            unroller.legs.append(try arguments.single(reader, exactInput: false, deadline: nil))
            return "exactOutputSingle"
        case Selector.exactInput:
            unroller.legs.append(try arguments.path(reader, exactInput: true, deadline: nil))
            return "exactInput"
        case Selector.exactOutput:
            unroller.legs.append(try arguments.path(reader, exactInput: false, deadline: nil))
            return "exactOutput"
        case Selector.multicall:
            try unroller.unroll(reader, index: 0, depth: depth + 1) { element, unroller throws(DecodingError) in
                _ = try append(element, depth: depth + 1, deadline: nil, to: &unroller)
            }
            return "multicall"
        default:
            return nil
        }
    }
}
