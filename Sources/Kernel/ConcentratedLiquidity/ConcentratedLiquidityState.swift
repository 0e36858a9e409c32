/// The state every concentrated-liquidity pool (Uniswap V3 and its forks, Algebra) prices with:
/// the sqrt price, the current tick, the active liquidity and the initialized ticks, with the
/// ticks the table is known to be complete for.
///
/// A pool type holds one beside its own fields (fees, spacing) and passes its rules
/// (`ConcentratedLiquidityRules`) to `quote` and `swap`; `apply(_:)` follows the events both
/// families log (`ConcentratedLiquidityEvent`). Every mutation keeps the state in range.
public struct ConcentratedLiquidityState: Sendable, Equatable {
    /// The sqrt price as a Q64.96 (`slot0.sqrtPriceX96`, `globalState.price`).
    public private(set) var sqrtPriceX96: UInt256
    /// The current tick (`slot0.tick`, `globalState.tick`).
    public private(set) var tick: Int32
    /// The active liquidity (`liquidity()`).
    public private(set) var liquidity: UInt256
    /// The initialized ticks.
    public private(set) var ticks: TickTable
    /// The ticks the table is known to be complete for (the loaded table words), or nil when it
    /// holds every initialized tick of the pool. A swap that would end outside it is refused
    /// rather than guessed.
    public let completeTickRange: ClosedRange<Int32>?

    /// A state with these values. `invalidState` for a price outside `[minSqrtRatio,
    /// maxSqrtRatio)`, a tick outside the tick range or liquidity of 2^128 or more (checked in
    /// that order).
    public init(
        sqrtPriceX96: UInt256, tick: Int32, liquidity: UInt256, ticks: TickTable, completeTickRange: ClosedRange<Int32>? = nil
    ) throws(PoolError) {
        guard sqrtPriceX96 >= TickMath.minSqrtRatio, sqrtPriceX96 < TickMath.maxSqrtRatio else {
            throw .invalidState("sqrtPriceX96 \(sqrtPriceX96) outside the price range")
        }
        guard tick >= TickMath.minTick, tick <= TickMath.maxTick else { throw .invalidState("tick \(tick) outside the tick range") }
        guard liquidity.fitsInUInt128 else { throw .invalidState("liquidity \(liquidity) does not fit uint128") }
        self.sqrtPriceX96 = sqrtPriceX96
        self.tick = tick
        self.liquidity = liquidity
        self.ticks = ticks
        self.completeTickRange = completeTickRange
    }

    /// Moves to the price, tick and liquidity a swap left (its result is in range).
    @usableFromInline
    mutating func move(to result: ConcentratedLiquiditySwapResult) {
        sqrtPriceX96 = result.sqrtPriceX96
        tick = result.tick
        liquidity = result.liquidity
    }

    /// Follows one event: a `Swap` sets the price, tick and liquidity it reports; a position
    /// change moves its two ticks and, when `tickLower <= tick < tickUpper`, the active liquidity
    /// (a change of 0 is `ignored`). `needsReload`, changing nothing, where the change does not
    /// fit the held state: it removes more than a tick or the active liquidity holds (a position
    /// on ticks the loaded table does not have), or leaves uint128.
    public mutating func apply(_ event: ConcentratedLiquidityEvent) -> EventEffect {
        switch event {
        case .swap(let price, let newTick, let active):
            sqrtPriceX96 = price
            tick = newTick
            liquidity = active
        case .position(let lower, let upper, let delta):
            guard !delta.isZero else { return .ignored }
            do {
                (ticks, liquidity) = try ticks.applyingPosition(
                    lower: lower, upper: upper, liquidityDelta: delta, currentTick: tick, liquidity: liquidity)
            } catch {
                return .needsReload("position \(lower)...\(upper) changing liquidity by \(delta) does not fit the held state (\(error))")
            }
        }
        return .applied
    }
}
