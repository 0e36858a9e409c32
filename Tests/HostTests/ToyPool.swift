import Kernel

/// The toy family's pool: two reserves and an exact x·y = k swap with no fee, written against
/// Kernel's pricing protocols alone, as a family's pool under `Sources/Protocols/` would be.
struct ToyPool: PricingPool, Equatable {
    let address: Address
    let tokens: [Address]
    private(set) var reserves: [UInt256]

    /// topic0 of `Reserves(uint256,uint256)`, the toy pool's one state event.
    static let reservesTopic = Keccak256.hash(Array("Reserves(uint256,uint256)".utf8))
    static var stateEventTopics: [Hash32] { [reservesTopic] }

    init(address: Address, tokens: [Address], reserves: [UInt256]) {
        self.address = address
        self.tokens = tokens
        self.reserves = reserves
    }

    /// reserveOut · amountIn / (reserveIn + amountIn), rounded down; refuses an empty output.
    func amountOut(_ amountIn: UInt256, from: Int, to: Int) throws(PoolError) -> UInt256 {
        guard (from, to) == (0, 1) || (from, to) == (1, 0) else { throw .invalidState("indexes \(from) -> \(to)") }
        let (sum, overflow) = reserves[from].addingReportingOverflow(amountIn)
        guard !overflow, let out = UInt256.mulDiv(reserves[to], amountIn, sum), !out.isZero else { throw .revert("TOY: NO_OUTPUT") }
        return out
    }

    mutating func swap(_ amountIn: UInt256, from: Int, to: Int) throws(PoolError) -> UInt256 {
        let out = try amountOut(amountIn, from: from, to: to)
        reserves[from] = reserves[from] &+ amountIn
        reserves[to] = reserves[to] &- out
        return out
    }

    mutating func apply(_ log: EventLog) throws(PoolError) -> EventEffect {
        guard log.topics.first == Self.reservesTopic else { return .ignored }
        let reader = ABIReader(log.data[...])
        reserves = try PoolError.decoding { () throws(DecodingError) in
            [try reader.word(0, field: "Reserves.reserve0"), try reader.word(1, field: "Reserves.reserve1")]
        }
        return .applied
    }
}

/// Loads a toy pool in one call, `getReserves()` → (uint256, uint256).
struct ToyPoolLoader: PoolStateLoader {
    let descriptor: PoolDescriptor
    private var reserves: [UInt256]?

    init(pool: PoolDescriptor) {
        descriptor = pool
    }

    func pendingCalls() -> [StateCall] {
        reserves == nil ? [StateCall(to: descriptor.address, signature: "getReserves()")] : []
    }

    mutating func absorb(_ answers: [[UInt8]]) throws(PoolError) {
        guard answers.count == 1 else { throw .invalidState("\(answers.count) answers for 1 call") }
        let reader = ABIReader(answers[0][...])
        reserves = try PoolError.decoding("getReserves()") { () throws(DecodingError) in
            [try reader.word(0, field: "reserve0"), try reader.word(1, field: "reserve1")]
        }
    }

    func pool() throws(PoolError) -> ToyPool {
        guard let reserves else { throw .invalidState("getReserves() not answered yet") }
        return ToyPool(address: descriptor.address, tokens: descriptor.tokens, reserves: reserves)
    }
}

/// The toy family's pool side: loader, entries (`address`, `token0`, `token1`, `reserve0`,
/// `reserve1`) and quotes (`zeroForOne`, `amountIn` → `{"amountOut"}`).
extension ToyDEXPlugin {
    func stateLoader(for pool: PoolDescriptor, options: PoolLoadOptions) -> (any PoolStateLoader)? {
        pool.tokens.count == 2 ? ToyPoolLoader(pool: pool) : nil
    }

    static var poolEventTopics: [Hash32] { ToyPool.stateEventTopics }

    static func pool(from entry: JSONFields, identity: PoolEntryIdentity) throws(PoolEntryError) -> any PricingPool {
        try toyPool(from: entry, identity: identity)
    }

    static func entry(of pool: any PricingPool) -> JSONObject? {
        guard let pool = pool as? ToyPool else { return nil }
        var entry = JSONObject.poolIdentity(address: pool.address, token0: pool.tokens[0], token1: pool.tokens[1])
        entry.append("reserve0", string: pool.reserves[0].description)
        entry.append("reserve1", string: pool.reserves[1].description)
        return entry
    }

    static func quote(_ request: JSONFields) throws(PoolEntryError) -> JSONObject {
        let (zeroForOne, amountIn, fields) = try PoolEntryError.reading { () throws(JSONFieldError) in
            (try request.read("zeroForOne", .bool), try request.read("amountIn", .decimalUInt256), try request.read("pool", .object))
        }
        let pool = try toyPool(from: fields, identity: .optional)
        let out = try PoolEntryError.pricing { () throws(PoolError) in try pool.amountOut(amountIn, from: zeroForOne ? 0 : 1, to: zeroForOne ? 1 : 0) }
        var response = JSONObject()
        response.append("amountOut", string: out.description)
        return response
    }

    private static func toyPool(from entry: JSONFields, identity: PoolEntryIdentity) throws(PoolEntryError) -> ToyPool {
        try PoolEntryError.reading { () throws(JSONFieldError) in
            let address = try entry.poolAddress(identity)
            let (token0, token1) = try entry.tokenPair(identity)
            return ToyPool(address: address, tokens: [token0, token1],
                           reserves: [try entry.read("reserve0", .decimalUInt256), try entry.read("reserve1", .decimalUInt256)])
        }
    }
}
