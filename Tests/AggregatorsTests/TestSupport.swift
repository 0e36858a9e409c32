import Aggregators
import Foundation
import Kernel
import TestSupport

/// The aggregator plugins by name, as the host registers them.
let aggregatorPlugins: [String: any AggregatorPlugin.Type] = [
    ParaSwapPlugin.name: ParaSwapPlugin.self, CoWPlugin.name: CoWPlugin.self, OneInchPlugin.name: OneInchPlugin.self,
    OpenOceanPlugin.name: OpenOceanPlugin.self, ZeroExPlugin.name: ZeroExPlugin.self, KyberSwapPlugin.name: KyberSwapPlugin.self, MetaMaskPlugin.name: MetaMaskPlugin.self,
    LlamaZipPlugin.name: LlamaZipPlugin.self, BeefyZapPlugin.name: BeefyZapPlugin.self, LiFiPlugin.name: LiFiPlugin.self,
    OdosPlugin.name: OdosPlugin.self, RainbowPlugin.name: RainbowPlugin.self, MagpiePlugin.name: MagpiePlugin.self,
]

/// An inner-call decoder for tests: answers from a table by callee (nil for others), spending
/// the budget as the host's does.
struct TableInnerCalls: InnerCallDecoder {
    /// The answer per callee.
    var answers: [Address: DecodedSwap] = [:]
    /// The calls it was asked about, by callee, calldata and value.
    let seen = SeenCalls()

    func decode(_ call: ContractCall, budget: inout InnerCallBudget) throws(DecodingError) -> DecodedSwap? {
        try budget.spendCall(at: call.data)
        seen.append(call.to, Array(call.data), call.value)
        return answers[call.to]
    }
}

/// The calls a `TableInnerCalls` saw.
final class SeenCalls: @unchecked Sendable {
    /// Callee and calldata, in order.
    private(set) var calls: [(to: Address, data: [UInt8], value: UInt256)] = []
    func append(_ to: Address, _ data: [UInt8], _ value: UInt256) { calls.append((to, data, value)) }
}

/// A generated aggregator entry as a `DEXEntry`.
func generatedAggregatorEntry(_ json: [String: Any]) throws -> DEXEntry {
    DEXEntry(
        name: try json.string("name"), plugin: try json.string("plugin"), enabled: true,
        routers: try json.objects("routers").map {
            DEXEntry.Router(name: try $0.string("name"), address: try $0.address("address"), kind: try $0.string("kind"), version: nil)
        },
        factories: try (json["factories"] == nil ? [] : json.objects("factories")).map {
            DEXEntry.Factory(address: try $0.address("address"), initCodeHash: nil)
        },
        fees: [],
        pools: try (json["pools"] == nil ? [] : json.objects("pools")).map {
            DEXEntry.Pool(name: try $0.string("name"), address: try $0.address("address"), coins: try ($0["coins"] as? [String] ?? []).map { try Address(hex: $0) },
                          kind: nil)
        },
        wrappedNative: json["wrappedNative"] == nil ? nil : try json.address("wrappedNative"))
}

/// The swap a generated vector expects, for the aggregator entry `dex`: hops with `i`, `j`
/// (coin indexes), `zeroForOne` (a pool and direction) or neither (a pool by address), and a
/// `sqrtPriceLimitX96` where the call passes one; an exact input `amountIn` or
/// `amountInRouterBalance`; a `deadline` where the call carries one.
func expectedAggregatorSwap(_ json: [String: Any], dex: String) throws -> DecodedSwap {
    let legs = try json.objects("legs").map { (leg) throws -> SwapLeg in
        let hops = try leg.objects("hops").map { (hop) throws -> SwapHop in
            let pool: PoolRef
            if hop["i"] != nil {
                pool = .coins(try hop.address("pool"), i: try requireInt(hop["i"]), j: try requireInt(hop["j"]))
            } else if let zeroForOne = hop["zeroForOne"] as? Bool {
                pool = .pool(try hop.address("pool"), zeroForOne: zeroForOne)
            } else {
                pool = .address(try hop.address("pool"))
            }
            return SwapHop(tokenIn: try hop.optionalAddress("tokenIn"), tokenOut: try hop.optionalAddress("tokenOut"), pool: pool,
                           sqrtPriceLimitX96: hop["sqrtPriceLimitX96"] == nil ? nil : try hop.optionalDecimal("sqrtPriceLimitX96"))
        }
        let amount: SwapAmount = leg["amountInRouterBalance"] as? Bool == true ? .exactInRouterBalance : .exactIn(try leg.decimal("amountIn"))
        return SwapLeg(dex: dex, hops: hops, amount: amount, limit: try leg.optionalDecimal("limit"),
                       recipient: try leg.optionalAddress("recipient"), deadline: leg["deadline"] == nil ? nil : try leg.optionalDecimal("deadline"))
    }
    return DecodedSwap(function: try json.string("function"), legs: legs, unknownRoutes: try json.objects("unknownRoutes").map(expectedUnknownRoute))
}

/// An unknown route a generated vector expects.
func expectedUnknownRoute(_ route: [String: Any]) throws -> UnknownRoute {
    UnknownRoute(aggregator: try route.string("aggregator"), tokenIn: try route.optionalAddress("tokenIn"),
                 tokenOut: try route.optionalAddress("tokenOut"), amountIn: try route.optionalDecimal("amountIn"),
                 minAmountOut: try route.optionalDecimal("amountOutMin"))
}

/// A vector's `expected`: the swap, or nil where it is JSON null (a wrapper none of whose inner
/// calls swapped).
func expectedAggregatorSwapOrNone(_ vector: [String: Any], dex: String) throws -> DecodedSwap? {
    vector["expected"] is NSNull ? nil : try expectedAggregatorSwap(try vector.object("expected"), dex: dex)
}

/// An integer JSON value.
func requireInt(_ value: Any?) throws -> Int {
    guard let number = value as? Int else { throw FixtureError("expected an integer") }
    return number
}
