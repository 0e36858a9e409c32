import Aggregators
import Kernel
import Testing

/// Odos's zero input amount as `_swapApproval` reads it: the value sent where ether (the zero
/// address) is sold, else the sender's whole balance, which the call does not show.
@Suite struct OdosValueTests {
    static let router = Address(precompile: 0x0D05)

    static func decoder() throws -> any AggregatorDecoder {
        let entry = DEXEntry(name: "odos", plugin: "odos", enabled: true,
                             routers: [DEXEntry.Router(name: "v2", address: router, kind: "router-v2", version: nil)],
                             factories: [], fees: [], pools: [], wrappedNative: nil)
        return try OdosPlugin(entry: entry).decoder
    }

    /// `swapCompact()` selling the token coded `tokenCode` with a zero-length input amount, a
    /// one-byte quote of 200 and no slippage, sent with `value`.
    static func compact(tokenCode: [UInt8], value: UInt64) -> ContractCall {
        let data = FunctionSelector.bytes(FunctionSelector.of("swapCompact()")) + tokenCode + [0x00, 0x01] + [UInt8](repeating: 0x22, count: 20)
            + [0x00, 0x01, 200, 0x00, 0x00, 0x00]
        return ContractCall(to: router, data: data[...], value: UInt256(value))
    }

    static func amountIn(_ call: ContractCall) throws -> UInt256? {
        var budget = InnerCallBudget(origin: call.data.startIndex)
        let swap = try #require(try decoder().decode(call, inner: NoInnerCalls(), budget: &budget))
        return try #require(swap.unknownRoutes.first).amountIn
    }

    @Test func etherSoldWithoutAnAmountSellsTheValueSent() throws {
        #expect(try Self.amountIn(Self.compact(tokenCode: [0x00, 0x00], value: 5)) == UInt256(5))
        #expect(try Self.amountIn(Self.compact(tokenCode: [0x00, 0x00], value: 0)) == nil)
    }

    @Test func aTokenSoldWithoutAnAmountSellsTheBalance() throws {
        #expect(try Self.amountIn(Self.compact(tokenCode: [0x00, 0x01] + [UInt8](repeating: 0x11, count: 20), value: 5)) == nil)
    }
}

