import Kernel

/// Converts amounts between a base token and ETH through the deepest pool of the pair, on the
/// pending state: the pool whose closed form holds the most WETH (pools without one rank last).
struct EthConversion {
    /// The pools holding both the base and WETH, by base.
    private(set) var pairPools: [Address: [PoolSlot]] = [:]

    /// Notes `slot`, a pool of `tokens`, for every base among them paired with WETH.
    mutating func add(_ slot: PoolSlot, tokens: [Address], bases: [Address]) {
        guard tokens.contains(ArbitrumOne.wrappedNativeToken) else { return }
        for base in bases where base != ArbitrumOne.wrappedNativeToken && tokens.contains(base) {
            pairPools[base, default: []].append(slot)
        }
    }

    /// Forgets `slot`.
    mutating func remove(_ slot: PoolSlot) {
        for base in pairPools.keys { pairPools[base]?.removeAll { $0 == slot } }
    }

    /// `amount` of `from` as paid out in `to` by the deepest pool of the pair (one of them is
    /// WETH); the amount itself when `from == to`; nil without a pool that quotes it.
    func convert(_ amount: UInt256, from: Address, to: Address, state: PendingState) -> UInt256? {
        if from == to || amount.isZero { return amount }
        let base = from == ArbitrumOne.wrappedNativeToken ? to : from
        var best: (depth: UInt256, pool: any PricingPool, from: Int, to: Int)?
        for slot in pairPools[base] ?? [] {
            guard let pool = state.pool(slot), let i = pool.tokens.firstIndex(of: from), let j = pool.tokens.firstIndex(of: to) else { continue }
            let weth = pool.tokens.firstIndex(of: ArbitrumOne.wrappedNativeToken) ?? i
            let other = weth == i ? j : i
            let depth = pool.swapCurve(from: weth, to: other)?.reserveIn ?? .zero
            if best == nil || depth > (best?.depth ?? .zero) { best = (depth, pool, i, j) }
        }
        guard let best else { return nil }
        return try? best.pool.amountOut(amount, from: best.from, to: best.to)
    }
}
