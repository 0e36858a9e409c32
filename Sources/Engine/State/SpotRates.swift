import Kernel

/// Every pool's marginal rate in every direction, on the pending state, in one flat array:
/// what screening multiplies along a cycle with no call into a pool and no allocation.
///
/// A pool of `n` coins owns `n·n` places from its offset, the rate `from → to` at
/// `from·n + to`. A rate the pool cannot give (a direction that reverts) is stored as 0, so a
/// cycle through it never passes the screen. Beside each rate, the direction's Möbius map in
/// floating point (`FloatingMap`), from which a screened cycle's profit is bounded before its
/// hops are built (`profitBound`).
struct SpotRates {
    /// Each slot's first place and coin count; count 0 for a vacant slot.
    private var layout: [(offset: Int32, coins: UInt8)] = []
    /// The rates.
    private var rates: [Double] = []
    /// The maps, at the rates' places.
    private var maps: [FloatingMap] = []

    /// Gives `slot` places for `coins` coins, reusing its old places when the count fits.
    mutating func open(_ slot: PoolSlot, coins: Int) {
        while layout.count <= slot.index { layout.append((0, 0)) }
        let old = layout[slot.index]
        if Int(old.coins) == coins { return }
        layout[slot.index] = (Int32(rates.count), UInt8(truncatingIfNeeded: coins))
        rates.append(contentsOf: repeatElement(0, count: coins * coins))
        maps.append(contentsOf: repeatElement(.none, count: coins * coins))
    }

    /// Recomputes the rates of the pool in `slot` (opened for its coin count). Where the pool
    /// has a curve, the rate is the curve's (a pool's `marginalRate` is its curve's where it has
    /// one, computed without the curve's input limit); otherwise the pool's own.
    mutating func refresh(_ slot: PoolSlot, from pool: any PricingPool) {
        let (offset, coins) = layout[slot.index]
        let n = Int(coins)
        for from in 0..<n {
            for to in 0..<n where to != from {
                let curve = pool.swapCurve(from: from, to: to)
                rates[Int(offset) + from * n + to] = curve?.marginalRate ?? pool.marginalRate(from: from, to: to) ?? 0
                maps[Int(offset) + from * n + to] = FloatingMap(curve: curve)
            }
        }
    }

    /// The rate of `hop`.
    @inline(__always)
    func rate(_ hop: CycleHop) -> Double {
        let (offset, coins) = layout[hop.pool.index]
        return rates[Int(offset) + hop.from * Int(coins) + hop.to]
    }

    /// The bound on `cycle`'s profit from its hops' maps (`FloatingProfitBound`).
    func profitBound(_ cycle: Cycle) -> FloatingProfitBound {
        var bound = FloatingProfitBound()
        for hop in cycle {
            let (offset, coins) = layout[hop.pool.index]
            bound.append(maps[Int(offset) + hop.from * Int(coins) + hop.to])
        }
        return bound
    }

    /// The product of the rates along `cycle`: above 1, a small trade around it gains.
    @inline(__always)
    func product(_ cycle: Cycle) -> Double {
        var product = 1.0
        for hop in cycle { product *= rate(hop) }
        return product
    }
}
