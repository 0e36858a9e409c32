import Kernel

/// Recognises the swaps in contract calls. The callee finds its entry in one hash lookup (the
/// routers and configured pools of the enabled DEX entries, the routers of the enabled
/// aggregators), and that entry's plugin decodes the calldata; an aggregator's wrapped calls are
/// classified the same way, within an `InnerCallBudget`. A callee no entry has, or a function
/// its decoder does not know, is not a swap; calldata its decoder refuses is a
/// `MalformedSwapCall`, counted per entry.
public struct SwapClassifier {
    /// The known contracts and their decoders.
    private let callees: CalleeTable
    /// What has been classified so far, per entry.
    private(set) var counters: SwapCounters

    /// A classifier for the enabled entries of `config`; disabled ones are left out.
    public init(_ config: LoadedConfig) {
        callees = CalleeTable(config)
        counters = SwapCounters(dexNames: callees.names)
    }

    /// The entry `address` belongs to, if an enabled one has it as a router or pool.
    func dex(at address: Address) -> String? {
        callees.indexByAddress.index(of: address).map { callees.names[$0] }
    }

    /// What `call` is: a swap with its legs (and the aggregator routes it could only name), not
    /// a swap, or malformed calldata for a known entry.
    public mutating func classify(_ call: ContractCall) -> SwapClassification {
        guard let index = callees.indexByAddress.index(of: call.to) else { return .notASwap }
        do {
            var budget = InnerCallBudget(origin: call.data.startIndex)
            guard let swap = try callees.decode(call, entry: index, budget: &budget) else { return .notASwap }
            counters.countSwap(index)
            for route in swap.unknownRoutes { counters.countRouteUnknown(aggregator: route.aggregator, likely: index) }
            return .swap(dex: callees.names[index], swap)
        } catch {
            counters.countMalformed(index)
            return .malformed(MalformedSwapCall(dex: callees.names[index], error: error))
        }
    }

    /// The address of `hop`'s pool in a leg of the entry `dex` (see `CalleeTable.pool(of:dex:)`).
    func pool(of hop: SwapHop, dex: String) -> Address? {
        callees.pool(of: hop, dex: dex)
    }
}

/// What a call is, to the classifier.
public enum SwapClassification: Equatable, Sendable {
    /// Not a call to a known router or pool, or not one of its swap functions.
    case notASwap
    /// A swap through the entry named `dex` (a DEX or an aggregator). An aggregator swap whose
    /// route is hidden has no legs and names the route in `unknownRoutes`.
    case swap(dex: String, DecodedSwap)
    /// A swap function of a known router or pool with calldata its decoder refuses.
    case malformed(MalformedSwapCall)
}

/// Calldata to a known router or pool that its entry's decoder refused.
public struct MalformedSwapCall: Error, Equatable, Sendable {
    /// The dex.yaml entry whose router or pool was called.
    public var dex: String
    /// What was wrong, where in the calldata.
    public var error: DecodingError
}
