/// Turns calls to one pair-family entry's routers and pairs (Uniswap V2 and its forks, Camelot V2)
/// into swap legs.
///
/// A router swap function gives one leg, with the path as written; a pair's `swap` gives one
/// exact-output leg per token taken out. Other selectors, a router function sent to a pair, and a
/// pair function sent to a router, are not swaps.
struct PairRouterDecoder: SwapDecoder {
    /// The entry's name, written into every leg.
    let dex: String
    /// The router deployments (a handful: compared one by one).
    let routers: [Address]
    /// The routers' swap functions (a handful: compared one by one).
    let functions: [PairRouterFunction]
    /// The pairs called directly.
    let pairs: Set<Address>
    /// The `swap` forms the pairs have.
    let pairSwaps: [PairSwap]
    /// The token the routers' ETH functions wrap native ETH into.
    let wrappedNativeToken: Address

    /// A decoder of `dex` for calls of `functions` to `routers` and of `pairSwaps` to `pairs`.
    init(dex: String, routers: [Address], functions: [PairRouterFunction], pairs: Set<Address>, pairSwaps: [PairSwap], wrappedNativeToken: Address) {
        self.dex = dex
        self.routers = routers
        self.functions = functions
        self.pairs = pairs
        self.pairSwaps = pairSwaps
        self.wrappedNativeToken = wrappedNativeToken
    }

    /// The legs `call` requests, nil when it is not a swap; malformed arguments of a known swap
    /// function throw, at offsets from the start of the calldata.
    func decode(_ call: ContractCall) throws(DecodingError) -> DecodedSwap? {
        guard let selector = FunctionSelector.leading(call.data) else { return nil }
        if let function = functions.first(where: { $0.selector == selector }) {
            guard routers.contains(call.to) else { return nil }
            let leg = try ABIReader.withArguments(of: call.data) { (arguments) throws(DecodingError) in
                try function.layout.leg(dex: dex, arguments: arguments, value: call.value, wrappedNativeToken: wrappedNativeToken)
            }
            return DecodedSwap(function: function.name, legs: [leg])
        }
        guard let swap = PairSwap(rawValue: selector), pairSwaps.contains(swap), pairs.contains(call.to) else { return nil }
        return try ABIReader.withArguments(of: call.data) { (arguments) throws(DecodingError) in
            try swap.decode(dex: dex, pair: call.to, arguments: arguments)
        }
    }
}
