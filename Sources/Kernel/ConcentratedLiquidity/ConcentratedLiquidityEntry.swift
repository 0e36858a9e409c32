/// The JSON fields every concentrated-liquidity pool entry shares (Uniswap V3, Algebra):
/// `sqrtPriceX96` and `liquidity` (decimal strings), `tick` (a number), `ticks` (the initialized
/// ticks as `[tick, "liquidityNet"]` or `[tick, "liquidityNet", "liquidityGross"]`), and the
/// optional `completeTickRange` `[lowest, highest]`: the ticks the table is known to be complete
/// for. Without it the table holds every initialized tick of the pool.
public struct ConcentratedLiquidityEntry: Sendable, Equatable {
    /// The current price.
    public var sqrtPriceX96: UInt256
    /// The current tick.
    public var tick: Int32
    /// The active liquidity.
    public var liquidity: UInt256
    /// The initialized ticks.
    public var ticks: TickTable
    /// The ticks the table is complete for; nil when it holds them all.
    public var completeTickRange: ClosedRange<Int32>?

    /// The fields as given.
    public init(sqrtPriceX96: UInt256, tick: Int32, liquidity: UInt256, ticks: TickTable, completeTickRange: ClosedRange<Int32>?) {
        self.sqrtPriceX96 = sqrtPriceX96
        self.tick = tick
        self.liquidity = liquidity
        self.ticks = ticks
        self.completeTickRange = completeTickRange
    }

    /// The shared fields of `pool`'s state.
    public init(of pool: some ConcentratedLiquidityPool) {
        self.init(
            sqrtPriceX96: pool.sqrtPriceX96, tick: pool.tick, liquidity: pool.liquidity, ticks: pool.ticks,
            completeTickRange: pool.completeTickRange)
    }

    /// Reads the shared fields of `entry`.
    public init(from entry: JSONFields) throws(PoolEntryError) {
        let (price, tick, liquidity, rows, range) = try PoolEntryError.reading { () throws(JSONFieldError) in
            (try entry.read("sqrtPriceX96", .decimalUInt256), try entry.read("tick", .integer(Int32.self)),
             try entry.read("liquidity", .decimalUInt256), try entry.read("ticks", .array(Self.tickRow)),
             try entry.optional("completeTickRange", Self.tickRange))
        }
        self.init(
            sqrtPriceX96: price, tick: tick, liquidity: liquidity,
            ticks: try PoolEntryError.pricing { () throws(PoolError) in try TickTable(rows) }, completeTickRange: range)
    }

    /// Appends the shared fields to `entry`, in the order `init(from:)` reads them.
    public func write(into entry: inout JSONObject) {
        entry.append("sqrtPriceX96", string: sqrtPriceX96.description)
        entry.append("tick", .integer(tick))
        entry.append("liquidity", string: liquidity.description)
        entry.append("ticks", .array(ticks.entries.map { row in
            var cells: [JSONValue] = [.integer(row.tick), .string(row.liquidityNet.description)]
            if row.liquidityGross != row.liquidityNet.magnitude { cells.append(.string(row.liquidityGross.description)) }
            return .array(cells)
        }))
        if let completeTickRange {
            entry.append("completeTickRange", .array([.integer(completeTickRange.lowerBound), .integer(completeTickRange.upperBound)]))
        }
    }

    /// `[tick, "liquidityNet"]` or `[tick, "liquidityNet", "liquidityGross"]`.
    static var tickRow: JSONRead<TickTable.Entry> {
        JSONRead { (value, place) throws(JSONFieldError) in
            let cells = try value.elements(at: place)
            guard cells.count == 2 || cells.count == 3 else {
                throw JSONFieldError(field: place, message: #"expected [tick, "liquidityNet"] or [tick, "liquidityNet", "liquidityGross"]"#)
            }
            return TickTable.Entry(
                tick: try cells[0].integer(Int32.self, at: place + "[0]"),
                liquidityNet: try cells[1].decimalInt256(at: place + "[1]"),
                liquidityGross: cells.count == 3 ? try cells[2].decimalUInt256(at: place + "[2]") : nil)
        }
    }

    /// `[lowest, highest]` with lowest <= highest.
    static var tickRange: JSONRead<ClosedRange<Int32>> {
        JSONRead { (value, place) throws(JSONFieldError) in
            let bounds = try value.elements(at: place)
            guard bounds.count == 2 else { throw JSONFieldError(field: place, message: "expected [lowest, highest]") }
            let lowest = try bounds[0].integer(Int32.self, at: place + "[0]")
            let highest = try bounds[1].integer(Int32.self, at: place + "[1]")
            guard lowest <= highest else { throw JSONFieldError(field: place, message: "expected [lowest, highest] with lowest <= highest") }
            return lowest...highest
        }
    }
}

/// `mevbot quote` on a concentrated-liquidity pool: the pool's own `swap` arguments
/// `zeroForOne`, `amountSpecified` (a signed decimal string: positive exact input, negative
/// exact output) and `sqrtPriceLimitX96`; the response `{"amount0","amount1","sqrtPriceX96",
/// "tick","liquidity"}`: the amounts the pool would return (signed, from the pool's side) and its
/// state after the swap.
public enum ConcentratedLiquidityQuote {
    /// The response to `request`, on the pool `read` makes of its `pool` object.
    public static func answer<Pool: ConcentratedLiquidityPool>(
        _ request: JSONFields, pool read: (JSONFields) throws(PoolEntryError) -> Pool
    ) throws(PoolEntryError) -> JSONObject {
        let arguments = try arguments(request)
        let pool = try read(try PoolEntryError.reading { () throws(JSONFieldError) in try request.read("pool", .object) })
        return response(try PoolEntryError.pricing { () throws(PoolError) in
            try pool.quote(zeroForOne: arguments.zeroForOne, amountSpecified: arguments.amountSpecified, sqrtPriceLimitX96: arguments.sqrtPriceLimitX96)
        })
    }

    /// The swap arguments of a request line.
    static func arguments(_ request: JSONFields) throws(PoolEntryError) -> (zeroForOne: Bool, amountSpecified: Int256, sqrtPriceLimitX96: UInt256) {
        try PoolEntryError.reading { () throws(JSONFieldError) in
            (try request.read("zeroForOne", .bool), try request.read("amountSpecified", .decimalInt256), try request.read("sqrtPriceLimitX96", .decimalUInt256))
        }
    }

    /// The response for a swap's result.
    static func response(_ result: ConcentratedLiquiditySwapResult) -> JSONObject {
        var line = JSONObject()
        line.append("amount0", string: result.amount0.description)
        line.append("amount1", string: result.amount1.description)
        line.append("sqrtPriceX96", string: result.sqrtPriceX96.description)
        line.append("tick", .integer(result.tick))
        line.append("liquidity", string: result.liquidity.description)
        return line
    }
}
