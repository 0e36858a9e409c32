import Foundation
import Kernel

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
