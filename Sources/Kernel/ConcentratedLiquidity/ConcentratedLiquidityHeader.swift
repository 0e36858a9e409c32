/// Round 1 of loading a concentrated-liquidity pool, as one family reads it: the calls that give
/// the price, tick, liquidity, fees and spacing, and how the pool is built from them and the
/// loaded ticks. `ConcentratedLiquidityStateLoader` runs it and then the tick-table rounds.
public protocol ConcentratedLiquidityHeader: Sendable {
    /// The pool type built.
    associatedtype Pool: PricingPool
    /// The signatures of round 1's calls, in the order `init(answers:labels:)` reads them.
    static var signatures: [String] { get }
    /// The family's tick-table getter and `ticks(int24)` field names.
    static var tickTableLayout: TickTableLoader.Layout { get }
    /// The words read on each side of the current tick's word when the caller does not say.
    static var defaultWordRadius: Int { get }
    /// The current tick.
    var tick: Int32 { get }
    /// Ticks per table bit: the tick spacing for a compressed table, 1 for a raw-tick one.
    var tickCompression: Int32 { get }
    /// Reads round 1's answers, one per signature; `labels` name the calls in errors.
    init(answers: [[UInt8]], labels: [String]) throws(PoolError)
    /// The pool with this state, the loaded ticks and the ticks they are complete for (nil: all).
    func pool(address: Address, token0: Address, token1: Address, ticks: TickTable, completeTickRange: ClosedRange<Int32>?) throws(PoolError) -> Pool
}
