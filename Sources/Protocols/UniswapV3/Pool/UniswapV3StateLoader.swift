import Kernel

/// Loads a Uniswap V3 pool in three rounds of calls:
/// 1. `slot0()`, `liquidity()`, `fee()`, `tickSpacing()`;
/// 2. `tickBitmap(int16)` for the words within `wordRadius` of the current tick's word;
/// 3. `ticks(int24)` for every set bit of those words.
///
/// The pool it builds knows which ticks the loaded words cover (`completeTickRange`) and refuses
/// a swap that would end beyond them. The tokens come from the config, as for V2 pairs.
public struct UniswapV3StateLoader: PoolStateLoader {
    /// The pool.
    public let address: Address
    /// token0 and token1 in the pool's order.
    public let token0: Address, token1: Address
    /// How many bitmap words to read on each side of the current tick's word.
    public let wordRadius: Int

    /// What round 1 read.
    private struct Header {
        var sqrtPriceX96: UInt256
        var tick: Int32
        var liquidity: UInt256
        var fee: UInt32
        var tickSpacing: Int32
    }

    private var header: Header?
    /// The bitmap words asked for in round 2, in call order.
    private var wordPositions: [Int32] = []
    private var bitmapRead = false
    /// The ticks asked for in round 3, in call order.
    private var tickIndexes: [Int32] = []
    private var entries: [TickTable.Entry]?

    /// A loader for the pool at `address` that reads `wordRadius` words on each side of the
    /// current one (2 · wordRadius + 1 words, fewer at the ends of the tick range).
    public init(address: Address, token0: Address, token1: Address, wordRadius: Int = 2) {
        self.address = address
        self.token0 = token0
        self.token1 = token1
        self.wordRadius = max(0, wordRadius)
    }

    /// The calls of the current round.
    public func pendingCalls() -> [StateCall] {
        guard header != nil else {
            return ["slot0()", "liquidity()", "fee()", "tickSpacing()"].map { StateCall(to: address, signature: $0) }
        }
        if !bitmapRead {
            return wordPositions.map { word in
                StateCall(to: address, signature: "tickBitmap(int16)", arguments: [UInt256(truncatingIfNeeded: Int(word))],
                          label: "tickBitmap(\(word))")
            }
        }
        guard entries == nil else { return [] }
        return tickIndexes.map { tick in
            StateCall(to: address, signature: "ticks(int24)", arguments: [UInt256(truncatingIfNeeded: Int(tick))], label: "ticks(\(tick))")
        }
    }

    /// Reads the answers of the current round.
    public mutating func absorb(_ answers: [[UInt8]]) throws(PoolError) {
        let calls = pendingCalls()
        guard !calls.isEmpty else { return }
        guard answers.count == calls.count else { throw .invalidState("\(answers.count) answers for \(calls.count) calls") }
        if header == nil {
            try absorbHeader(answers, labels: calls.map(\.label))
        } else if !bitmapRead {
            try absorbBitmap(answers, labels: calls.map(\.label))
        } else {
            try absorbTicks(answers, labels: calls.map(\.label))
        }
    }

    /// The loaded pool.
    public func pool() throws(PoolError) -> UniswapV3Pool {
        guard let header, let entries else { throw .invalidState("pool state not completely loaded yet") }
        let wordTicks = 256 * header.tickSpacing
        let minWord = Self.wordPosition(TickMath.minTick, spacing: header.tickSpacing)
        let maxWord = Self.wordPosition(TickMath.maxTick, spacing: header.tickSpacing)
        let first = wordPositions.first ?? minWord
        let last = wordPositions.last ?? maxWord
        let complete = first <= minWord && last >= maxWord
        return try UniswapV3Pool(
            address: address, token0: token0, token1: token1, fee: header.fee, tickSpacing: header.tickSpacing,
            sqrtPriceX96: header.sqrtPriceX96, tick: header.tick, liquidity: header.liquidity,
            ticks: TickTable(entries),
            completeTickRange: complete ? nil : (first * wordTicks - header.tickSpacing)...((last + 1) * wordTicks - 1))
    }

