import Kernel

/// The pools of a Uniswap V2 entry: loaders, log filters, snapshot entries and quotes.
///
/// Entry fields: `address`, `token0`, `token1`, `reserve0`, `reserve1` (decimal strings) and
/// `fee` (millionths, a JSON number). A quote line adds `zeroForOne` and exactly one of
/// `amountIn` and `amountOut`; the response is `{"amountIn","amountOut","reserve0","reserve1"}`.
extension UniswapV2Family {
    /// The pair fee of the entry's `fees:` (one value in millionths; 0.3 % when absent).
    public static func pairSettings(_ entry: DEXEntry) throws(PluginConfigError) -> PairFee {
        try PairFee.entryFee(entry.fees)
    }

    /// `getReserves()` for the pair, with the entry's fee.
    public static func stateLoader(for pool: PoolDescriptor, factory: Address, settings fee: PairFee) -> (any PoolStateLoader)? {
        guard pool.tokens.count == 2 else { return nil }
        return UniswapV2StateLoader(address: pool.address, token0: pool.tokens[0], token1: pool.tokens[1], fee: fee)
    }

    /// `Sync`.
    public static var poolEventTopics: [Hash32] { UniswapV2Pool.stateEventTopics }

    /// A pair from its entry.
    public static func pool(from entry: JSONFields, identity: PoolEntryIdentity) throws(PoolEntryError) -> any PricingPool {
        try pair(from: entry, identity: identity)
    }

    /// The entry of a `UniswapV2Pool`.
    public static func entry(of pool: any PricingPool) -> JSONObject? {
        guard let pair = pool as? UniswapV2Pool else { return nil }
        var entry = JSONObject.poolIdentity(address: pair.address, token0: pair.tokens[0], token1: pair.tokens[1])
        entry.append("reserve0", string: pair.reserve0.description)
        entry.append("reserve1", string: pair.reserve1.description)
        entry.append("fee", .integer(pair.fee.millionths))
        return entry
    }

    /// An exact-input or exact-output swap on the line's pair.
    public static func quote(_ request: JSONFields) throws(PoolEntryError) -> JSONObject {
        let (zeroForOne, amountIn, amountOut) = try PoolEntryError.reading { () throws(JSONFieldError) in
            let amountIn = try request.optional("amountIn", .decimalUInt256)
            let amountOut = try request.optional("amountOut", .decimalUInt256)
            guard (amountIn == nil) != (amountOut == nil) else {
                throw JSONFieldError(field: "amountIn", message: "give exactly one of amountIn and amountOut")
            }
            return (try request.read("zeroForOne", .bool), amountIn, amountOut)
        }
        var pair = try self.pair(from: try PoolEntryError.reading { () throws(JSONFieldError) in try request.read("pool", .object) }, identity: .optional)
        let (paid, received) = try PoolEntryError.pricing { () throws(PoolError) in
            if let amountIn { return (amountIn, try pair.swap(exactIn: amountIn, zeroForOne: zeroForOne)) }
            let exact = amountOut ?? .zero
            return (try pair.swap(exactOut: exact, zeroForOne: zeroForOne), exact)
        }
        return .pairSwapResponse(amountIn: paid, amountOut: received, reserve0: pair.reserve0, reserve1: pair.reserve1)
    }

    /// The pair an entry describes.
    private static func pair(from entry: JSONFields, identity: PoolEntryIdentity) throws(PoolEntryError) -> UniswapV2Pool {
        let (address, tokens, reserve0, reserve1, fee) = try PoolEntryError.reading { () throws(JSONFieldError) in
            (try entry.poolAddress(identity), try entry.tokenPair(identity),
             try entry.read("reserve0", .decimalUInt256), try entry.read("reserve1", .decimalUInt256), try entry.read("fee", .integer(UInt32.self)))
        }
        guard let pairFee = PairFee(millionths: fee) else { throw .pool(.invalidState("fee \(fee): must be below 1000000")) }
        return try PoolEntryError.pricing { () throws(PoolError) in
            try UniswapV2Pool(address: address, token0: tokens.0, token1: tokens.1, reserve0: reserve0, reserve1: reserve1, fee: pairFee)
        }
    }
}
