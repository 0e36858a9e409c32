import Kernel

/// The pools of a Curve entry: loaders, log filters, snapshot entries and quotes.
///
/// Entry fields: `address`, `coins` (in index order), `variant` (a `CurveStableSwapVariant`
/// name), `A` (`A_precise()`), `fee`, `offpegFeeMultiplier` (NG; optional, 0), `adminFee`
/// (optional, 5000000000), `rates` and `balances` (one per coin), all integers as decimal
/// strings, and the optional A ramp `ramp`: `{"initialA","futureA","initialTime","futureTime"}`.
/// A quote line adds `i`, `j` (numbers) and `dx`; the response is `{"dy","balances"}`.
extension CurvePlugin {
    /// The configured pool's loader; nil for a pool the entry does not name or does not price.
    public func stateLoader(for pool: PoolDescriptor, options: PoolLoadOptions) -> (any PoolStateLoader)? {
        guard let configured = pools[pool.address], let variant = configured.kind.stableSwapVariant else { return nil }
        return CurveConfiguredPoolLoader(pool: configured, variant: variant)
    }

    /// Every StableSwap state event.
    public static var poolEventTopics: [Hash32] { CurveStableSwapPool.stateEventTopics }

    /// A pool from its entry.
    public static func pool(from entry: JSONFields, identity: PoolEntryIdentity) throws(PoolEntryError) -> any PricingPool {
        try stableSwapPool(from: entry, identity: identity)
    }

    /// The entry of a `CurveStableSwapPool`.
    public static func entry(of pool: any PricingPool) -> JSONObject? {
        guard let pool = pool as? CurveStableSwapPool else { return nil }
        var entry = JSONObject()
        entry.append("address", string: pool.address.checksummed)
        entry.append("coins", .array(pool.coins.map { .string($0.checksummed) }))
        entry.append("variant", string: pool.variant.rawValue)
        entry.append("A", string: pool.amplification.description)
        entry.append("fee", string: pool.fee.description)
        if !pool.offpegFeeMultiplier.isZero { entry.append("offpegFeeMultiplier", string: pool.offpegFeeMultiplier.description) }
        entry.append("adminFee", string: pool.adminFee.description)
        entry.append("rates", .array(pool.rates.array.map { .string($0.description) }))
        entry.append("balances", .array(pool.balances.array.map { .string($0.description) }))
        if let ramp = pool.ramp {
            var fields = JSONObject()
            fields.append("initialA", string: ramp.initialA.description)
            fields.append("futureA", string: ramp.futureA.description)
            fields.append("initialTime", string: ramp.initialTime.description)
            fields.append("futureTime", string: ramp.futureTime.description)
            entry.append("ramp", .object(fields))
        }
        return entry
    }

    /// `exchange(i, j, dx, 0)` on the line's pool.
    public static func quote(_ request: JSONFields) throws(PoolEntryError) -> JSONObject {
        let (i, j, dx, fields) = try PoolEntryError.reading { () throws(JSONFieldError) in
            (try request.read("i", .integer(Int.self)), try request.read("j", .integer(Int.self)),
             try request.read("dx", .decimalUInt256), try request.read("pool", .object))
        }
        var pool = try stableSwapPool(from: fields, identity: .optional)
        let dy = try PoolEntryError.pricing { () throws(PoolError) in try pool.exchange(dx, from: i, to: j) }
        var line = JSONObject()
        line.append("dy", string: dy.description)
        line.append("balances", .array(pool.balances.array.map { .string($0.description) }))
        return line
    }

    /// The pool an entry describes.
    private static func stableSwapPool(from entry: JSONFields, identity: PoolEntryIdentity) throws(PoolEntryError) -> CurveStableSwapPool {
        let (address, variant, numbers, rates, balances, ramp) = try PoolEntryError.reading { () throws(JSONFieldError) in
            (try entry.poolAddress(identity), try entry.read("variant", variantRead),
             (a: try entry.read("A", .decimalUInt256), fee: try entry.read("fee", .decimalUInt256),
              offpeg: try entry.optional("offpegFeeMultiplier", .decimalUInt256) ?? .zero,
              admin: try entry.optional("adminFee", .decimalUInt256) ?? CurveStableSwapVariant.ngAdminFee),
             try entry.read("rates", .array(.decimalUInt256)), try entry.read("balances", .array(.decimalUInt256)),
             try entry.optional("ramp", rampRead))
        }
        let coins = try PoolEntryError.reading { () throws(JSONFieldError) in try entry.coins(identity, count: balances.count) }
        return try PoolEntryError.pricing { () throws(PoolError) in
            try CurveStableSwapPool(
                address: address, coins: coins, variant: variant, amplification: numbers.a, fee: numbers.fee,
                offpegFeeMultiplier: numbers.offpeg, adminFee: numbers.admin, rates: rates, balances: balances, ramp: ramp)
        }
    }

    /// A `CurveStableSwapVariant` by name; others are refused with the list of names.
    private static var variantRead: JSONRead<CurveStableSwapVariant> {
        JSONRead { (value, place) throws(JSONFieldError) in
            let name = try value.string(at: place)
            guard let variant = CurveStableSwapVariant(rawValue: name) else {
                let names = CurveStableSwapVariant.allCases.map(\.rawValue).joined(separator: ", ")
                throw JSONFieldError(field: place, message: "unknown variant \"\(name)\" (\(names))")
            }
            return variant
        }
    }

    /// `{"initialA","futureA","initialTime","futureTime"}`.
    private static var rampRead: JSONRead<AmplificationRamp> {
        JSONRead { (value, place) throws(JSONFieldError) in
            let fields = try value.fields(at: place)
            return AmplificationRamp(
                initialA: try fields.read("initialA", .decimalUInt256), futureA: try fields.read("futureA", .decimalUInt256),
                initialTime: try fields.read("initialTime", .decimalUInt256), futureTime: try fields.read("futureTime", .decimalUInt256))
        }
    }
}
