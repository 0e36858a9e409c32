import Kernel

extension CamelotV3Pool {
    /// topic0 of `Swap(address indexed sender, address indexed recipient, int256 amount0,
    /// int256 amount1, uint160 price, uint128 liquidity, int24 tick)`.
    public static let swapTopic = Keccak256.hash(Array("Swap(address,address,int256,int256,uint160,uint128,int24)".utf8))
    /// topic0 of `Mint(address sender, address indexed owner, int24 indexed bottomTick,
    /// int24 indexed topTick, uint128 liquidityAmount, uint256 amount0, uint256 amount1)`.
    public static let mintTopic = Keccak256.hash(Array("Mint(address,address,int24,int24,uint128,uint256,uint256)".utf8))
    /// topic0 of `Burn(address indexed owner, int24 indexed bottomTick, int24 indexed topTick,
    /// uint128 liquidityAmount, uint256 amount0, uint256 amount1)`.
    public static let burnTopic = Keccak256.hash(Array("Burn(address,int24,int24,uint128,uint256,uint256)".utf8))
    /// topic0 of `Fee(uint16 feeZto, uint16 feeOtz)`, the direction-based fee change.
    public static let feeTopic = Keccak256.hash(Array("Fee(uint16,uint16)".utf8))
    /// topic0 of `TickSpacing(int24 newTickSpacing)`.
    public static let tickSpacingTopic = Keccak256.hash(Array("TickSpacing(int24)".utf8))

    /// The pool's events that change its pricing state.
    public static var stateEventTopics: [Hash32] {
        [swapTopic, mintTopic, burnTopic, feeTopic, tickSpacingTopic]
    }

    /// Applies one of the pool's logs: `Swap` sets price, liquidity and tick; `Mint`/`Burn` change
    /// the two ticks and, in range, the active liquidity; `Fee` sets both directions' fees;
    /// `TickSpacing` sets the spacing. Other topics change nothing; a malformed log
    /// throws `malformed` (a value the pool could not hold, `invalidState`) and changes nothing.
    public mutating func apply(_ log: EventLog) throws(PoolError) {
        guard let topic = log.topics.first else { return }
        let data = ABIReader(log.data[...])
        switch topic {
        case Self.swapTopic:
            let price = try PoolError.decoding { () throws(DecodingError) in try data.uint(2, bits: 160, field: "Swap.price") }
            let active = try PoolError.decoding { () throws(DecodingError) in try data.uint(3, bits: 128, field: "Swap.liquidity") }
            let newTick = try PoolError.decoding { () throws(DecodingError) in try data.int(4, bits: 24, field: "Swap.tick") }
            guard let tickValue = newTick.int64Value, tickValue >= Int64(TickMath.minTick), tickValue <= Int64(TickMath.maxTick),
                  price >= TickMath.minSqrtRatio, price < TickMath.maxSqrtRatio
            else { throw .invalidState("Swap log with price \(price) and tick \(newTick) outside the pool's range") }
            sqrtPriceX96 = price
            liquidity = active
            tick = Int32(tickValue)
        case Self.mintTopic, Self.burnTopic:
            let isMint = topic == Self.mintTopic
            let bottom = try Self.indexedTick(log, 2, field: "bottomTick")
            let top = try Self.indexedTick(log, 3, field: "topTick")
            let amount = try PoolError.decoding { () throws(DecodingError) in
                try data.uint(isMint ? 1 : 0, bits: 128, field: isMint ? "Mint.liquidityAmount" : "Burn.liquidityAmount")
            }
            guard amount < UInt256(0, 0x8000_0000_0000_0000, 0, 0), let delta = Int256(exactly: amount) else {
                throw .invalidState("position liquidity \(amount) does not fit int128")
            }
            try modifyPosition(bottomTick: bottom, topTick: top, liquidityDelta: isMint ? delta : -delta)
        case Self.feeTopic:
            let zeroToOne = try PoolError.decoding { () throws(DecodingError) in try data.uint(0, bits: 16, field: "Fee.feeZto") }
            let oneToZero = try PoolError.decoding { () throws(DecodingError) in try data.uint(1, bits: 16, field: "Fee.feeOtz") }
            feeZeroToOne = UInt16(truncatingIfNeeded: zeroToOne.low64)
            feeOneToZero = UInt16(truncatingIfNeeded: oneToZero.low64)
        case Self.tickSpacingTopic:
            let spacing = try PoolError.decoding { () throws(DecodingError) in try data.int(0, bits: 24, field: "TickSpacing.newTickSpacing") }
            guard let value = spacing.int64Value, value > 0, value <= Int64(Self.maxTickSpacing) else {
                throw .invalidState("tick spacing \(spacing) outside 1...500")
            }
            tickSpacing = Int32(value)
        default:
            return
        }
    }

    /// An indexed int24 tick in `topics[index]`.
    private static func indexedTick(_ log: EventLog, _ index: Int, field: StaticString) throws(PoolError) -> Int32 {
        guard index < log.topics.count else { throw .malformed(DecodingError(.truncated, at: 0, field: field)) }
        let word = UInt256(bigEndian: log.topics[index].bytes) ?? .zero
        let value = Int256(bitPattern: word)
        guard value.fitsInBits(24), let tick = value.int64Value else {
            throw .malformed(DecodingError(.invalidValue, at: 0, field: field))
        }
        return Int32(tick)
    }
}
