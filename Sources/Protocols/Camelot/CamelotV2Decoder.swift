import Kernel

/// Turns calls to one Camelot V2 entry's router and pairs into swap legs.
///
/// CamelotRouter's three swap functions (all exact-input, fee-on-transfer style, with a
/// `referrer`) give one leg each; a pair's `swap`, with or without `referrer`, gives one
/// exact-output leg per token taken out. Anything else is not a swap.
public struct CamelotV2Decoder: SwapDecoder {
    /// The entry's name, written into every leg.
    let dex: String
    /// The router deployments (a handful: compared one by one).
    let routers: [Address]
    /// The pairs called directly.
    let pairs: Set<Address>
    /// The token the ETH functions wrap native ETH into.
    let wrappedNativeToken: Address

    /// The legs `call` requests, nil when it is not a swap; malformed arguments of a known swap
    /// function throw, at offsets from the start of the calldata.
    public func decode(_ call: ContractCall) throws(DecodingError) -> DecodedSwap? {
        guard let selector = call.selector else { return nil }
        if let function = CamelotRouterFunction(rawValue: selector) {
            guard routers.contains(call.to) else { return nil }
            let leg = try ABIReader.withArguments(of: call.data) { (arguments) throws(DecodingError) in
                try function.layout.leg(dex: dex, arguments: arguments, value: call.value, wrappedNativeToken: wrappedNativeToken)
            }
            return DecodedSwap(function: function.name, legs: [leg])
        }
        guard let variant = CamelotPairSwap(rawValue: selector), pairs.contains(call.to) else { return nil }
        return try ABIReader.withArguments(of: call.data) { (arguments) throws(DecodingError) in
            try variant.decode(dex: dex, pair: call.to, arguments: arguments)
        }
    }
}
