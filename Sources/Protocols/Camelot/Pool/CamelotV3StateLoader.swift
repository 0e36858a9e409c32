import Kernel

/// Loads a Camelot V3 (Algebra) pool in three rounds of calls:
/// 1. `globalState()`, `liquidity()`, `tickSpacing()`;
/// 2. `tickTable(int16)` for the words within `wordRadius` (default 8) of the current tick's word
///    (a word holds 256 raw ticks: Algebra does not compress the table by the tick spacing);
/// 3. `ticks(int24)` for every set bit of those words.
///
/// The pool it builds knows which ticks the loaded words cover (`completeTickRange`) and refuses
/// a swap that would end beyond them. The tokens come from the config.
public typealias CamelotV3StateLoader = ConcentratedLiquidityStateLoader<CamelotV3PoolHeader>

/// Round 1 of loading a Camelot V3 pool: `globalState()`, `liquidity()`, `tickSpacing()`.
public struct CamelotV3PoolHeader: ConcentratedLiquidityHeader {
    /// `globalState().price`.
    public let sqrtPriceX96: UInt256
    /// `globalState().tick`.
    public let tick: Int32
    /// `globalState().feeZto`.
    public let feeZeroToOne: UInt16
    /// `globalState().feeOtz`.
    public let feeOneToZero: UInt16
    /// `liquidity()`.
    public let liquidity: UInt256
    /// `tickSpacing()`.
    public let tickSpacing: Int32

    /// `globalState()`, `liquidity()`, `tickSpacing()`.
    public static let signatures = ["globalState()", "liquidity()", "tickSpacing()"]
    /// `tickTable(int16)`; `ticks` answers (liquidityTotal, liquidityDelta, …, initialized).
    public static let tickTableLayout = TickTableLoader.Layout(
        wordGetter: "tickTable", tableName: "tick table", grossField: "liquidityTotal", netField: "liquidityDelta")
    /// Eight words on each side: 2,048 ticks each way.
    public static let defaultWordRadius = 8

    /// The table holds raw ticks.
    public var tickCompression: Int32 { 1 }

    /// Reads `globalState()` → (price, tick, feeZto, feeOtz, timepointIndex, communityFeeToken0,
    /// communityFeeToken1, unlocked), `liquidity()`, `tickSpacing()`.
    public init(answers: [[UInt8]], labels: [String]) throws(PoolError) {
        guard answers.count == Self.signatures.count, labels.count == answers.count else {
            throw .invalidState("\(answers.count) answers for \(Self.signatures.count) calls")
        }
        let state = ABIReader(answers[0][...])
        let (price, tickValue, feeZto, feeOtz) = try PoolError.decoding(labels[0]) { () throws(DecodingError) in
            let fields = (try state.uint(0, bits: 160, field: "price"), try state.int(1, bits: 24, field: "tick"),
                          try state.uint(2, bits: 16, field: "feeZto"), try state.uint(3, bits: 16, field: "feeOtz"))
            _ = try state.uint(4, bits: 16, field: "timepointIndex")
            _ = try state.uint(5, bits: 8, field: "communityFeeToken0")
            _ = try state.uint(6, bits: 8, field: "communityFeeToken1")
            _ = try state.bool(7, field: "unlocked")
            return fields
        }
        let liquidity = try PoolError.decoding(labels[1]) { () throws(DecodingError) in try ABIReader(answers[1][...]).uint(0, bits: 128, field: "liquidity") }
        let spacing = try PoolError.decoding(labels[2]) { () throws(DecodingError) in try ABIReader(answers[2][...]).int(0, bits: 24, field: "tickSpacing") }
        guard let tick = tickValue.int64Value, tick >= Int64(TickMath.minTick), tick <= Int64(TickMath.maxTick) else {
            throw .invalidState("globalState().tick \(tickValue) outside the tick range")
        }
        guard let spacingValue = spacing.int64Value, spacingValue > 0, spacingValue <= Int64(CamelotV3Pool.maxTickSpacing) else {
            throw .invalidState("tickSpacing() \(spacing) outside 1...500")
        }
        sqrtPriceX96 = price
        self.tick = Int32(tick)
        feeZeroToOne = UInt16(truncatingIfNeeded: feeZto.low64)
        feeOneToZero = UInt16(truncatingIfNeeded: feeOtz.low64)
        self.liquidity = liquidity
        tickSpacing = Int32(spacingValue)
    }

    /// The pool with this state and the loaded ticks.
    public func pool(
        address: Address, token0: Address, token1: Address, ticks: TickTable, completeTickRange: ClosedRange<Int32>?
    ) throws(PoolError) -> CamelotV3Pool {
        try CamelotV3Pool(
            address: address, token0: token0, token1: token1, tickSpacing: tickSpacing,
            feeZeroToOne: feeZeroToOne, feeOneToZero: feeOneToZero,
            sqrtPriceX96: sqrtPriceX96, tick: tick, liquidity: liquidity, ticks: ticks, completeTickRange: completeTickRange)
    }
}
