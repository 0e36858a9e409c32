/// A pool event that moves a `ConcentratedLiquidityState`. Uniswap V3 and Algebra log the same
/// three events with the same signatures and layout (Algebra names the fields price, bottomTick,
/// topTick and liquidityAmount; errors use Uniswap's names).
public enum ConcentratedLiquidityEvent: Sendable, Equatable {
    /// `Swap`: the price, tick and active liquidity the swap left.
    case swap(sqrtPriceX96: UInt256, tick: Int32, liquidity: UInt256)
    /// `Mint` (a positive delta) or `Burn` (a negative one, or 0 for a fee poke): one position's
    /// liquidity change between two ticks.
    case position(tickLower: Int32, tickUpper: Int32, liquidityDelta: Int256)

    /// topic0 of `Swap(address indexed sender, address indexed recipient, int256 amount0,
    /// int256 amount1, uint160 sqrtPriceX96, uint128 liquidity, int24 tick)`.
    public static let swapTopic = Keccak256.hash(Array("Swap(address,address,int256,int256,uint160,uint128,int24)".utf8))
    /// topic0 of `Mint(address sender, address indexed owner, int24 indexed tickLower,
    /// int24 indexed tickUpper, uint128 amount, uint256 amount0, uint256 amount1)`.
    public static let mintTopic = Keccak256.hash(Array("Mint(address,address,int24,int24,uint128,uint256,uint256)".utf8))
    /// topic0 of `Burn(address indexed owner, int24 indexed tickLower, int24 indexed tickUpper,
    /// uint128 amount, uint256 amount0, uint256 amount1)`.
    public static let burnTopic = Keccak256.hash(Array("Burn(address,int24,int24,uint128,uint256,uint256)".utf8))

    /// The event `log` carries; nil for a log of another topic0. `malformed` for one the pool
    /// cannot have logged: another topic count or data length, a value outside its type, a price
    /// or tick outside its range, bounds that are not ascending or not multiples of
    /// `tickSpacing`, or position liquidity of 2^127 or more (the pool's `toInt128` reverts).
    /// `tickSpacing` is the spacing every position respects: Uniswap V3's, or 1 for Algebra,
    /// whose positions keep the spacing they were minted with.
    public static func decode(_ log: EventLog, tickSpacing: Int32 = 1) throws(PoolError) -> ConcentratedLiquidityEvent? {
        try PoolError.decoding { () throws(DecodingError) in
            switch log.topics.first {
            case swapTopic: try decodeSwap(log)
            case mintTopic: try decodePosition(log, mint: true, tickSpacing: tickSpacing)
            case burnTopic: try decodePosition(log, mint: false, tickSpacing: tickSpacing)
            default: nil
            }
        }
    }

    /// A `Swap`: sender and recipient indexed; amount0, amount1, price, liquidity, tick in data.
    private static func decodeSwap(_ log: EventLog) throws(DecodingError) -> ConcentratedLiquidityEvent {
        try expect(log, topics: 3, words: 5, event: "Swap")
        let reader = ABIReader(log.data[...])
        let price = try reader.uint(2, bits: 160, field: "Swap.sqrtPriceX96")
        let active = try reader.uint(3, bits: 128, field: "Swap.liquidity")
        let newTick = try reader.tick(4, field: "Swap.tick")
        guard price >= TickMath.minSqrtRatio, price < TickMath.maxSqrtRatio else {
            throw DecodingError(.invalidValue, at: 64, field: "Swap.sqrtPriceX96")
        }
        return .swap(sqrtPriceX96: price, tick: newTick, liquidity: active)
    }

    /// A `Mint` (owner and both ticks indexed; sender, amount, amount0, amount1 in data) or a
    /// `Burn` (the same without the sender).
    private static func decodePosition(_ log: EventLog, mint: Bool, tickSpacing: Int32) throws(DecodingError) -> ConcentratedLiquidityEvent {
        let reader = ABIReader(log.data[...])
        let lowerField: StaticString = mint ? "Mint.tickLower" : "Burn.tickLower"
        let upperField: StaticString = mint ? "Mint.tickUpper" : "Burn.tickUpper"
        let amountField: StaticString = mint ? "Mint.amount" : "Burn.amount"
        let amountIndex = mint ? 1 : 0
        try expect(log, topics: 4, words: mint ? 4 : 3, event: mint ? "Mint" : "Burn")
        if mint { _ = try reader.address(0, field: "Mint.sender") }
        let amount = try reader.uint(amountIndex, bits: 128, field: amountField)
        let lower = try log.indexedTick(2, field: lowerField)
        let upper = try log.indexedTick(3, field: upperField)
        guard amount < int128Limit else { throw DecodingError(.invalidValue, at: amountIndex * 32, field: amountField) }
        guard lower % tickSpacing == 0 else { throw DecodingError(.invalidValue, at: 0, field: lowerField) }
        guard lower < upper, upper % tickSpacing == 0 else { throw DecodingError(.invalidValue, at: 0, field: upperField) }
        let delta = Int256(bitPattern: amount)
        return .position(tickLower: lower, tickUpper: upper, liquidityDelta: mint ? delta : -delta)
    }

    /// 2^127: position liquidity must be below it to fit the int128 delta.
    private static let int128Limit = UInt256(0, 0x8000_0000_0000_0000, 0, 0)

    /// Checks the topic count and the exact data length of an event.
    private static func expect(_ log: EventLog, topics: Int, words: Int, event: String) throws(DecodingError) {
        guard log.topics.count == topics else { throw DecodingError(.wrongLength, at: 0, field: "\(event).topics") }
        guard log.data.count == words * 32 else {
            throw DecodingError(log.data.count < words * 32 ? .truncated : .trailingBytes, at: min(log.data.count, words * 32), field: "\(event).data")
        }
    }
}
