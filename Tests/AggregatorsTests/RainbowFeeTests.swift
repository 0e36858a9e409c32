import Aggregators
import Kernel
import Testing

/// Rainbow's `fillQuoteEthToToken` passes on the ether sent less its fee (`msg.value -
/// feeAmount`, checked arithmetic): a fee above the value sent reverts, so the call is no swap;
/// a fee equal to it passes on nothing.
@Suite struct RainbowFeeTests {
    static let router = Address(precompile: 0x0AB0)

    static func decoder() throws -> any AggregatorDecoder {
        let entry = DEXEntry(name: "rainbow", plugin: "rainbow", enabled: true,
                             routers: [DEXEntry.Router(name: "router", address: router, kind: "router", version: nil)],
                             factories: [], fees: [], pools: [], wrappedNative: nil)
        return try RainbowPlugin(entry: entry).decoder
    }

    /// `fillQuoteEthToToken(buy, target, 0xdeadbeef, fee)` sent with `value`.
    static func ethToToken(fee: UInt64, value: UInt64) -> ContractCall {
        func word(_ value: UInt64) -> [UInt8] { UInt256(value).bigEndianBytes }
        func word(_ address: Address) -> [UInt8] { [UInt8](repeating: 0, count: 12) + Array(address.bytes) }
        let data = FunctionSelector.bytes(FunctionSelector.of("fillQuoteEthToToken(address,address,bytes,uint256)"))
            + word(Address(precompile: 0x70C)) + word(Address(precompile: 0x7A6)) + word(0x80) + word(fee)
            + word(4) + [0xde, 0xad, 0xbe, 0xef] + [UInt8](repeating: 0, count: 28)
        return ContractCall(to: router, data: data[...], value: UInt256(value))
    }

    static func decode(_ call: ContractCall) throws -> DecodedSwap? {
        var budget = InnerCallBudget(origin: call.data.startIndex)
        return try decoder().decode(call, inner: NoInnerCalls(), budget: &budget)
    }

    @Test func aFeeAboveTheValueSentIsNoSwap() throws {
        #expect(try Self.decode(Self.ethToToken(fee: 11, value: 10)) == nil)
    }

    @Test func theRouteSellsTheValueLessTheFee() throws {
        let swap = try #require(try Self.decode(Self.ethToToken(fee: 3, value: 10)))
        #expect(swap.unknownRoutes == [UnknownRoute(aggregator: "rainbow", tokenIn: .zero, tokenOut: Address(precompile: 0x70C), amountIn: UInt256(7), minAmountOut: nil)])
        let all = try #require(try Self.decode(Self.ethToToken(fee: 10, value: 10)))
        #expect(all.unknownRoutes.first?.amountIn == .zero)
    }
}
