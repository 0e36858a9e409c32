/// The pricing plugin protocol: a pool's state as a value that quotes and applies swaps exactly
/// as its contract computes them (integer math, the contract's rounding).
///
/// The engine simulates the swaps it recognises on copies of these values. A pool type also says
/// which events change its state (`stateEventTopics`), applies them (`apply(_:)`) and, where its
/// state moves with time, follows the blocks (`advance(toBlock:timestamp:)`); the calls that load
/// its state are its family's `PoolStateLoader`.
public protocol PricingPool: Sendable {
    /// The pool's address.
    var address: Address { get }
    /// The pool's tokens in their on-chain order (token0, token1, … ; Curve coin indexes).
    var tokens: [Address] { get }
    /// The output of swapping exactly `amountIn` of `tokens[from]` into `tokens[to]`, as the
    /// contract pays it; `PoolError.revert` where the contract would revert.
    func amountOut(_ amountIn: UInt256, from: Int, to: Int) throws(PoolError) -> UInt256
    /// Applies that swap to the state and returns the output.
    mutating func swap(_ amountIn: UInt256, from: Int, to: Int) throws(PoolError) -> UInt256
    /// topic0 of every event that changes this pool's state.
    static var stateEventTopics: [Hash32] { get }
    /// Applies one log this pool emitted and says what it did: `applied`, `ignored` (a log whose
    /// topic0 is not in `stateEventTopics` is always ignored) or `needsReload`, which leaves the
    /// state as it was. A malformed log (one that does not decode, or holds a value the contract
    /// cannot log) throws `PoolError.malformed` and changes nothing; no other error is thrown.
    mutating func apply(_ log: EventLog) throws(PoolError) -> EventEffect
    /// Moves the state that changes with time alone to the block `number` of time `timestamp`
    /// (seconds): call it as each block begins, before that block's events and swaps. The
    /// default does nothing: most pools change only through their events and swaps. Where it
    /// throws, the pool is left as it was.
    mutating func advance(toBlock number: UInt64, timestamp: UInt64) throws(PoolError)

    // MARK: What the engine asks

    /// Applies a swap as a router makes it (exact input or output, with a price limit) and
    /// returns what moved. The default serves an exact input without a limit through
    /// `swap(_:from:to:)` and refuses the rest with `invalidState`: a pool type that prices exact
    /// outputs or price limits overrides it.
    mutating func fill(_ swap: PoolSwap) throws(PoolError) -> PoolSwapFill
    /// The closed form of the direction `from` → `to` at the current state, where the pool has
    /// one (a constant-product pair; a concentrated-liquidity pool within its current range);
    /// nil by default.
    func swapCurve(from: Int, to: Int) -> SwapCurve?
    /// The closed forms of the direction `from` → `to` range by range from the current state,
    /// at most `limit` of them, in input order: the first is `swapCurve`'s, each next one starts
    /// where the previous one's `inputLimit` ends. Fewer than `limit` cover every input the pool
    /// prices (past the last one's end it reverts, refuses or pays no more); `limit` of them, the inputs up to
    /// the last one's end. The default is `swapCurve` alone; a concentrated-liquidity pool follows
    /// its ticks. Nil where no range has a closed form.
    func swapSegments(from: Int, to: Int, limit: Int) -> [SwapSegment]?
    /// The output per unit of input of an infinitesimal swap `from` → `to` after fees, in the
    /// tokens' smallest units, as a `Double`: what the engine screens cycles with. The default
    /// is `swapCurve`'s; a pool without a curve gives its own (a small exact quote), nil where
    /// it cannot quote that direction.
    func marginalRate(from: Int, to: Int) -> Double?
}

extension PricingPool {
    /// Nothing in this pool's state moves with the block.
    public mutating func advance(toBlock number: UInt64, timestamp: UInt64) throws(PoolError) {}

    /// An exact input without a price limit; anything else is refused.
    public mutating func fill(_ swap: PoolSwap) throws(PoolError) -> PoolSwapFill {
        guard swap.priceLimit == nil else { throw .invalidState("a price limit on a pool without one") }
        guard case .exactIn(let amountIn) = swap.amount else { throw .invalidState("exact output is not priced for this pool type") }
        return PoolSwapFill(amountIn: amountIn, amountOut: try self.swap(amountIn, from: swap.from, to: swap.to))
    }

    /// No closed form.
    public func swapCurve(from: Int, to: Int) -> SwapCurve? { nil }

    /// `swapCurve` as the only segment.
    public func swapSegments(from: Int, to: Int, limit: Int) -> [SwapSegment]? {
        swapCurve(from: from, to: to).map { [SwapSegment(startInput: .zero, startOutput: .zero, curve: $0)] }
    }

    /// `swapCurve`'s marginal rate.
    public func marginalRate(from: Int, to: Int) -> Double? { swapCurve(from: from, to: to)?.marginalRate }
}

/// Why a pool cannot quote or update.
public enum PoolError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The contract would revert, with its reason where it has one (e.g. `SPL`, `AS`).
    case revert(String)
    /// The state or input is outside what the math accepts (zero liquidity, absurd reserves).
    case invalidState(String)
    /// A state answer or event log that does not decode, with its offset and field.
    case malformed(DecodingError)

    /// A one-line message: the kind and its detail.
    public var description: String {
        switch self {
        case .revert(let reason): "revert: \(reason)"
        case .invalidState(let detail): "invalid state: \(detail)"
        case .malformed(let error): "malformed: \(error)"
        }
    }
}
