import Kernel

/// Turns calls to one Uniswap V2 entry's routers and pairs into swap legs.
///
/// Router02's nine swap functions give one leg each, with the path as written; a pair's
/// `swap(amount0Out, amount1Out, to, data)` gives one exact-output leg per token taken out. Other
/// selectors, and a router selector sent to a pair (or the reverse), are not swaps.
public struct UniswapV2Decoder: SwapDecoder {
    /// The entry's name, written into every leg.
    let dex: String
    /// The Router02 deployments (a handful: compared one by one).
    let routers: [Address]
    /// The pairs called directly.
    let pairs: Set<Address>
    /// The token the ETH functions wrap native ETH into.
    let wrappedNativeToken: Address

    /// The legs `call` requests, nil when it is not a swap; malformed arguments of a known swap
    /// function throw, at offsets from the start of the calldata.
    public func decode(_ call: ContractCall) throws(DecodingError) -> DecodedSwap? {
        guard let selector = call.selector else { return nil }
        if let function = V2RouterFunction(rawValue: selector) {
            guard routers.contains(call.to) else { return nil }
            let leg = try ABIReader.withArguments(of: call.data) { (arguments) throws(DecodingError) in
                try function.layout.leg(dex: dex, arguments: arguments, value: call.value, wrappedNativeToken: wrappedNativeToken)
            }
            return DecodedSwap(function: function.name, legs: [leg])
        }
        guard selector == PairSwap.selector, pairs.contains(call.to) else { return nil }
        return try ABIReader.withArguments(of: call.data) { (arguments) throws(DecodingError) in
            try PairSwap.decode(dex: dex, pair: call.to, arguments: arguments)
        }
    }
}
