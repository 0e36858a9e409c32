/// A contract call as a transaction (or an outer call) makes it.
public struct ContractCall: Sendable {
    /// The callee.
    public var to: Address
    /// The calldata: selector and ABI-encoded arguments.
    public var data: ArraySlice<UInt8>
    /// Wei sent with the call.
    public var value: UInt256

    /// Creates a call.
    public init(to: Address, data: ArraySlice<UInt8>, value: UInt256) {
        self.to = to
        self.data = data
        self.value = value
    }
}

/// The swaps one call requests.
public struct DecodedSwap: Sendable, Equatable {
    /// The outermost function called, e.g. `multicall` or `exactInputSingle`.
    public var function: String
    /// The legs in the order the contract runs them.
    public var legs: [SwapLeg]
    /// The aggregator swaps among them whose route the calldata hides; empty for DEX calls.
    public var unknownRoutes: [UnknownRoute]

    /// Creates a decoded swap.
    public init(function: String, legs: [SwapLeg], unknownRoutes: [UnknownRoute] = []) {
        self.function = function
        self.legs = legs
        self.unknownRoutes = unknownRoutes
    }
}

/// The router/decoder plugin protocol: turns calls to one DEX's routers and pools into legs.
///
/// A decoder is asked only about calls whose `to` the host mapped to it (its routers and known
/// pools). A selector it does not know is not a swap: it returns nil, never an error. Malformed
/// calldata for a function it knows is a `DecodingError` (offsets relative to the calldata).
/// Nested structures (multicalls, command streams, sub-plans) are unrolled with a depth limit.
public protocol SwapDecoder: Sendable {
    /// The legs `call` requests, or nil when it is not a swap.
    func decode(_ call: ContractCall) throws(DecodingError) -> DecodedSwap?
}
