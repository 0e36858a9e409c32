import Kernel

/// The pools of a Camelot V3 (Algebra) entry: loaders, log filters, snapshot entries and quotes.
///
/// Entry fields: `address`, `token0`, `token1`, `tickSpacing`, the fee in millionths as `fee`
/// (both directions) or as `feeZeroToOne` and `feeOneToZero`, then the concentrated-liquidity
/// fields of `ConcentratedLiquidityEntry`. A quote line adds the pool's `swap` arguments
/// (`ConcentratedLiquidityQuote`).
extension CamelotV3Plugin {
    /// The three-round loader (`globalState`… , tick-table words around the tick, `ticks`).
    public func stateLoader(for pool: PoolDescriptor, options: PoolLoadOptions) -> (any PoolStateLoader)? {
        guard pool.tokens.count == 2 else { return nil }
        return CamelotV3StateLoader(address: pool.address, token0: pool.tokens[0], token1: pool.tokens[1],
                                    wordRadius: options.wordRadius(familyDefault: CamelotV3PoolHeader.defaultWordRadius))
    }

    /// `Swap`, `Mint`, `Burn`, `Fee`, `TickSpacing`.
    public static var poolEventTopics: [Hash32] { CamelotV3Pool.stateEventTopics }

    /// Algebra's `Pool(address indexed token0, address indexed token1, address pool)`.
    public static var poolCreation: PoolCreationEvent? {
        PoolCreationEvent(signature: "Pool(address,address,address)", feeTopic: nil, poolWord: 0)
    }

    /// A pool from its entry.
    public static func pool(from entry: JSONFields, identity: PoolEntryIdentity) throws(PoolEntryError) -> any PricingPool {
        try algebraPool(from: entry, identity: identity)
    }

    /// The entry of a `CamelotV3Pool`.
    public static func entry(of pool: any PricingPool) -> JSONObject? {
        guard let pool = pool as? CamelotV3Pool else { return nil }
        var entry = JSONObject.poolIdentity(address: pool.address, token0: pool.token0, token1: pool.token1)
        if pool.feeZeroToOne == pool.feeOneToZero {
            entry.append("fee", .integer(pool.feeZeroToOne))
        } else {
            entry.append("feeZeroToOne", .integer(pool.feeZeroToOne))
            entry.append("feeOneToZero", .integer(pool.feeOneToZero))
        }
        entry.append("tickSpacing", .integer(pool.tickSpacing))
        ConcentratedLiquidityEntry(of: pool).write(into: &entry)
        return entry
    }

    /// The pool's `swap` on the line's pool.
    public static func quote(_ request: JSONFields) throws(PoolEntryError) -> JSONObject {
        try ConcentratedLiquidityQuote.answer(request) { (fields) throws(PoolEntryError) in try algebraPool(from: fields, identity: .optional) }
    }

    /// The pool an entry describes.
    private static func algebraPool(from entry: JSONFields, identity: PoolEntryIdentity) throws(PoolEntryError) -> CamelotV3Pool {
        let (address, tokens, fees, spacing) = try PoolEntryError.reading { () throws(JSONFieldError) in
            (try entry.poolAddress(identity), try entry.tokenPair(identity), try directionFees(entry), try entry.read("tickSpacing", .integer(Int32.self)))
        }
        let state = try ConcentratedLiquidityEntry(from: entry)
        return try PoolEntryError.pricing { () throws(PoolError) in
            try CamelotV3Pool(
                address: address, token0: tokens.0, token1: tokens.1, tickSpacing: spacing,
                feeZeroToOne: fees.zeroToOne, feeOneToZero: fees.oneToZero,
                sqrtPriceX96: state.sqrtPriceX96, tick: state.tick, liquidity: state.liquidity, ticks: state.ticks,
                completeTickRange: state.completeTickRange)
        }
    }

    /// `fee` for both directions, or `feeZeroToOne` and `feeOneToZero`; each a `uint16`.
    private static func directionFees(_ entry: JSONFields) throws(JSONFieldError) -> (zeroToOne: UInt16, oneToZero: UInt16) {
        if entry.has("fee") {
            let fee = try entry.read("fee", .integer(UInt16.self))
            return (fee, fee)
        }
        return (try entry.read("feeZeroToOne", .integer(UInt16.self)), try entry.read("feeOneToZero", .integer(UInt16.self)))
    }
}
