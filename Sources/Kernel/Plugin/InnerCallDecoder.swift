/// Classifies a call an aggregator makes on the user's behalf, as the host classifies a
/// transaction's call: to a DEX router or pool, to another aggregator, or to neither.
public protocol InnerCallDecoder: Sendable {
    /// The swaps `call` requests, or nil when its callee is no known router or pool or the
    /// function is not a swap. Spends one call of `budget` (and a level, for an aggregator);
    /// throws `tooDeep` when the budget is spent, and malformed calldata as the callee's decoder
    /// refuses it, with offsets into the outermost calldata.
    func decode(_ call: ContractCall, budget: inout InnerCallBudget) throws(DecodingError) -> DecodedSwap?
}

/// How far one transaction's call may be unrolled through wrapped calls: a recursion bomb
/// (wrappers nested deep, or thousands of inner calls) ends in a typed error, not a long loop.
public struct InnerCallBudget: Sendable {
    /// Wrapping levels still allowed below the current one.
    public private(set) var levels: Int
    /// Inner calls still allowed in all.
    public private(set) var calls: Int
    /// The index of the outermost calldata's first byte; error offsets are relative to it.
    public let origin: Int

    /// The default budget: 3 levels of wrapping and 32 inner calls, enough for every real
    /// settlement and wrapper in the fixtures (the largest makes 5 inner calls at one level).
    public static let levelLimit = 3
    /// The default number of inner calls.
    public static let callLimit = 32

    /// A budget for the call whose calldata starts at index `origin`.
    public init(origin: Int, levels: Int = InnerCallBudget.levelLimit, calls: Int = InnerCallBudget.callLimit) {
        self.origin = origin
        self.levels = levels
        self.calls = calls
    }

    /// Spends one inner call at `data` (a slice of the outermost calldata); throws `tooDeep`
    /// when none is left.
    public mutating func spendCall(at data: ArraySlice<UInt8>) throws(DecodingError) {
        guard calls > 0 else { throw DecodingError(.tooDeep, at: data.startIndex - origin, field: "inner calls") }
        calls -= 1
    }

    /// Runs `body` one wrapping level down; throws `tooDeep` when no level is left.
    public mutating func descend<T>(at data: ArraySlice<UInt8>, _ body: (inout InnerCallBudget) throws(DecodingError) -> T) throws(DecodingError) -> T {
        guard levels > 0 else { throw DecodingError(.tooDeep, at: data.startIndex - origin, field: "wrapped calls") }
        levels -= 1
        defer { levels += 1 }
        return try body(&self)
    }
}
