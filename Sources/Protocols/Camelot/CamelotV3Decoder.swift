import Kernel

/// Turns calls to one Camelot V3 entry's Algebra SwapRouter and pools into swap legs.
///
/// Router: `exactInputSingle`, `exactInput`, `exactOutputSingle`, `exactOutput`,
/// `exactInputSingleSupportingFeeOnTransferTokens` give one leg each; `multicall(bytes[])` is
/// unrolled in order (nested multicalls too, up to ``maxMulticallDepth`` levels and
/// ``maxMulticallCalls`` inner calls in all), its non-swap calls (payments, permits) skipped.
/// Pools: `swap` and `swapSupportingFeeOnInputTokens` give one leg on the pool called.
public struct CamelotV3Decoder: SwapDecoder {
    /// How many multicalls may be nested, the outermost included; deeper is `tooDeep`.
    public static let maxMulticallDepth = 3
    /// How many inner calls all the multicalls of one call may hold together; more is `tooLarge`.
    /// Bounds the work of inputs whose offsets point many elements at the same bytes.
    public static let maxMulticallCalls = 64

    /// The entry's name, written into every leg.
    let dex: String
    /// The router deployments (a handful: compared one by one).
    let routers: [Address]
    /// The pools called directly.
    let pools: Set<Address>

    /// The legs `call` requests, nil when it is not a swap; malformed arguments of a known swap
    /// function throw, at offsets from the start of the calldata.
    public func decode(_ call: ContractCall) throws(DecodingError) -> DecodedSwap? {
        guard let selector = call.selector else { return nil }
        if let function = AlgebraRouterFunction(rawValue: selector) {
            guard routers.contains(call.to) else { return nil }
            var unroller = MulticallUnroller(dex: dex)
            try unroller.append(function, call.data, depth: 1)
            return unroller.legs.isEmpty ? nil : DecodedSwap(function: function.name, legs: unroller.legs)
        }
        guard let function = AlgebraPoolSwap(rawValue: selector), pools.contains(call.to) else { return nil }
        return try ABIReader.withArguments(of: call.data) { (arguments) throws(DecodingError) in
            try function.decode(dex: dex, pool: call.to, arguments: arguments)
        }
    }
}
