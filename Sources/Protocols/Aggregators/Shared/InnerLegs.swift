import Kernel

/// What a wrapper's inner calls add up to: the legs of those the host recognised, in order,
/// and the routes of those it could only name.
struct InnerLegs {
    /// The legs so far.
    private(set) var legs: [SwapLeg] = []
    /// The unknown routes so far.
    private(set) var unknownRoutes: [UnknownRoute] = []

    /// Classifies `call` through `inner` and adds what it swaps; with `amountFromBalance` (the
    /// wrapper writes its balance into the call before making it), its exact-input legs take
    /// what the wrapper holds rather than the amount written.
    mutating func add(_ call: ContractCall, inner: any InnerCallDecoder, budget: inout InnerCallBudget,
                      amountFromBalance: Bool = false) throws(DecodingError) {
        guard let swap = try inner.decode(call, budget: &budget) else { return }
        legs += swap.legs.map { leg in
            guard amountFromBalance, case .exactIn = leg.amount else { return leg }
            var fromBalance = leg
            fromBalance.amount = .exactInRouterBalance
            return fromBalance
        }
        unknownRoutes += swap.unknownRoutes.map { route in
            var fromBalance = route
            if amountFromBalance { fromBalance.amountIn = nil }
            return fromBalance
        }
    }

    /// Adds a leg the wrapper decoded itself.
    mutating func append(_ leg: SwapLeg) {
        legs.append(leg)
    }

    /// Adds a route the wrapper could only name.
    mutating func append(_ route: UnknownRoute) {
        unknownRoutes.append(route)
    }

    /// Whether no inner call swapped.
    var isEmpty: Bool { legs.isEmpty && unknownRoutes.isEmpty }

    /// The decoded swap of the wrapper's `function`, or nil when no inner call swapped.
    func swap(function: String) -> DecodedSwap? {
        isEmpty ? nil : DecodedSwap(function: function, legs: legs, unknownRoutes: unknownRoutes)
    }

    /// The decoded swap of the wrapper's `function` when some inner call gave legs (nil
    /// otherwise), with the user's least output `minimum` on a last leg that pays `token`.
    func swap(function: String, leastOut minimum: UInt256?, paying token: Address?) -> DecodedSwap? {
        guard var swap = swap(function: function), let last = swap.legs.indices.last else { return nil }
        if swap.legs[last].tokenOut == token { swap.legs[last].limit = minimum }
        return swap
    }
}
