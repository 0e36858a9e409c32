import Foundation
import Kernel

/// Loads this target's fixtures (next to this file) and the generated differential vectors.
enum Fixture {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()

    /// The JSON object in `Fixtures/<name>`.
    static func json(_ name: String) throws -> [String: Any] {
        try object(Data(contentsOf: directory.appendingPathComponent("Fixtures/" + name)), name)
    }

    /// The JSON object in `Tests/Generated/<name>`, written by `scripts/gen-vectors`. Missing
    /// vectors are an error, not a skip.
    static func generated(_ name: String) throws -> [String: Any] {
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

    struct MissingVectors: Error, CustomStringConvertible {
        let path: String
        var description: String { "\(path) is missing: run scripts/gen-vectors (scripts/test does)" }
    }
}

/// A fixture that does not have the shape a test expects.
struct FixtureError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

/// Typed reads of JSON fields; a missing or malformed field is a `FixtureError`.
extension Dictionary where Key == String, Value == Any {
    func string(_ key: String) throws -> String {
        guard let value = self[key] as? String else { throw FixtureError("field \(key) is not a string") }
        return value
    }

    func objects(_ key: String) throws -> [[String: Any]] {
        guard let value = self[key] as? [[String: Any]] else { throw FixtureError("field \(key) is not a list of objects") }
        return value
    }

    func object(_ key: String) throws -> [String: Any] {
        guard let value = self[key] as? [String: Any] else { throw FixtureError("field \(key) is not an object") }
        return value
    }

    func address(_ key: String) throws -> Address { try Address(hex: string(key)) }

    /// An address, or nil for JSON null.
    func optionalAddress(_ key: String) throws -> Address? { self[key] is NSNull ? nil : try address(key) }

    /// A decimal `UInt256`.
    func decimal(_ key: String) throws -> UInt256 {
        guard let value = UInt256(decimal: try string(key)) else { throw FixtureError("field \(key) is not a decimal") }
        return value
    }

    /// A decimal `UInt256`, or nil for JSON null.
    func optionalDecimal(_ key: String) throws -> UInt256? { self[key] is NSNull ? nil : try decimal(key) }

    func bytes(_ key: String) throws -> [UInt8] { try Hex.decode(string(key)) }
}

/// The plugin entries the generator used, as `DEXEntry` values by name.
func generatedEntries(_ document: [String: Any]) throws -> [String: DEXEntry] {
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
func expectedSwap(_ json: Any?, dex: String) throws -> DecodedSwap? {
    guard let swap = json as? [String: Any] else { return nil }
    let legs = try swap.objects("legs").map { (leg) throws -> SwapLeg in
        let hops = try leg.objects("hops").map { (hop) throws -> SwapHop in
            let pool: PoolRef = if let direct = hop["pool"] as? [String: Any] {
                .pool(try direct.address("address"), zeroForOne: direct["zeroForOne"] as? Bool == true)
            } else {
                .byTokens(fee: nil)
            }
            return SwapHop(tokenIn: try hop.optionalAddress("tokenIn"), tokenOut: try hop.optionalAddress("tokenOut"), pool: pool)
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
func generatedCall(_ vector: [String: Any]) throws -> ContractCall {
    ContractCall(to: try vector.address("to"), data: ArraySlice(try vector.bytes("data")), value: try vector.decimal("value"))
}

/// The calldata of a real transaction's `raw` encoding, decoded with Kernel.
func transactionCall(_ record: [String: Any]) throws -> ContractCall {
    let transaction = try TransactionDecoder.decode(try record.bytes("raw"))
    guard let to = transaction.to else { throw FixtureError("transaction has no recipient") }
    return ContractCall(to: to, data: transaction.data, value: transaction.value)
}

/// A small deterministic generator (SplitMix64) so random tests repeat exactly.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
