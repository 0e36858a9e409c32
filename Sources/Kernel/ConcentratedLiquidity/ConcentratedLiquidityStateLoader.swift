/// Loads a concentrated-liquidity pool in three rounds of calls:
/// 1. the family's `Header` calls (price, tick, liquidity, fees, spacing);
/// 2. the tick-table words within `wordRadius` of the current tick's word;
/// 3. `ticks(int24)` for every set bit of those words (`TickTableLoader`).
///
/// The pool it builds knows which ticks the loaded words cover (`completeTickRange`) and refuses
/// a swap that would end beyond them. The tokens come from the config.
public struct ConcentratedLiquidityStateLoader<Header: ConcentratedLiquidityHeader>: PoolStateLoader {
    /// The pool.
    public let address: Address
    /// token0 and token1 in the pool's order.
    public let token0: Address, token1: Address
    /// How many tick-table words to read on each side of the current tick's word.
    public let wordRadius: Int

    private var header: Header?
    /// Rounds 2 and 3, started once round 1 has given the tick.
    private var tickTable: TickTableLoader?

    /// A loader for the pool at `address` that reads `wordRadius` words on each side of the
    /// current one (2 · wordRadius + 1 words, fewer at the ends of the tick range).
    public init(address: Address, token0: Address, token1: Address, wordRadius: Int = Header.defaultWordRadius) {
        self.address = address
        self.token0 = token0
        self.token1 = token1
        self.wordRadius = max(0, wordRadius)
    }

    /// The calls of the current round.
    public func pendingCalls() -> [StateCall] {
        guard let tickTable else { return Header.signatures.map { StateCall(to: address, signature: $0) } }
        return tickTable.pendingCalls()
    }

    /// Reads the answers of the current round.
    public mutating func absorb(_ answers: [[UInt8]]) throws(PoolError) {
        if tickTable != nil {
            try tickTable?.absorb(answers)
            return
        }
        let calls = pendingCalls()
        guard answers.count == calls.count else { throw .invalidState("\(answers.count) answers for \(calls.count) calls") }
        let header = try Header(answers: answers, labels: calls.map(\.label))
        tickTable = try TickTableLoader(
            address: address, layout: Header.tickTableLayout, compression: header.tickCompression,
            currentTick: header.tick, wordRadius: wordRadius)
        self.header = header
    }

    /// The loaded pool.
    public func pool() throws(PoolError) -> Header.Pool {
        guard let header, let tickTable, let entries = tickTable.entries else { throw .invalidState("pool state not completely loaded yet") }
        return try header.pool(
            address: address, token0: token0, token1: token1, ticks: TickTable(entries), completeTickRange: tickTable.completeTickRange)
    }
}
