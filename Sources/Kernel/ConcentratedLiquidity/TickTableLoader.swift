/// Rounds 2 and 3 of loading a concentrated-liquidity pool's state, shared by Uniswap V3 and
/// Algebra: the table words within a radius of the current tick's word (`tickBitmap(int16)`,
/// `tickTable(int16)`), then `ticks(int24)` for every set bit of those words.
///
/// A pool's loader reads its own first round (price, tick, spacing), starts this with what it
/// read, passes it the answers of the next rounds and builds the pool from `entries` and
/// `completeTickRange`.
public struct TickTableLoader: Sendable {
    /// How a pool family names its table and the fields of its `ticks(int24)` answers.
    public struct Layout: Sendable {
        /// The word getter's name, called as `wordGetter(int16)` and labelled `wordGetter(word)`.
        public var wordGetter: String
        /// The table's name in errors ("bitmap", "tick table").
        public var tableName: String
        /// The name of `ticks`' word 0, the uint128 gross liquidity.
        public var grossField: StaticString
        /// The name of `ticks`' word 1, the int128 net liquidity.
        public var netField: StaticString

        /// A layout with these names.
        public init(wordGetter: String, tableName: String, grossField: StaticString, netField: StaticString) {
            self.wordGetter = wordGetter
            self.tableName = tableName
            self.grossField = grossField
            self.netField = netField
        }
    }

    /// The pool.
    public let address: Address
    /// The table's names.
    public let layout: Layout
    /// Ticks per bit: the tick spacing where the table holds compressed ticks (Uniswap), 1 where
    /// it holds raw ticks (Algebra).
    public let compression: Int32
    /// The words asked for in round 2, ascending (the call order).
    let wordPositions: [Int32]
    /// The ticks asked for in round 3, in call order.
    private var tickIndexes: [Int32] = []
    private var wordsRead = false
    /// The initialized ticks once round 3 is absorbed (at once when no bit is set), else nil.
    public private(set) var entries: [TickTable.Entry]?

    /// A loader of the words within `wordRadius` of `currentTick`'s word (fewer at the ends of the
    /// tick range). `invalidState` for a compression outside 1 … 16383 or a tick outside the range.
    public init(address: Address, layout: Layout, compression: Int32, currentTick: Int32, wordRadius: Int) throws(PoolError) {
        guard compression > 0, compression < 1 << 14 else { throw .invalidState("tick compression \(compression) outside 1...16383") }
        guard currentTick >= TickMath.minTick, currentTick <= TickMath.maxTick else {
            throw .invalidState("tick \(currentTick) outside the tick range")
        }
        self.address = address
        self.layout = layout
        self.compression = compression
        let center = Self.wordPosition(currentTick, compression: compression)
        let radius = Int32(min(max(wordRadius, 0), 1 << 16))
        let low = max(center - radius, Self.wordPosition(TickMath.minTick, compression: compression))
        let high = min(center + radius, Self.wordPosition(TickMath.maxTick, compression: compression))
        wordPositions = Array(low...high)
    }

    /// The calls of the current round: the words, then the ticks; empty once `entries` is known.
    public func pendingCalls() -> [StateCall] {
        if !wordsRead {
            return wordPositions.map { word in
                StateCall(to: address, signature: "\(layout.wordGetter)(int16)", arguments: [UInt256(truncatingIfNeeded: Int(word))],
                          label: "\(layout.wordGetter)(\(word))")
            }
        }
        guard entries == nil else { return [] }
        return tickIndexes.map { tick in
            StateCall(to: address, signature: "ticks(int24)", arguments: [UInt256(truncatingIfNeeded: Int(tick))], label: "ticks(\(tick))")
        }
    }

    /// Reads the answers of the current round, one per call of `pendingCalls()` in order.
    public mutating func absorb(_ answers: [[UInt8]]) throws(PoolError) {
        let calls = pendingCalls()
        guard !calls.isEmpty else { return }
        guard answers.count == calls.count else { throw .invalidState("\(answers.count) answers for \(calls.count) calls") }
        if wordsRead {
            try absorbTicks(answers, labels: calls.map(\.label))
        } else {
            try absorbWords(answers, labels: calls.map(\.label))
        }
    }

    /// The ticks the loaded words cover, or nil when they cover the whole tick range.
    public var completeTickRange: ClosedRange<Int32>? {
        let wordTicks = 256 * compression
        let minWord = Self.wordPosition(TickMath.minTick, compression: compression)
        let maxWord = Self.wordPosition(TickMath.maxTick, compression: compression)
        let first = wordPositions.first ?? minWord
        let last = wordPositions.last ?? maxWord
        guard first > minWord || last < maxWord else { return nil }
        return (first * wordTicks - compression)...((last + 1) * wordTicks - 1)
    }

    /// Round 2: one word per call; bit b of word w is tick (256·w + b)·compression.
    private mutating func absorbWords(_ answers: [[UInt8]], labels: [String]) throws(PoolError) {
        var indexes: [Int32] = []
        for (offset, answer) in answers.enumerated() {
            let word = try PoolError.decoding(labels[offset]) { () throws(DecodingError) in try ABIReader(answer[...]).uint(0, field: "word") }
            for bit in 0..<256 where word.bit(bit) {
                let tick = (wordPositions[offset] * 256 + Int32(bit)) * compression
                guard tick >= TickMath.minTick, tick <= TickMath.maxTick else {
                    throw .invalidState("\(labels[offset]) sets bit \(bit), tick \(tick) outside the tick range")
                }
                indexes.append(tick)
            }
        }
        tickIndexes = indexes
        wordsRead = true
        if indexes.isEmpty { entries = [] }
    }

    /// Round 3: `ticks(int24)` → (gross, net, four fee-growth and oracle words, initialized).
    private mutating func absorbTicks(_ answers: [[UInt8]], labels: [String]) throws(PoolError) {
        var loaded: [TickTable.Entry] = []
        loaded.reserveCapacity(answers.count)
        for (offset, answer) in answers.enumerated() {
            let reader = ABIReader(answer[...])
            let (gross, net, initialized) = try PoolError.decoding(labels[offset]) { () throws(DecodingError) in
                (try reader.uint(0, bits: 128, field: layout.grossField), try reader.int(1, bits: 128, field: layout.netField),
                 try reader.bool(7, field: "initialized"))
            }
            guard initialized else { throw .invalidState("\(labels[offset]) is set in the \(layout.tableName) but not initialized") }
            loaded.append(TickTable.Entry(tick: tickIndexes[offset], liquidityNet: net, liquidityGross: gross))
        }
        entries = loaded
    }

    /// The word of `tick`'s compressed tick (rounded towards negative infinity).
    private static func wordPosition(_ tick: Int32, compression: Int32) -> Int32 {
        var compressed = tick / compression
        if tick < 0 && tick % compression != 0 { compressed -= 1 }
        return compressed >> 8
    }
}
