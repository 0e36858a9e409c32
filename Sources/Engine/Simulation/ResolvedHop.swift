import Kernel

/// A leg's hop as the engine runs it: the pool's slot, the coin indexes and the price limit.
struct ResolvedHop {
    /// The pool.
    var slot: PoolSlot
    /// The index of the coin paid in.
    var from: Int
    /// The index of the coin paid out.
    var to: Int
    /// The call's price limit for this hop, if any.
    var sqrtPriceLimitX96: UInt256?
    /// The token the hop pays out.
    var tokenOut: Address

    /// Finds `hop` of a leg to `dex` among the engine's pools, after the hop `previous` of the
    /// same leg (nil for the first); nil when the pool is not held or the hop's tokens are not
    /// its coins.
    init?(
        _ hop: SwapHop, after previous: ResolvedHop?, dex: String, state: PendingState, changes: [PoolSlot: any PricingPool], index: CycleIndex,
        roster: inout PoolRoster
    ) {
        let address: Address
        switch hop.pool {
        case .pool(let pool, _), .coins(let pool, _, _), .address(let pool):
            address = pool
        case .byTokens(let fee):
            guard let tokenIn = hop.tokenIn, let tokenOut = hop.tokenOut,
                  let pool = roster.poolAddress(dex: dex, tokenIn, tokenOut, fee: fee)
            else { return nil }
            address = pool
        }
        guard let slot = index.slot(of: address), let pool = changes[slot] ?? state.pool(slot) else { return nil }
        switch hop.pool {
        case .pool(_, let zeroForOne):
            (from, to) = zeroForOne ? (0, 1) : (1, 0)
        case .coins(_, let i, let j):
            (from, to) = (i, j)
        case .byTokens:
            guard let tokenIn = hop.tokenIn, let tokenOut = hop.tokenOut,
                  let i = pool.tokens.firstIndex(of: tokenIn), let j = pool.tokens.firstIndex(of: tokenOut)
            else { return nil }
            (from, to) = (i, j)
        case .address:
            guard let tokenIn = hop.tokenIn ?? previous?.tokenOut, let i = pool.tokens.firstIndex(of: tokenIn) else { return nil }
            if let tokenOut = hop.tokenOut {
                guard let j = pool.tokens.firstIndex(of: tokenOut) else { return nil }
                (from, to) = (i, j)
            } else {
                // Without the token out, only a two-token pool says where the hop goes.
                guard pool.tokens.count == 2 else { return nil }
                (from, to) = (i, 1 - i)
            }
        }
        guard from != to, pool.tokens.indices.contains(from), pool.tokens.indices.contains(to) else { return nil }
        self.slot = slot
        sqrtPriceLimitX96 = hop.sqrtPriceLimitX96
        tokenOut = pool.tokens[to]
    }
}
