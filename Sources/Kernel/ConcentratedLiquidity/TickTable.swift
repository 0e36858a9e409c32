/// The initialized ticks of a concentrated-liquidity pool: for each, the liquidity that becomes
/// active when the price crosses it upwards (`liquidityNet`, an int128) and the total liquidity
/// referencing it (`liquidityGross`, a uint128).
///
/// Ticks are kept sorted in one array (their nets and grosses in parallel arrays), so a swap step
/// finds the next tick by binary search without allocating. The search follows the contract's
/// tick bitmap exactly (`nextInitializedTickWithinOneWord`): a step never leaves the 256-bit word
/// of the current compressed tick, so crossing empty words takes one step per word.
public struct TickTable: Sendable, Equatable {
    /// The initialized ticks, ascending.
    public private(set) var ticks: [Int32]
    /// `liquidityNet` of each tick in `ticks`.
    public private(set) var liquidityNets: [Int256]
    /// `liquidityGross` of each tick in `ticks`.
    public private(set) var liquidityGrosses: [UInt256]

    /// One initialized tick.
    public struct Entry: Sendable, Equatable {
        /// The tick.
        public var tick: Int32
        /// Liquidity added when the price crosses the tick upwards (removed downwards); an int128.
        public var liquidityNet: Int256
        /// Liquidity of all positions with this tick as a bound; a uint128. Where it is unknown
        /// (a quote request gives only the net), `|liquidityNet|` is the smallest consistent value.
        public var liquidityGross: UInt256

        /// Creates an entry; a nil `liquidityGross` takes `|liquidityNet|`.
        public init(tick: Int32, liquidityNet: Int256, liquidityGross: UInt256? = nil) {
            self.tick = tick
            self.liquidityNet = liquidityNet
            self.liquidityGross = liquidityGross ?? liquidityNet.magnitude
        }
    }

    /// An empty table.
    public init() {
        ticks = []
        liquidityNets = []
        liquidityGrosses = []
    }

    /// A table of `entries` in any order. `invalidState` for a tick outside
    /// `TickMath.minTick ... maxTick`, a repeated tick, a net outside int128 or a gross outside uint128.
    public init(_ entries: [Entry]) throws(PoolError) {
        let sorted = entries.sorted { $0.tick < $1.tick }
        var previous: Int32?
        for entry in sorted {
            guard entry.tick >= TickMath.minTick, entry.tick <= TickMath.maxTick else {
                throw .invalidState("tick \(entry.tick) outside the tick range")
            }
            guard entry.tick != previous else { throw .invalidState("tick \(entry.tick) listed twice") }
            guard entry.liquidityNet.fitsInBits(128) else { throw .invalidState("liquidityNet of tick \(entry.tick) outside int128") }
            guard entry.liquidityGross.fitsInUInt128 else { throw .invalidState("liquidityGross of tick \(entry.tick) outside uint128") }
            previous = entry.tick
        }
        ticks = sorted.map(\.tick)
        liquidityNets = sorted.map(\.liquidityNet)
        liquidityGrosses = sorted.map(\.liquidityGross)
    }

    /// The entries, ascending by tick.
    public var entries: [Entry] {
        ticks.indices.map { Entry(tick: ticks[$0], liquidityNet: liquidityNets[$0], liquidityGross: liquidityGrosses[$0]) }
    }

    /// The index of the first tick at or above `tick` (`ticks.count` if none).
    @usableFromInline
    func firstIndex(atOrAbove tick: Int32) -> Int {
        var low = 0
        var high = ticks.count
        while low < high {
            let middle = (low + high) >> 1
            if ticks[middle] < tick { low = middle + 1 } else { high = middle }
        }
        return low
    }

    /// `TickBitmap.nextInitializedTickWithinOneWord` over a bitmap whose bit `i` stands for tick
    /// `i * spacing`: the nearest initialized tick at or below `tick` (`lte`) or strictly above it,
    /// looking no further than the end of the current 256-bit word. Where the word has none, the
    /// word's last tick in the search direction with a nil index. `spacing` is positive and small
    /// enough (below 2^14) that the word bounds fit an int24, as the contract's factory ensures.
    /// The result is not clamped to the tick range: the swap loop does that.
    @inlinable
    public func nextInitializedTickWithinOneWord(_ tick: Int32, spacing: Int32, lte: Bool) -> (tick: Int32, index: Int?) {
        var compressed = tick / spacing
        if tick < 0 && tick % spacing != 0 { compressed &-= 1 }
        // Within the documented bounds nothing here overflows; wrapping operators keep a caller
        // outside them from trapping.
        if lte {
            let wordStart = compressed &- (compressed & 0xff)
            let upper = compressed &* spacing
            let lower = wordStart &* spacing
            let index = firstIndex(atOrAbove: upper &+ 1) - 1
            if index >= 0 && ticks[index] >= lower { return (ticks[index], index) }
            return (lower, nil)
        }
        let start = compressed &+ 1
        let wordEnd = start &+ (0xff &- (start & 0xff))
        let lower = start &* spacing
        let upper = wordEnd &* spacing
        let index = firstIndex(atOrAbove: lower)
        if index < ticks.count && ticks[index] <= upper { return (ticks[index], index) }
        return (upper, nil)
    }

    /// Adds `liquidityDelta` (an int128, the change of one position) to the tick's gross liquidity
    /// and adds it to (`upper == false`) or subtracts it from the net, inserting the tick when it
    /// becomes referenced and removing it when no liquidity references it any more, as
    /// `Tick.update` and the pool's bitmap flip do. `invalidState` where the contract's math
    /// would revert (gross below zero or above uint128, net outside int128).
    public mutating func update(tick: Int32, liquidityDelta: Int256, upper: Bool) throws(PoolError) {
        guard tick >= TickMath.minTick, tick <= TickMath.maxTick else { throw .invalidState("tick \(tick) outside the tick range") }
        let index = firstIndex(atOrAbove: tick)
        let exists = index < ticks.count && ticks[index] == tick
        let grossBefore = exists ? liquidityGrosses[index] : .zero
        let netBefore = exists ? liquidityNets[index] : .zero
        let grossAfter: UInt256
        do { grossAfter = try LiquidityMath.addDelta(grossBefore, liquidityDelta) } catch {
            throw .invalidState("liquidityGross of tick \(tick) out of range")
        }
        let (netAfter, overflow) = upper ? netBefore.subtractingReportingOverflow(liquidityDelta) : netBefore.addingReportingOverflow(liquidityDelta)
        guard !overflow, netAfter.fitsInBits(128) else { throw .invalidState("liquidityNet of tick \(tick) outside int128") }
        if exists {
            if grossAfter.isZero {
                ticks.remove(at: index)
                liquidityNets.remove(at: index)
                liquidityGrosses.remove(at: index)
            } else {
                liquidityNets[index] = netAfter
                liquidityGrosses[index] = grossAfter
            }
        } else if !grossAfter.isZero {
            ticks.insert(tick, at: index)
            liquidityNets.insert(netAfter, at: index)
            liquidityGrosses.insert(grossAfter, at: index)
        }
    }
}
