import Kernel

/// The pairs of a Camelot V2 entry: loaders, log filters, snapshot entries and quotes.
///
/// Entry fields: `address`, `token0`, `token1`, `reserve0`, `reserve1` (decimal strings),
/// `token0Fee`, `token1Fee` (fee percents over 100,000 for each input token), `stable` (a
/// boolean), `decimals0`, `decimals1`, and `protocolFeeShare` (over 100,000; optional, 0 when
/// absent): the factory's owner fee share when its `feeTo` is set. A quote line adds
/// `zeroForOne` and `amountIn`; the response is `{"amountIn","amountOut","reserve0","reserve1"}`.
extension CamelotV2Family {
    /// Nothing: a Camelot pair reads its fees and type from itself and its factory.
    public static func pairSettings(_ entry: DEXEntry) throws(PluginConfigError) {}

    /// The pair's and its factory's `feeInfo()` calls.
    public static func stateLoader(for pool: PoolDescriptor, factory: Address, settings: Void) -> (any PoolStateLoader)? {
        CamelotV2StateLoader(pair: pool.address, factory: factory)
    }

    /// The factory's `FeeToTransferred` and `OwnerFeeShareUpdated`: they move every stable pair's
    /// protocol fee share, which the pairs read through `feeInfo()`.
    public static func factoryLogFilters(factory: Address) -> [LogFilter] {
        [LogFilter(addresses: [factory], topics: factoryFeeTopics, purpose: .reloadPools)]
    }

    /// topic0 of the factory's `FeeToTransferred(address,address)` and
    /// `OwnerFeeShareUpdated(uint256,uint256)` (CamelotFactory.sol).
    public static let factoryFeeTopics = [
        Keccak256.hash(Array("FeeToTransferred(address,address)".utf8)),
        Keccak256.hash(Array("OwnerFeeShareUpdated(uint256,uint256)".utf8)),
    ]

    /// `Sync`, `FeePercentUpdated`, `SetStableSwap`.
    public static var poolEventTopics: [Hash32] { CamelotV2Pool.stateEventTopics }

    /// A pair from its entry.
    public static func pool(from entry: JSONFields, identity: PoolEntryIdentity) throws(PoolEntryError) -> any PricingPool {
        try pair(from: entry, identity: identity)
    }

    /// The entry of a `CamelotV2Pool`.
    public static func entry(of pool: any PricingPool) -> JSONObject? {
        guard let pair = pool as? CamelotV2Pool else { return nil }
        var entry = JSONObject.poolIdentity(address: pair.address, token0: pair.token0, token1: pair.token1)
        entry.append("reserve0", string: pair.reserve0.description)
        entry.append("reserve1", string: pair.reserve1.description)
        entry.append("token0Fee", .integer(pair.token0FeePercent))
        entry.append("token1Fee", .integer(pair.token1FeePercent))
        entry.append("stable", .bool(pair.stableSwap))
        entry.append("decimals0", .integer(pair.decimals0))
        entry.append("decimals1", .integer(pair.decimals1))
        if pair.protocolFeeShare != 0 { entry.append("protocolFeeShare", .integer(pair.protocolFeeShare)) }
        return entry
    }

    /// An exact-input swap on the line's pair, as the router drives it.
    public static func quote(_ request: JSONFields) throws(PoolEntryError) -> JSONObject {
        let (zeroForOne, amountIn, fields) = try PoolEntryError.reading { () throws(JSONFieldError) in
            (try request.read("zeroForOne", .bool), try request.read("amountIn", .decimalUInt256), try request.read("pool", .object))
        }
        var pair = try self.pair(from: fields, identity: .optional)
        let amountOut = try PoolEntryError.pricing { () throws(PoolError) in try pair.swap(amountIn, zeroForOne: zeroForOne) }
        return .pairSwapResponse(amountIn: amountIn, amountOut: amountOut, reserve0: pair.reserve0, reserve1: pair.reserve1)
    }

    /// The pair an entry describes.
    private static func pair(from entry: JSONFields, identity: PoolEntryIdentity) throws(PoolEntryError) -> CamelotV2Pool {
        let (address, tokens, reserves, fees, stable, decimals, share) = try PoolEntryError.reading { () throws(JSONFieldError) in
            (try entry.poolAddress(identity), try entry.tokenPair(identity),
             (try entry.read("reserve0", .decimalUInt256), try entry.read("reserve1", .decimalUInt256)),
             (try entry.read("token0Fee", .integer(UInt16.self)), try entry.read("token1Fee", .integer(UInt16.self))),
             try entry.read("stable", .bool),
             (try entry.read("decimals0", .integer(UInt8.self)), try entry.read("decimals1", .integer(UInt8.self))),
             try entry.optional("protocolFeeShare", .integer(UInt32.self)) ?? 0)
        }
        return try PoolEntryError.pricing { () throws(PoolError) in
            try CamelotV2Pool(
                address: address, token0: tokens.0, token1: tokens.1, reserve0: reserves.0, reserve1: reserves.1,
                token0FeePercent: fees.0, token1FeePercent: fees.1, stableSwap: stable, decimals0: decimals.0, decimals1: decimals.1,
                protocolFeeShare: share)
        }
    }
}
