/// Whether a pool's JSON entry must name the pool (`address`, and its tokens) or may leave them
/// out: a snapshot describes deployed pools; a quote line describes a state only.
public enum PoolEntryIdentity: Sendable {
    /// `address` and the tokens must be present.
    case required
    /// Absent ones are the zero address.
    case optional
}

extension JSONFields {
    /// The entry's `address`.
    public func poolAddress(_ identity: PoolEntryIdentity) throws(JSONFieldError) -> Address {
        try identityAddress("address", identity)
    }

    /// The entry's `token0` and `token1`.
    public func tokenPair(_ identity: PoolEntryIdentity) throws(JSONFieldError) -> (Address, Address) {
        (try identityAddress("token0", identity), try identityAddress("token1", identity))
    }

    /// The entry's `coins` (Curve), `count` of them; zero addresses when optional and absent.
    public func coins(_ identity: PoolEntryIdentity, count: Int) throws(JSONFieldError) -> [Address] {
        guard identity == .required || has("coins") else { return Array(repeating: .zero, count: count) }
        let coins = try read("coins", .array(.address))
        guard coins.count == count else {
            throw JSONFieldError(field: place("coins"), message: "\(coins.count) coins for \(count) balances")
        }
        return coins
    }

    private func identityAddress(_ key: String, _ identity: PoolEntryIdentity) throws(JSONFieldError) -> Address {
        guard identity == .required || has(key) else { return .zero }
        return try read(key, .address)
    }
}

extension JSONObject {
    /// The entry fields `address`, `token0`, `token1` of a two-token pool.
    public static func poolIdentity(address: Address, token0: Address, token1: Address) -> JSONObject {
        var object = JSONObject()
        object.append("address", string: address.checksummed)
        object.append("token0", string: token0.checksummed)
        object.append("token1", string: token1.checksummed)
        return object
    }
}
