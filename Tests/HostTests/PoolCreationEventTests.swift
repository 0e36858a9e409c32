import Kernel
import Testing
import UniswapV2
import UniswapV3

/// Pools announced by factories' creation logs join only when the entry's own deployer derives
/// their address: a look-alike event names nothing.
@Suite struct PoolCreationEventTests {
    static let weth = ArbitrumOne.wrappedNativeToken
    static let usdc = try! Address(hex: "0xaf88d065e77c8cC2239327C5EDb3A432268e5831")
    static let factory = try! Address(hex: "0x1F98431c8aD98523631AE4a59f267346ea31F984")
    static let initCodeHash = try! Hash32(hex: "0xe34f199b19b2b4f47f68442619d555527d244f78a3297ea89325f843f87b8b54")

    static func plugin() throws -> UniswapV3Plugin {
        try UniswapV3Plugin(entry: DEXEntry(name: "uniswap-v3", plugin: "uniswap-v3", enabled: true, routers: [],
                                            factories: [.init(address: factory, initCodeHash: initCodeHash)], fees: [500, 3000], pools: []))
    }

    static func topic(_ address: Address) -> Hash32 {
        Hash32(bytes: [UInt8](repeating: 0, count: 12) + address.bytes)!
    }

    static func poolCreated(_ pool: Address, fee: UInt64) -> EventLog {
        let (token0, token1) = weth < usdc ? (weth, usdc) : (usdc, weth)
        return EventLog(address: factory,
                        topics: [UniswapV3Plugin.poolCreation!.topic, topic(token0), topic(token1), Hash32(bytes: UInt256(fee).bigEndianBytes)!],
                        data: UInt256(10).bigEndianBytes + [UInt8](repeating: 0, count: 12) + pool.bytes)
    }

    @Test func derivedPoolJoins() throws {
        let plugin = try Self.plugin()
        let pool = try #require(plugin.poolAddress(Self.weth, Self.usdc, fee: 500))
        let found = plugin.createdPool(by: Self.poolCreated(pool, fee: 500))
        #expect(found?.address == pool)
        #expect(found?.tokens == (Self.weth < Self.usdc ? [Self.weth, Self.usdc] : [Self.usdc, Self.weth]))
    }

    @Test func lookAlikeAndMalformedLogsNameNothing() throws {
        let plugin = try Self.plugin()
        let pool = try #require(plugin.poolAddress(Self.weth, Self.usdc, fee: 500))
        #expect(plugin.createdPool(by: Self.poolCreated(Address(high32: 1, middle64: 2, low64: 3), fee: 500)) == nil, "an address the deployer did not derive")
        #expect(plugin.createdPool(by: Self.poolCreated(pool, fee: 3000)) == nil, "the fee tier of another pool")
        #expect(plugin.createdPool(by: Self.poolCreated(pool, fee: 1 << 24)) == nil, "a fee wider than uint24")
        var truncated = Self.poolCreated(pool, fee: 500)
        truncated = EventLog(address: truncated.address, topics: truncated.topics, data: Array(truncated.data.prefix(40)))
        #expect(plugin.createdPool(by: truncated) == nil)
        let dirty = Self.poolCreated(pool, fee: 500)
        var topics = dirty.topics
        topics[1] = Hash32(bytes: [1] + topics[1].bytes.dropFirst())!
        #expect(plugin.createdPool(by: EventLog(address: dirty.address, topics: topics, data: dirty.data)) == nil, "dirty high bytes in an address topic")
    }
}