    /// Round 1: `slot0()`, `liquidity()`, `fee()`, `tickSpacing()`.
    private mutating func absorbHeader(_ answers: [[UInt8]], labels: [String]) throws(PoolError) {
        let slot0 = ABIReader(answers[0][...])
        let price = try Self.read(labels[0]) { () throws(DecodingError) in try slot0.uint(0, bits: 160, field: "sqrtPriceX96") }
        let tickValue = try Self.read(labels[0]) { () throws(DecodingError) in try slot0.int(1, bits: 24, field: "tick") }
        _ = try Self.read(labels[0]) { () throws(DecodingError) in try slot0.uint(5, bits: 8, field: "feeProtocol") }
        _ = try Self.read(labels[0]) { () throws(DecodingError) in try slot0.bool(6, field: "unlocked") }
        let liquidity = try Self.read(labels[1]) { () throws(DecodingError) in try ABIReader(answers[1][...]).uint(0, bits: 128, field: "liquidity") }
        let fee = try Self.read(labels[2]) { () throws(DecodingError) in try ABIReader(answers[2][...]).uint(0, bits: 24, field: "fee") }
        let spacing = try Self.read(labels[3]) { () throws(DecodingError) in try ABIReader(answers[3][...]).int(0, bits: 24, field: "tickSpacing") }
        guard let tick = tickValue.int64Value, let spacingValue = spacing.int64Value, spacingValue > 0, spacingValue < 16384 else {
            throw .invalidState("slot0().tick \(tickValue) or tickSpacing() \(spacing) out of range")
        }
        guard tick >= Int64(TickMath.minTick), tick <= Int64(TickMath.maxTick) else { throw .invalidState("slot0().tick \(tick) outside the tick range") }
        let header = Header(sqrtPriceX96: price, tick: Int32(tick), liquidity: liquidity, fee: UInt32(fee.low64), tickSpacing: Int32(spacingValue))
        let center = Self.wordPosition(header.tick, spacing: header.tickSpacing)
        let radius = Int32(clamping: min(wordRadius, 1 << 16))
        let low = max(center - radius, Self.wordPosition(TickMath.minTick, spacing: header.tickSpacing))
        let high = min(center + radius, Self.wordPosition(TickMath.maxTick, spacing: header.tickSpacing))
        self.header = header
        wordPositions = Array(low...high)
    }

    /// Round 2: one bitmap word per call; every set bit names a tick to read.
    private mutating func absorbBitmap(_ answers: [[UInt8]], labels: [String]) throws(PoolError) {
        guard let spacing = header?.tickSpacing else { return }
        var indexes: [Int32] = []
        for (offset, answer) in answers.enumerated() {
            let word = try Self.read(labels[offset]) { () throws(DecodingError) in try ABIReader(answer[...]).uint(0, field: "word") }
            for bit in 0..<256 where word.bit(bit) {
                let tick = (wordPositions[offset] * 256 + Int32(bit)) * spacing
                guard tick >= TickMath.minTick, tick <= TickMath.maxTick else {
                    throw .invalidState("\(labels[offset]) sets bit \(bit), tick \(tick) outside the tick range")
                }
                indexes.append(tick)
            }
        }
        tickIndexes = indexes
        bitmapRead = true
        if indexes.isEmpty { entries = [] }
    }

    /// Round 3: `ticks(int24)` → (liquidityGross, liquidityNet, feeGrowthOutside0X128,
    /// feeGrowthOutside1X128, tickCumulativeOutside, secondsPerLiquidityOutsideX128,
    /// secondsOutside, initialized).
    private mutating func absorbTicks(_ answers: [[UInt8]], labels: [String]) throws(PoolError) {
        var loaded: [TickTable.Entry] = []
        loaded.reserveCapacity(answers.count)
        for (offset, answer) in answers.enumerated() {
            let reader = ABIReader(answer[...])
            let gross = try Self.read(labels[offset]) { () throws(DecodingError) in try reader.uint(0, bits: 128, field: "liquidityGross") }
            let net = try Self.read(labels[offset]) { () throws(DecodingError) in try reader.int(1, bits: 128, field: "liquidityNet") }
            let initialized = try Self.read(labels[offset]) { () throws(DecodingError) in try reader.bool(7, field: "initialized") }
            guard initialized else { throw .invalidState("\(labels[offset]) is set in the bitmap but not initialized") }
            loaded.append(TickTable.Entry(tick: tickIndexes[offset], liquidityNet: net, liquidityGross: gross))
        }
        entries = loaded
    }

    /// Runs one ABI read; a decoding error becomes `malformed` with the call's label before its field.
    private static func read<T>(_ label: String, _ body: () throws(DecodingError) -> T) throws(PoolError) -> T {
        do { return try body() } catch {
            throw .malformed(DecodingError(error.kind, at: error.offset, field: error.field.isEmpty ? label : "\(label).\(error.field)"))
        }
    }

    /// The bitmap word of `tick`'s compressed tick (rounded towards negative infinity).
    private static func wordPosition(_ tick: Int32, spacing: Int32) -> Int32 {
        var compressed = tick / spacing
        if tick < 0 && tick % spacing != 0 { compressed -= 1 }
        return compressed >> 8
    }
}
