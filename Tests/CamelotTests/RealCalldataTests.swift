import Foundation
import Kernel
import Testing
import Camelot

/// Real Arbitrum One calls to CamelotRouter and to Camelot's Algebra SwapRouter, checked against
/// eth-abi's reading of the same calldata and, where a receipt exists, against the Swap event
/// the pool emitted.
@Suite struct RealCalldataTests {
    let transactions: [String: [String: Any]]
    let receipts: [String: [String: Any]]
    let camelotV2: CamelotV2Plugin
    let camelotV3: CamelotV3Plugin

    init() throws {
        transactions = Dictionary(uniqueKeysWithValues: try Fixture.json("arbitrum_txs.json").objects("transactions").map { (try $0.string("hash"), $0) })
        receipts = Dictionary(uniqueKeysWithValues: try Fixture.json("arbitrum_receipts.json").objects("receipts").map {
            let result = try $0.object("result")
            return (try result.string("transactionHash"), result)
        })
        camelotV2 = try CamelotV2Plugin(entry: ArbitrumEntries.camelotV2)
        camelotV3 = try CamelotV3Plugin(entry: ArbitrumEntries.camelotV3)
    }

    func transaction(_ hash: String) throws -> ContractCall {
        guard let record = transactions[hash] else { throw FixtureError("no transaction \(hash)") }
        return try transactionCall(record)
    }

    func questCall(_ name: String) throws -> ContractCall {
        let call = try #require(try Fixture.json("questdk_camelot_v2_calls.json").objects("calls").first { $0["name"] as? String == name })
        return ContractCall(to: try call.address("to"), data: ArraySlice(try call.bytes("input")), value: try call.decimal("value"))
    }

    @Test func camelotRouterSwapExactETHForTokens() throws {
        let decoded = try camelotV2.decoder.decode(try questCall("V2_SWAP_ETH"))
        #expect(decoded == DecodedSwap(function: "swapExactETHForTokensSupportingFeeOnTransferTokens", legs: [
            SwapLeg(dex: "camelot-v2",
                    hops: [SwapHop(tokenIn: ArbitrumEntries.weth, tokenOut: ArbitrumEntries.address("0xbfbcfe8873fe28dfa25f1099282b088d52bbad9c"), pool: .byTokens(fee: nil))],
                    amount: .exactIn(550_000_000_000_000), limit: UInt256(decimal: "9380824900137724623"),
                    recipient: ArbitrumEntries.address("0x2a73fa7bc21d580c01f9d983e37e15e777a73b0b"), deadline: 1_697_139_706),
        ]))
    }

    @Test func camelotRouterSwapExactTokensForTokens() throws {
        let decoded = try camelotV2.decoder.decode(try questCall("V2_SWAP_TOKENS"))
        #expect(decoded == DecodedSwap(function: "swapExactTokensForTokensSupportingFeeOnTransferTokens", legs: [
            SwapLeg(dex: "camelot-v2",
                    hops: [SwapHop(tokenIn: ArbitrumEntries.address("0x5190f06eacefa2c552dc6bd5e763b81c73293293"), tokenOut: ArbitrumEntries.usdt, pool: .byTokens(fee: nil))],
                    amount: .exactIn(try #require(UInt256(decimal: "752818301070200012800"))), limit: 17_610_340,
                    recipient: ArbitrumEntries.address("0x1a185e25636306a13d3164a511f7c610f3930caa"), deadline: 1_697_138_804),
        ]))
        #expect(try camelotV3.decoder.decode(try questCall("V2_SWAP_TOKENS")) == nil)
    }

    /// exactInput USDC → WETH → another token; the first hop's pool, derived by CREATE2, is the
    /// Camelot V3 USDC/WETH pool that emitted real Swap events in other bundled receipts.
    @Test func algebraRouterExactInput() throws {
        let call = try transaction("0x4ece7bd081c9512435a9abdca5079284d34e0e2be0c49fa04812d49542b99ccd")
        let third = ArbitrumEntries.address("0x02f92800f57bcd74066f5709f1daa1a4302df875")
        let decoded = try camelotV3.decoder.decode(call)
        #expect(decoded == DecodedSwap(function: "exactInput", legs: [
            SwapLeg(dex: "camelot-v3",
                    hops: [SwapHop(tokenIn: ArbitrumEntries.usdc, tokenOut: ArbitrumEntries.weth, pool: .byTokens(fee: nil)),
                           SwapHop(tokenIn: ArbitrumEntries.weth, tokenOut: third, pool: .byTokens(fee: nil))],
                    amount: .exactIn(455_000_000), limit: UInt256(decimal: "112298728534374889548"),
                    recipient: ArbitrumEntries.address("0x4cb6f0ef0eeb503f8065af1a6e6d5dd46197d3d9"), deadline: 1_728_855_432),
        ]))
        let pool = camelotV3.poolAddress(ArbitrumEntries.usdc, ArbitrumEntries.weth, fee: nil)
        #expect(pool == ArbitrumEntries.address("0xB1026b8e7276e7AC75410F1fcbbe21796e8f7526"))
        let emitters = try Fixture.json("swap_logs.json").objects("logs").map { try $0.address("pool") }
        #expect(emitters.contains { $0 == pool })
    }

    /// A ParaSwap `simpleBuy` whose first call is the Camelot V3 router's exactOutput(WETH ← USDC.e):
    /// the derived pool emitted the receipt's Swap, sent by the router to the leg's recipient, in
    /// the leg's direction, paying exactly the amount out and taking no more than the limit.
    @Test func algebraExactOutputAgreesWithItsSwapEvent() throws {
        let hash = "0x92a422b746cc1ce14b795e5fc2239cdf3146482a5bc3c5278dccb1c3ccccdc17"
        let inner = try #require(try paraswapSimpleCalls(try transaction(hash)).first { $0.to == ArbitrumEntries.algebraRouter })
        let decoded = try #require(try camelotV3.decoder.decode(inner))
        #expect(decoded.function == "exactOutput")
        let leg = try #require(decoded.legs.first)
        #expect(decoded.legs.count == 1)
        #expect(leg.hops == [SwapHop(tokenIn: ArbitrumEntries.usdce, tokenOut: ArbitrumEntries.weth, pool: .byTokens(fee: nil))])
        let pool = try #require(camelotV3.poolAddress(ArbitrumEntries.usdce, ArbitrumEntries.weth, fee: nil))
        let events = try (receipts[hash]?.objects("logs") ?? []).compactMap { try AlgebraSwapEvent(log: $0) }
        let event = try #require(events.first { $0.pool == pool }, "no Swap from \(pool)")
        #expect(events.count == 1)
        #expect(event.sender == ArbitrumEntries.algebraRouter)
        #expect(event.recipient == leg.recipient)
        #expect(event.zeroToOne == (ArbitrumEntries.usdce < ArbitrumEntries.weth))
        #expect(leg.amount == .exactOut(event.amountOut))
        #expect(try event.amountIn <= #require(leg.limit))
    }

    /// Every Camelot V2 pair and Camelot V3 pool that emitted a real event in the bundled receipts
    /// is the CREATE2 address the plugins derive from its tokens.
    @Test func derivesThePoolsThatEmittedRealEvents() throws {
        let logs = try Fixture.json("swap_logs.json").objects("logs")
        var counts = [0, 0]
        for log in logs {
            let proof = try log.object("pool_identified_by_create2")
            let plugin: any DEXPlugin = try proof.string("dex") == "Camelot V2" ? camelotV2 : camelotV3
            counts[plugin is CamelotV2Plugin ? 0 : 1] += 1
            let token0 = try proof.address("token0"), token1 = try proof.address("token1")
            #expect(plugin.poolAddress(token0, token1, fee: nil) == (try log.address("pool")))
            #expect(plugin.poolAddress(token1, token0, fee: nil) == (try log.address("pool")))
        }
        #expect(counts == [15, 7])
    }
}

