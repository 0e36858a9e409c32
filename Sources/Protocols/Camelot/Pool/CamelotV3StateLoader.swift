import Kernel

/// Loads a Camelot V3 (Algebra) pool in three rounds of calls:
/// 1. `globalState()`, `liquidity()`, `tickSpacing()`;
/// 2. `tickTable(int16)` for the words within `wordRadius` of the current tick's word (a word
///    holds 256 raw ticks: Algebra does not compress the table by the tick spacing);
/// 3. `ticks(int24)` for every set bit of those words.
///
/// The pool it builds knows which ticks the loaded words cover (`completeTickRange`) and refuses
/// a swap that would end beyond them. The tokens come from the config.
public struct CamelotV3StateLoader: PoolStateLoader {
    /// The pool.
    public let address: Address
    /// token0 and token1 in the pool's order.
    public let token0: Address, token1: Address
    /// How many tick-table words to read on each side of the current tick's word.
    public let wordRadius: Int

    /// What round 1 read.
    private struct Header {
        var sqrtPriceX96: UInt256
        var tick: Int32
        var feeZeroToOne: UInt16
        var feeOneToZero: UInt16
        var liquidity: UInt256
        var tickSpacing: Int32
    }

    private var header: Header?
    /// The tick-table words asked for in round 2, in call order.
    private var wordPositions: [Int32] = []
    private var tableRead = false
    /// The ticks asked for in round 3, in call order.
    private var tickIndexes: [Int32] = []
    private var entries: [TickTable.Entry]?

    /// The lowest and highest tick-table words.
    static let minWord = TickMath.minTick >> 8
    static let maxWord = TickMath.maxTick >> 8

    /// A loader for the pool at `address` reading `wordRadius` words on each side of the current
    /// one (each word is 256 ticks).
    public init(address: Address, token0: Address, token1: Address, wordRadius: Int = 8) {
        self.address = address
        self.token0 = token0
        self.token1 = token1
        self.wordRadius = max(0, wordRadius)
    }

