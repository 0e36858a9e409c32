@testable import Host
import Kernel
import Testing

/// A new family is one module plus one registry line for pricing too: the toy family's quotes,
/// snapshot entries and state loader are reached through `PluginRegistry` alone.
@Suite struct ToyFamilyPricingTests {
    let registry = PluginRegistry.production.adding(ToyDEXPlugin.self)
    let token0 = Address(precompile: 0x1001)
    let token1 = Address(precompile: 0x1002)
    let pool = Address(precompile: 0x2001)

    @Test func quotesThroughTheRegistry() {
        let handler = QuoteLineHandler(registry: registry)
        // 1000 · 100 / (1000 + 100) = 90.9…
        #expect(handler.answer(line: #"{"pool":{"plugin":"toy-dex","reserve0":"1000","reserve1":"1000"},"zeroForOne":true,"amountIn":"100"}"#)
            == #"{"amountOut":"90"}"#)
        #expect(handler.answer(line: #"{"pool":{"plugin":"toy-dex","reserve0":"1000"},"zeroForOne":true,"amountIn":"100"}"#)
            == #"{"error":{"kind":"malformedInput","message":"pool.reserve1: missing"}}"#)
        #expect(QuoteLineHandler().answer(line: #"{"pool":{"plugin":"toy-dex"}}"#).contains("unknown plugin"))
    }

    @Test func snapshotEntriesRoundTripThroughTheRegistry() throws {
        let family = try #require(registry.plugin(named: "toy-dex"))
        let text = #"{"address":"\#(pool.checksummed)","token0":"\#(token0.checksummed)","token1":"\#(token1.checksummed)","reserve0":"7","reserve1":"9"}"#
        let fields = try JSONValue.parse(line: text).fields(at: "pools[0]")
        let read = try family.pool(from: fields, identity: .required)
        #expect(read.tokens == [token0, token1])
        #expect(try read.amountOut(7, from: 0, to: 1) == 4)
        #expect(family.entry(of: read)?.rendered == text)
        #expect(family.entry(of: try UniswapV2LikeStandIn.pool()) == nil)
        #expect(throws: PoolEntryError.field(JSONFieldError(field: "pools[0].address", message: "missing"))) {
            try family.pool(from: JSONValue.parse(line: #"{"reserve0":"7","reserve1":"9"}"#).fields(at: "pools[0]"), identity: .required)
        }
    }

    @Test func loadsStateThroughTheRegistry() throws {
        let family = try #require(registry.plugin(named: "toy-dex"))
        let plugin = try family.init(entry: DEXEntry(name: "toy", plugin: "toy-dex", enabled: true, routers: [], factories: [], fees: [], pools: []))
        var loader = try #require(plugin.stateLoader(for: PoolDescriptor(address: pool, tokens: [token0, token1])))
        #expect(loader.pendingCalls().map(\.label) == ["getReserves()"])
        try loader.absorb([UInt256(5).bigEndianBytes + UInt256(6).bigEndianBytes])
        #expect(loader.pendingCalls().isEmpty)
        let loaded = try loader.pool()
        #expect(loaded.address == pool && loaded.tokens == [token0, token1])
        #expect(try loaded.amountOut(5, from: 0, to: 1) == 3)
        #expect(plugin.logFilters(for: [pool]) == [LogFilter(addresses: [pool], topics: [ToyPool.reservesTopic], purpose: .poolState)])
    }
}

/// A pool of another family, to check that the toy plugin does not claim it.
private enum UniswapV2LikeStandIn {
    static func pool() throws -> any PricingPool {
        let registry = PluginRegistry.production
        let fields = try JSONValue.parse(line: #"{"reserve0":"1","reserve1":"1","fee":3000}"#).fields(at: "")
        return try #require(registry.plugin(named: "uniswap-v2")).pool(from: fields, identity: .optional)
    }
}
