import Kernel

/// The pool events that change the pricing state.
public enum UniswapV3PoolEvents {
    /// topic0 of `Swap(address,address,int256,int256,uint160,uint128,int24)`.
    public static let swap = Keccak256.hash(Array("Swap(address,address,int256,int256,uint160,uint128,int24)".utf8))
    /// topic0 of `Mint(address,address,int24,int24,uint128,uint256,uint256)`.
    public static let mint = Keccak256.hash(Array("Mint(address,address,int24,int24,uint128,uint256,uint256)".utf8))
    /// topic0 of `Burn(address,int24,int24,uint128,uint256,uint256)`.
    public static let burn = Keccak256.hash(Array("Burn(address,int24,int24,uint128,uint256,uint256)".utf8))
}

extension UniswapV3Pool {
    /// Swap, Mint and Burn.
    public static var stateEventTopics: [Hash32] { [UniswapV3PoolEvents.swap, UniswapV3PoolEvents.mint, UniswapV3PoolEvents.burn] }

    /// Applies a `Swap` (price, tick and liquidity as the event reports them), a `Mint` or a
    /// `Burn` (the position's liquidity added to or removed from its bounds' ticks, and from the
    /// active liquidity when the range holds the current tick). `malformed` for a log that does
    /// not decode (wrong topic count, data length, or a value outside its type or the tick range);
    /// `invalidState` for a position change the state cannot take. Either leaves the pool as it was.
    public mutating func apply(_ log: EventLog) throws(PoolError) {
        let change = try PoolError.decoding { () throws(DecodingError) in try Self.decode(log) }
        switch change {
        case .swap(let price, let newTick, let active):
            setSwapState(sqrtPriceX96: price, tick: newTick, liquidity: active)
        case .position(let lower, let upper, let delta):
            try modifyPosition(tickLower: lower, tickUpper: upper, liquidityDelta: delta)
        case nil:
            return
        }
    }

    /// What a state event changes.
    private enum StateChange {
        /// The state a Swap reports.
        case swap(sqrtPriceX96: UInt256, tick: Int32, liquidity: UInt256)
        /// A position's liquidity change (positive for Mint, negative for Burn).
        case position(tickLower: Int32, tickUpper: Int32, liquidityDelta: Int256)
    }

    /// The change a log carries; nil for another event or a Burn of 0 (which only pokes fees).
    private static func decode(_ log: EventLog) throws(DecodingError) -> StateChange? {
        switch log.topics.first {
        case UniswapV3PoolEvents.swap:
            try expect(log, topics: 3, words: 5, event: "Swap")
            let reader = ABIReader(log.data[...])
            let price = try reader.uint(2, bits: 160, field: "Swap.sqrtPriceX96")
            let active = try reader.uint(3, bits: 128, field: "Swap.liquidity")
            let newTick = try tick(reader, 4, field: "Swap.tick")
            guard price >= TickMath.minSqrtRatio, price < TickMath.maxSqrtRatio else {
                throw DecodingError(.invalidValue, at: 64, field: "Swap.sqrtPriceX96")
            }
            return .swap(sqrtPriceX96: price, tick: newTick, liquidity: active)
        case UniswapV3PoolEvents.mint:
            try expect(log, topics: 4, words: 4, event: "Mint")
            _ = try ABIReader(log.data[...]).address(0, field: "Mint.sender")
            let amount = try ABIReader(log.data[...]).uint(1, bits: 128, field: "Mint.amount")
            let lower = try tick(ABIReader(log.topics[2].bytes[...]), 0, field: "Mint.tickLower")
            let upper = try tick(ABIReader(log.topics[3].bytes[...]), 0, field: "Mint.tickUpper")
            return amount.isZero ? nil : .position(tickLower: lower, tickUpper: upper, liquidityDelta: Int256(bitPattern: amount))
        case UniswapV3PoolEvents.burn:
            try expect(log, topics: 4, words: 3, event: "Burn")
            let amount = try ABIReader(log.data[...]).uint(0, bits: 128, field: "Burn.amount")
            let lower = try tick(ABIReader(log.topics[2].bytes[...]), 0, field: "Burn.tickLower")
            let upper = try tick(ABIReader(log.topics[3].bytes[...]), 0, field: "Burn.tickUpper")
            return amount.isZero ? nil : .position(tickLower: lower, tickUpper: upper, liquidityDelta: Int256(bitPattern: UInt256.zero &- amount))
        default:
            return nil
        }
    }

    /// Checks the topic count and the exact data length of an event.
    private static func expect(_ log: EventLog, topics: Int, words: Int, event: String) throws(DecodingError) {
        guard log.topics.count == topics else { throw DecodingError(.wrongLength, at: 0, field: "\(event).topics") }
        guard log.data.count == words * 32 else {
            throw DecodingError(log.data.count < words * 32 ? .truncated : .trailingBytes, at: min(log.data.count, words * 32), field: "\(event).data")
        }
    }

    /// An int24 word that must also lie in the tick range.
    private static func tick(_ reader: ABIReader, _ index: Int, field: StaticString) throws(DecodingError) -> Int32 {
        let value = try reader.int(index, bits: 24, field: field)
        guard let tick = value.int64Value.map(Int32.init(truncatingIfNeeded:)), tick >= TickMath.minTick, tick <= TickMath.maxTick else {
            throw DecodingError(.invalidValue, at: index * 32, field: field)
        }
        return tick
    }
}