    /// The calls of the current round.
    public func pendingCalls() -> [StateCall] {
        guard header != nil else {
            return ["globalState()", "liquidity()", "tickSpacing()"].map { StateCall(to: address, signature: $0) }
        }
        if !tableRead {
            return wordPositions.map { word in
                StateCall(to: address, signature: "tickTable(int16)", arguments: [UInt256(truncatingIfNeeded: Int(word))],
                          label: "tickTable(\(word))")
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
        let labels = calls.map(\.label)
        if header == nil {
            try absorbHeader(answers, labels: labels)
        } else if !tableRead {
            try absorbTable(answers, labels: labels)
        } else {
            try absorbTicks(answers, labels: labels)
        }
    }

    /// The loaded pool.
    public func pool() throws(PoolError) -> CamelotV3Pool {
        guard let header, let entries else { throw .invalidState("pool state not completely loaded yet") }
        let first = wordPositions.first ?? Self.minWord
        let last = wordPositions.last ?? Self.maxWord
        let complete = first <= Self.minWord && last >= Self.maxWord
        return try CamelotV3Pool(
            address: address, token0: token0, token1: token1, tickSpacing: header.tickSpacing,
            feeZeroToOne: header.feeZeroToOne, feeOneToZero: header.feeOneToZero,
            sqrtPriceX96: header.sqrtPriceX96, tick: header.tick, liquidity: header.liquidity, ticks: TickTable(entries),
            completeTickRange: complete ? nil : (first * 256 - 1)...(last * 256 + 255))
    }

    /// Round 1: `globalState()` → (price, tick, feeZto, feeOtz, timepointIndex,
    /// communityFeeToken0, communityFeeToken1, unlocked), `liquidity()`, `tickSpacing()`.
    private mutating func absorbHeader(_ answers: [[UInt8]], labels: [String]) throws(PoolError) {
        let state = ABIReader(answers[0][...])
        let price = try Self.read(labels[0]) { () throws(DecodingError) in try state.uint(0, bits: 160, field: "price") }
        let tickValue = try Self.read(labels[0]) { () throws(DecodingError) in try state.int(1, bits: 24, field: "tick") }
        let feeZto = try Self.read(labels[0]) { () throws(DecodingError) in try state.uint(2, bits: 16, field: "feeZto") }
        let feeOtz = try Self.read(labels[0]) { () throws(DecodingError) in try state.uint(3, bits: 16, field: "feeOtz") }
        _ = try Self.read(labels[0]) { () throws(DecodingError) in try state.uint(4, bits: 16, field: "timepointIndex") }
        _ = try Self.read(labels[0]) { () throws(DecodingError) in try state.uint(5, bits: 8, field: "communityFeeToken0") }
        _ = try Self.read(labels[0]) { () throws(DecodingError) in try state.uint(6, bits: 8, field: "communityFeeToken1") }
        _ = try Self.read(labels[0]) { () throws(DecodingError) in try state.bool(7, field: "unlocked") }
        let liquidity = try Self.read(labels[1]) { () throws(DecodingError) in try ABIReader(answers[1][...]).uint(0, bits: 128, field: "liquidity") }
        let spacing = try Self.read(labels[2]) { () throws(DecodingError) in try ABIReader(answers[2][...]).int(0, bits: 24, field: "tickSpacing") }
        guard let tick = tickValue.int64Value, tick >= Int64(TickMath.minTick), tick <= Int64(TickMath.maxTick) else {
            throw .invalidState("globalState().tick \(tickValue) outside the tick range")
        }
        guard let spacingValue = spacing.int64Value, spacingValue > 0, spacingValue <= Int64(CamelotV3Pool.maxTickSpacing) else {
            throw .invalidState("tickSpacing() \(spacing) outside 1...500")
        }
        let header = Header(
            sqrtPriceX96: price, tick: Int32(tick),
            feeZeroToOne: UInt16(truncatingIfNeeded: feeZto.low64), feeOneToZero: UInt16(truncatingIfNeeded: feeOtz.low64),
            liquidity: liquidity, tickSpacing: Int32(spacingValue))
        let center = header.tick >> 8
        let radius = Int32(clamping: wordRadius)
        let low = max(center &- radius, Self.minWord)
        let high = min(center &+ radius, Self.maxWord)
        self.header = header
        wordPositions = Array(low...high)
    }

    /// Round 2: one tick-table word per call; bit b of word w is tick 256·w + b.
    private mutating func absorbTable(_ answers: [[UInt8]], labels: [String]) throws(PoolError) {
        var indexes: [Int32] = []
        for (offset, answer) in answers.enumerated() {
            let word = try Self.read(labels[offset]) { () throws(DecodingError) in try ABIReader(answer[...]).uint(0, field: "word") }
            for bit in 0..<256 where word.bit(bit) {
                let tick = wordPositions[offset] * 256 + Int32(bit)
                guard tick >= TickMath.minTick, tick <= TickMath.maxTick else {
                    throw .invalidState("\(labels[offset]) sets bit \(bit), tick \(tick) outside the tick range")
                }
                indexes.append(tick)
            }
        }
        tickIndexes = indexes
        tableRead = true
        if indexes.isEmpty { entries = [] }
    }

    /// Round 3: `ticks(int24)` → (liquidityTotal, liquidityDelta, outerFeeGrowth0Token,
    /// outerFeeGrowth1Token, outerTickCumulative, outerSecondsPerLiquidity, outerSecondsSpent,
    /// initialized).
    private mutating func absorbTicks(_ answers: [[UInt8]], labels: [String]) throws(PoolError) {
        var loaded: [TickTable.Entry] = []
        loaded.reserveCapacity(answers.count)
        for (offset, answer) in answers.enumerated() {
            let reader = ABIReader(answer[...])
            let total = try Self.read(labels[offset]) { () throws(DecodingError) in try reader.uint(0, bits: 128, field: "liquidityTotal") }
            let delta = try Self.read(labels[offset]) { () throws(DecodingError) in try reader.int(1, bits: 128, field: "liquidityDelta") }
            let initialized = try Self.read(labels[offset]) { () throws(DecodingError) in try reader.bool(7, field: "initialized") }
            guard initialized else { throw .invalidState("\(labels[offset]) is set in the tick table but not initialized") }
            loaded.append(TickTable.Entry(tick: tickIndexes[offset], liquidityNet: delta, liquidityGross: total))
        }
        entries = loaded
    }

    /// Runs one ABI read; a decoding error becomes `malformed` with the call's label before its field.
    private static func read<T>(_ label: String, _ body: () throws(DecodingError) -> T) throws(PoolError) -> T {
        do { return try body() } catch {
            throw .malformed(DecodingError(error.kind, at: error.offset, field: error.field.isEmpty ? label : "\(label).\(error.field)"))
        }
    }
}