/// An Algebra pool `Swap(address indexed sender, address indexed recipient, int256 amount0,
/// int256 amount1, uint160 price, uint128 liquidity, int24 tick)` log from a receipt.
struct AlgebraSwapEvent {
    static let topic = Keccak256.hash(Array("Swap(address,address,int256,int256,uint160,uint128,int24)".utf8))

    let pool: Address
    let sender: Address
    let recipient: Address
    let amount0: Int256
    let amount1: Int256

    /// Nil for any other log.
    init?(log: [String: Any]) throws {
        guard let topics = log["topics"] as? [String], topics.count == 3, try Hash32(hex: topics[0]) == Self.topic else { return nil }
        pool = try log.address("address")
        sender = Address(lowBytesOf: try Hash32(hex: topics[1]))
        recipient = Address(lowBytesOf: try Hash32(hex: topics[2]))
        let data = ABIReader(ArraySlice(try log.bytes("data")))
        amount0 = try data.int(0)
        amount1 = try data.int(1)
    }

    /// token0 paid into the pool.
    var zeroToOne: Bool { !amount0.isNegative }
    var amountIn: UInt256 { zeroToOne ? amount0.magnitude : amount1.magnitude }
    var amountOut: UInt256 { zeroToOne ? amount1.magnitude : amount0.magnitude }
}

/// The calls ParaSwap's Augustus V5 `simpleBuy(SimpleData)` / `simpleSwap` makes: `callees[i]`
/// with `exchangeData[startIndexes[i] ..< startIndexes[i + 1]]` and `values[i]`.
func paraswapSimpleCalls(_ call: ContractCall) throws -> [ContractCall] {
    let data = try ABIReader(call.data.dropFirst(4)).dynamicTuple(0)
    let (count, callees) = try data.array(5)
    let exchangeData = try data.bytes(6)
    let (_, starts) = try data.array(7)
    let (_, values) = try data.array(8)
    return try (0..<count).map { index in
        let start = try #require(starts.uint(index).intValue), end = try #require(starts.uint(index + 1).intValue)
        let base = exchangeData.startIndex
        return ContractCall(to: try callees.address(index), data: exchangeData[(base + start)..<(base + end)], value: try values.uint(index))
    }
}
