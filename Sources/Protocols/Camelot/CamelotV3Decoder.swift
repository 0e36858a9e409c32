import Kernel

/// Turns calls to one Camelot V3 entry's Algebra SwapRouter and pools into swap legs.
///
/// Router: `exactInputSingle`, `exactInput`, `exactOutputSingle`, `exactOutput`,
/// `exactInputSingleSupportingFeeOnTransferTokens` give one leg each; `multicall(bytes[])` is
/// unrolled in order (nested multicalls too, within `MulticallUnroller`'s limits), its non-swap
/// calls (payments, permits) skipped. Pools: `swap` and `swapSupportingFeeOnInputTokens` give one
/// leg on the pool called.
public struct CamelotV3Decoder: SwapDecoder {
    /// The entry's name, written into every leg.
    let dex: String
    /// The router deployments (a handful: compared one by one).
    let routers: [Address]
    /// The pools called directly.
    let pools: Set<Address>

    /// The legs `call` requests, nil when it is not a swap; malformed arguments of a known swap
    /// function throw, at offsets from the start of the calldata.
    public func decode(_ call: ContractCall) throws(DecodingError) -> DecodedSwap? {
        guard let selector = FunctionSelector.leading(call.data) else { return nil }
        if let function = AlgebraRouterFunction(rawValue: selector) {
            guard routers.contains(call.to) else { return nil }
            var unroller = MulticallUnroller(calldata: call.data)
            try append(function, call.data, depth: 0, to: &unroller)
            return unroller.legs.isEmpty ? nil : DecodedSwap(function: function.name, legs: unroller.legs)
        }
        guard let function = AlgebraPoolSwap(rawValue: selector), pools.contains(call.to) else { return nil }
        return try ABIReader.withArguments(of: call.data) { (arguments) throws(DecodingError) in
            try function.decode(dex: dex, pool: call.to, arguments: arguments)
        }
    }

    /// Appends the legs of a router call of `function` with `calldata` (selector included, a
    /// slice of the outermost calldata) inside `depth` multicalls (0 for the call itself). Each
    /// multicall element is a delegatecall to the router, read as a router call; elements that
    /// are not swap or multicall functions are skipped.
    private func append(_ function: AlgebraRouterFunction, _ calldata: ArraySlice<UInt8>, depth: Int, to unroller: inout MulticallUnroller) throws(DecodingError) {
        let arguments = CalldataReader.arguments(of: calldata, origin: unroller.origin)
        switch function {
        case .exactInputSingle, .exactInputSingleSupportingFeeOnTransferTokens:
            unroller.legs.append(try arguments.reading { (params) throws(DecodingError) in
                try AlgebraRouterSwap.exactInputSingle(dex: dex, arguments: params)
            })
        case .exactOutputSingle:
            unroller.legs.append(try arguments.reading { (params) throws(DecodingError) in
                try AlgebraRouterSwap.exactOutputSingle(dex: dex, arguments: params)
            })
        case .exactInput, .exactOutput:
            unroller.legs.append(try arguments.reading { (params) throws(DecodingError) in
                try AlgebraRouterSwap.multiHop(dex: dex, arguments: params, exactOutput: function == .exactOutput)
            })
        case .multicall:
            try unroller.unroll(arguments, index: 0, depth: depth + 1) { (element, unroller) throws(DecodingError) in
                guard let selector = FunctionSelector.leading(element), let inner = AlgebraRouterFunction(rawValue: selector) else { return }
                try append(inner, element, depth: depth + 1, to: &unroller)
            }
        }
    }
}
