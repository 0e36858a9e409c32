import Kernel

/// Loads a Uniswap V3 pool in three rounds of calls:
/// 1. `slot0()`, `liquidity()`, `fee()`, `tickSpacing()`;
/// 2. `tickBitmap(int16)` for the words within `wordRadius` (default 2) of the current tick's word;
/// 3. `ticks(int24)` for every set bit of those words.
///
/// The pool it builds knows which ticks the loaded words cover (`completeTickRange`) and refuses
/// a swap that would end beyond them. The tokens come from the config, as for V2 pairs.
public typealias UniswapV3StateLoader = ConcentratedLiquidityStateLoader<UniswapV3PoolHeader>

/// Round 1 of loading a Uniswap V3 pool: `slot0()`, `liquidity()`, `fee()`, `tickSpacing()`.
public struct UniswapV3PoolHeader: ConcentratedLiquidityHeader {
    /// `slot0().sqrtPriceX96`.
    public let sqrtPriceX96: UInt256
    /// `slot0().tick`.
    public let tick: Int32
    /// `liquidity()`.
    public let liquidity: UInt256
    /// `fee()`, in millionths.
    public let fee: UInt32
    /// `tickSpacing()`.
    public let tickSpacing: Int32

    /// `slot0()`, `liquidity()`, `fee()`, `tickSpacing()`.
    public static let signatures = ["slot0()", "liquidity()", "fee()", "tickSpacing()"]
    /// `tickBitmap(int16)`; `ticks` answers (liquidityGross, liquidityNet, …, initialized).
    public static let tickTableLayout = TickTableLoader.Layout(
        wordGetter: "tickBitmap", tableName: "bitmap", grossField: "liquidityGross", netField: "liquidityNet")
    /// Two words on each side: 512 · tickSpacing ticks each way.
    public static let defaultWordRadius = 2

    /// The bitmap holds ticks compressed by the spacing.
    public var tickCompression: Int32 { tickSpacing }

    /// Reads `slot0()` → (sqrtPriceX96, tick, observationIndex, observationCardinality,
    /// observationCardinalityNext, feeProtocol, unlocked), `liquidity()`, `fee()`, `tickSpacing()`.
    public init(answers: [[UInt8]], labels: [String]) throws(PoolError) {
        guard answers.count == Self.signatures.count, labels.count == answers.count else {
            throw .invalidState("\(answers.count) answers for \(Self.signatures.count) calls")
        }
        let slot0 = ABIReader(answers[0][...])
        let (price, tickValue) = try PoolError.decoding(labels[0]) { () throws(DecodingError) in
            let fields = (try slot0.uint(0, bits: 160, field: "sqrtPriceX96"), try slot0.int(1, bits: 24, field: "tick"))
            _ = try slot0.uint(5, bits: 8, field: "feeProtocol")
            _ = try slot0.bool(6, field: "unlocked")
            return fields
        }
        let liquidity = try PoolError.decoding(labels[1]) { () throws(DecodingError) in try ABIReader(answers[1][...]).uint(0, bits: 128, field: "liquidity") }
        let fee = try PoolError.decoding(labels[2]) { () throws(DecodingError) in try ABIReader(answers[2][...]).uint(0, bits: 24, field: "fee") }
        let spacing = try PoolError.decoding(labels[3]) { () throws(DecodingError) in try ABIReader(answers[3][...]).int(0, bits: 24, field: "tickSpacing") }
        guard let tick = tickValue.int64Value, let spacingValue = spacing.int64Value, spacingValue > 0, spacingValue < 16384 else {
            throw .invalidState("slot0().tick \(tickValue) or tickSpacing() \(spacing) out of range")
        }
        guard tick >= Int64(TickMath.minTick), tick <= Int64(TickMath.maxTick) else { throw .invalidState("slot0().tick \(tick) outside the tick range") }
        sqrtPriceX96 = price
        self.tick = Int32(tick)
        self.liquidity = liquidity
        self.fee = UInt32(fee.low64)
        tickSpacing = Int32(spacingValue)
    }

    /// The pool with this state and the loaded ticks.
    public func pool(
        address: Address, token0: Address, token1: Address, ticks: TickTable, completeTickRange: ClosedRange<Int32>?
    ) throws(PoolError) -> UniswapV3Pool {
        try UniswapV3Pool(
            address: address, token0: token0, token1: token1, fee: fee, tickSpacing: tickSpacing,
            sqrtPriceX96: sqrtPriceX96, tick: tick, liquidity: liquidity, ticks: ticks, completeTickRange: completeTickRange)
    }
}
