import Aggregators
import Kernel
import Testing

/// LlamaZip's entry: its pools are the routers' pair list, each two coins in address order, at
/// most 16 (the index has 4 bits), and the routers' WETH9 is named.
@Suite struct LlamaZipEntryTests {
    static let router = DEXEntry.Router(name: "zip", address: Address(precompile: 9), kind: "zip-router", version: nil)
    static let low = Address(precompile: 1)
    static let high = Address(precompile: 2)

    static func entry(pools: [DEXEntry.Pool], wrappedNative: Address? = Address(precompile: 1)) -> DEXEntry {
        DEXEntry(name: "llamazip", plugin: "llamazip", enabled: true, routers: [router], factories: [], fees: [], pools: pools,
                 wrappedNative: wrappedNative)
    }

    static func pair(_ coins: [Address]) -> DEXEntry.Pool {
        DEXEntry.Pool(name: "pair", address: Address(precompile: 5), coins: coins, kind: nil)
    }

    @Test func aWellFormedListIsAccepted() throws {
        _ = try LlamaZipPlugin(entry: Self.entry(pools: Array(repeating: Self.pair([Self.low, Self.high]), count: 16)))
    }

    @Test func coinsOutOfOrderAreRefused() {
        #expect(throws: PluginConfigError.self) { try LlamaZipPlugin(entry: Self.entry(pools: [Self.pair([Self.high, Self.low])])) }
        #expect(throws: PluginConfigError.self) { try LlamaZipPlugin(entry: Self.entry(pools: [Self.pair([Self.low])])) }
    }

    @Test func moreThanSixteenPairsAreRefused() {
        #expect(throws: PluginConfigError.self) {
            try LlamaZipPlugin(entry: Self.entry(pools: Array(repeating: Self.pair([Self.low, Self.high]), count: 17)))
        }
    }

    @Test func theWrappedNativeTokenIsRequired() {
        #expect(throws: PluginConfigError.self) { try LlamaZipPlugin(entry: Self.entry(pools: [], wrappedNative: nil)) }
    }

    /// No calldata (the router's `receive`), more than a word (the owner's calls) and the
    /// callback's selector are not swaps.
    @Test func callsTheFallbackDoesNotSwapWithAreNotSwaps() throws {
        let decoder = try LlamaZipPlugin(entry: Self.entry(pools: [Self.pair([Self.low, Self.high])])).decoder
        let callback = FunctionSelector.bytes(FunctionSelector.of("uniswapV3SwapCallback(int256,int256,bytes)"))
        for data in [[], [UInt8](repeating: 1, count: 33), callback + [0, 0]] {
            var budget = InnerCallBudget(origin: 0)
            let call = ContractCall(to: Self.router.address, data: data[...], value: .zero)
            #expect(try decoder.decode(call, inner: NoInnerCalls(), budget: &budget) == nil)
        }
    }
}

/// An inner-call decoder that knows no callee.
struct NoInnerCalls: InnerCallDecoder {
    func decode(_ call: ContractCall, budget: inout InnerCallBudget) throws(DecodingError) -> DecodedSwap? { nil }
}
