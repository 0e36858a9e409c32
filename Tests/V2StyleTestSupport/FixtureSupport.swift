import Foundation
import Kernel

/// Loads a test target's fixtures and the generated differential vectors. The target is the one
/// whose test file calls: `testFile` defaults to the caller's `#filePath`, and its folder holds
/// `Fixtures/`.
public enum Fixture {
    /// The JSON object in `Fixtures/<name>` of the calling test target.
    public static func json(_ name: String, testFile: String = #filePath) throws -> [String: Any] {
        let directory = URL(fileURLWithPath: testFile).deletingLastPathComponent()
        return try object(Data(contentsOf: directory.appendingPathComponent("Fixtures/" + name)), name)
    }

    /// The JSON object in `Tests/Generated/<name>`, written by `scripts/gen-vectors`. Missing
    /// vectors are an error, not a skip.
    public static func generated(_ name: String, testFile: String = #filePath) throws -> [String: Any] {
        let directory = URL(fileURLWithPath: testFile).deletingLastPathComponent()
        let url = directory.deletingLastPathComponent().appendingPathComponent("Generated/" + name)
        guard FileManager.default.fileExists(atPath: url.path) else { throw MissingVectors(path: url.path) }
        return try object(Data(contentsOf: url), name)
    }

    private static func object(_ data: Data, _ name: String) throws -> [String: Any] {
        guard let object = try JSONSerialization.jsonObject(with: data) as? [String: Any] else {
            throw FixtureError("\(name) is not a JSON object")
        }
        return object
    }

    /// Vectors that `scripts/gen-vectors` has not written.
    public struct MissingVectors: Error, CustomStringConvertible {
        let path: String
        public var description: String { "\(path) is missing: run scripts/gen-vectors (scripts/test does)" }
    }
}

/// A fixture that does not have the shape a test expects.
public struct FixtureError: Error, CustomStringConvertible {
    public let description: String
    public init(_ description: String) { self.description = description }
}

/// Typed reads of JSON fields; a missing or malformed field is a `FixtureError`.
extension Dictionary where Key == String, Value == Any {
    public func string(_ key: String) throws -> String {
        guard let value = self[key] as? String else { throw FixtureError("field \(key) is not a string") }
        return value
    }

    public func objects(_ key: String) throws -> [[String: Any]] {
        guard let value = self[key] as? [[String: Any]] else { throw FixtureError("field \(key) is not a list of objects") }
        return value
    }

    public func object(_ key: String) throws -> [String: Any] {
        guard let value = self[key] as? [String: Any] else { throw FixtureError("field \(key) is not an object") }
        return value
    }

    public func address(_ key: String) throws -> Address { try Address(hex: string(key)) }

    /// An address, or nil for JSON null.
    public func optionalAddress(_ key: String) throws -> Address? { self[key] is NSNull ? nil : try address(key) }

    /// A decimal `UInt256`.
    public func decimal(_ key: String) throws -> UInt256 {
        guard let value = UInt256(decimal: try string(key)) else { throw FixtureError("field \(key) is not a decimal") }
        return value
    }

    /// A decimal `UInt256`, or nil for JSON null.
    public func optionalDecimal(_ key: String) throws -> UInt256? { self[key] is NSNull ? nil : try decimal(key) }

    public func bytes(_ key: String) throws -> [UInt8] { try Hex.decode(string(key)) }
}

/// The plugin entries the generator used, as `DEXEntry` values by name.
public func generatedEntries(_ document: [String: Any]) throws -> [String: DEXEntry] {
    var entries: [String: DEXEntry] = [:]
    for json in try document.objects("entries") {
        let name = try json.string("name")
        let poolKind = try json.string("poolKind")
        guard let pools = json["pools"] as? [String] else { throw FixtureError("pools of \(name)") }
        entries[name] = DEXEntry(
            name: name,
            plugin: try json.string("plugin"),
            enabled: true,
            routers: try json.objects("routers").map {
                DEXEntry.Router(name: try $0.string("name"), address: try $0.address("address"), kind: try $0.string("kind"), version: nil)
            },
            factories: try json.objects("factories").map {
                DEXEntry.Factory(address: try $0.address("address"), initCodeHash: $0["initCodeHash"] is NSNull ? nil : try Hash32(hex: $0.string("initCodeHash")))
            },
            fees: [],
            pools: try pools.enumerated().map { DEXEntry.Pool(name: "pool\($0)", address: try Address(hex: $1), coins: [], kind: poolKind) })
    }
    return entries
}

/// The `DecodedSwap` a generated vector expects, nil for "not a swap".
public func expectedSwap(_ json: Any?, dex: String) throws -> DecodedSwap? {
    guard let swap = json as? [String: Any] else { return nil }
    let legs = try swap.objects("legs").map { (leg) throws -> SwapLeg in
        let hops = try leg.objects("hops").map { (hop) throws -> SwapHop in
            let pool: PoolRef = if let direct = hop["pool"] as? [String: Any] {
                .pool(try direct.address("address"), zeroForOne: direct["zeroForOne"] as? Bool == true)
            } else {
                .byTokens(fee: nil)
            }
            let priceLimit = hop["sqrtPriceLimitX96"] == nil ? nil : try hop.decimal("sqrtPriceLimitX96")
            return SwapHop(tokenIn: try hop.optionalAddress("tokenIn"), tokenOut: try hop.optionalAddress("tokenOut"), pool: pool,
                           sqrtPriceLimitX96: priceLimit)
        }
        let amount = try leg.object("amount")
        let fixed: SwapAmount = if amount["exactIn"] != nil { .exactIn(try amount.decimal("exactIn")) } else { .exactOut(try amount.decimal("exactOut")) }
        return SwapLeg(
            dex: dex, hops: hops, amount: fixed, limit: try leg.optionalDecimal("limit"),
            recipient: try leg.optionalAddress("recipient"), deadline: try leg.optionalDecimal("deadline"))
    }
    return DecodedSwap(function: try swap.string("function"), legs: legs)
}

/// A generated vector's call.
public func generatedCall(_ vector: [String: Any]) throws -> ContractCall {
    ContractCall(to: try vector.address("to"), data: ArraySlice(try vector.bytes("data")), value: try vector.decimal("value"))
}

/// The calldata of a real transaction's `raw` encoding, decoded with Kernel.
public func transactionCall(_ record: [String: Any]) throws -> ContractCall {
    let transaction = try TransactionDecoder.decode(try record.bytes("raw"))
    guard let to = transaction.to else { throw FixtureError("transaction has no recipient") }
    return ContractCall(to: to, data: transaction.data, value: transaction.value)
}

/// A small deterministic generator (SplitMix64) so random tests repeat exactly.
public struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    /// A generator that starts from `seed`.
    public init(seed: UInt64) { state = seed }
    /// The next 64 random bits.
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
