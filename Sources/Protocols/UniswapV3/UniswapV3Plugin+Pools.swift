import Kernel

/// The pools of a Uniswap V3 entry: loaders, log filters, snapshot entries and quotes.
///
/// Entry fields: `address`, `token0`, `token1`, `fee` (millionths) and `tickSpacing` (numbers),
/// then the concentrated-liquidity fields of `ConcentratedLiquidityEntry`. A quote line adds the
/// pool's `swap` arguments (`ConcentratedLiquidityQuote`).
extension UniswapV3Plugin {
    /// The three-round loader (`slot0`… , bitmap words around the tick, `ticks`).
    public func stateLoader(for pool: PoolDescriptor, options: PoolLoadOptions) -> (any PoolStateLoader)? {
        guard pool.tokens.count == 2 else { return nil }
        return UniswapV3StateLoader(address: pool.address, token0: pool.tokens[0], token1: pool.tokens[1],
                                    wordRadius: options.wordRadius(familyDefault: UniswapV3PoolHeader.defaultWordRadius))
    }

    /// `Swap`, `Mint`, `Burn`.
    public static var poolEventTopics: [Hash32] { UniswapV3Pool.stateEventTopics }

    /// `PoolCreated(address indexed token0, address indexed token1, uint24 indexed fee, int24
    /// tickSpacing, address pool)`.
    public static var poolCreation: PoolCreationEvent? {
        PoolCreationEvent(signature: "PoolCreated(address,address,uint24,int24,address)", feeTopic: 3, poolWord: 1)
    }

    /// A pool from its entry.
    public static func pool(from entry: JSONFields, identity: PoolEntryIdentity) throws(PoolEntryError) -> any PricingPool {
        try v3Pool(from: entry, identity: identity)
    }

    /// The entry of a `UniswapV3Pool`.
    public static func entry(of pool: any PricingPool) -> JSONObject? {
        guard let pool = pool as? UniswapV3Pool else { return nil }
        var entry = JSONObject.poolIdentity(address: pool.address, token0: pool.token0, token1: pool.token1)
        entry.append("fee", .integer(pool.fee))
        entry.append("tickSpacing", .integer(pool.tickSpacing))
        ConcentratedLiquidityEntry(of: pool).write(into: &entry)
        return entry
    }

    /// The pool's `swap` on the line's pool.
    public static func quote(_ request: JSONFields) throws(PoolEntryError) -> JSONObject {
        try ConcentratedLiquidityQuote.answer(request) { (fields) throws(PoolEntryError) in try v3Pool(from: fields, identity: .optional) }
    }

    /// The pool an entry describes.
    private static func v3Pool(from entry: JSONFields, identity: PoolEntryIdentity) throws(PoolEntryError) -> UniswapV3Pool {
        let (address, tokens, fee, spacing) = try PoolEntryError.reading { () throws(JSONFieldError) in
            (try entry.poolAddress(identity), try entry.tokenPair(identity),
             try entry.read("fee", .integer(UInt32.self)), try entry.read("tickSpacing", .integer(Int32.self)))
        }
        let state = try ConcentratedLiquidityEntry(from: entry)
        return try PoolEntryError.pricing { () throws(PoolError) in
            try UniswapV3Pool(
                address: address, token0: tokens.0, token1: tokens.1, fee: fee, tickSpacing: spacing,
                sqrtPriceX96: state.sqrtPriceX96, tick: state.tick, liquidity: state.liquidity, ticks: state.ticks,
                completeTickRange: state.completeTickRange)
        }
    }
}
