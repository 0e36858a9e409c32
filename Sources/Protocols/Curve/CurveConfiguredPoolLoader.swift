import Kernel

/// Loads a StableSwap pool named in the config, rates included: NG pools read
/// `stored_rates()` themselves; classic and factory plain pools first read each coin's
/// `decimals()` (round 1), since their constant `RATES` are `10^(36 - decimals)`, then the pool's
/// own round (`CurveStableSwapStateLoader`).
struct CurveConfiguredPoolLoader: PoolStateLoader {
    /// The pool as configured.
    let configured: CurvePool
    /// The pool's math.
    let variant: CurveStableSwapVariant
    /// The pool's own round, once the rates are known.
    private var state: CurveStableSwapStateLoader?

    /// A loader for `pool`, priced as `variant`.
    init(pool: CurvePool, variant: CurveStableSwapVariant) {
        configured = pool
        self.variant = variant
        if variant == .stableswapNG {
            state = CurveStableSwapStateLoader(address: pool.address, coins: pool.coins, variant: variant)
        }
    }

    /// `decimals()` of each coin, then the pool's calls.
    func pendingCalls() -> [StateCall] {
        guard let state else {
            return configured.coins.map { StateCall(to: $0, signature: "decimals()", label: "\($0.checksummed).decimals()") }
        }
        return state.pendingCalls()
    }

    /// Reads the decimals into rates, or passes the pool's answers on.
    mutating func absorb(_ answers: [[UInt8]]) throws(PoolError) {
        if state != nil {
            try state?.absorb(answers)
            return
        }
        let calls = pendingCalls()
        guard answers.count == calls.count else { throw .invalidState("\(answers.count) answers for \(calls.count) calls") }
        var rates: [UInt256] = []
        for (answer, call) in zip(answers, calls) {
            let decimals = try PoolError.decoding(call.label) { () throws(DecodingError) in
                try ABIReader(answer[...]).uint(0, bits: 8, field: "decimals")
            }
            guard decimals.low64 <= 36 else { throw .invalidState("\(call.label) is \(decimals): above 36") }
            var rate = UInt256.one
            for _ in decimals.low64..<36 { rate = rate &* UInt256(10) }
            rates.append(rate)
        }
        state = CurveStableSwapStateLoader(address: configured.address, coins: configured.coins, variant: variant, rates: rates)
    }

    /// The loaded pool.
    func pool() throws(PoolError) -> CurveStableSwapPool {
        guard let state else { throw .invalidState("pool \(configured.address.checksummed): coin decimals not read yet") }
        return try state.pool()
    }
}
