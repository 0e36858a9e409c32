import Foundation
import Kernel
import Testing
import UniswapV2

/// Real Arbitrum One calls to the Uniswap V2 and SushiSwap routers (Fixtures/arbitrum_txs.json,
/// decoded from `raw` with Kernel's TransactionDecoder), checked against eth-abi's reading of the
/// same calldata and, where a receipt exists, against the Swap events the pairs emitted.
@Suite struct RealCalldataTests {
    let transactions: [String: [String: Any]]
    let receipts: [String: [String: Any]]
    let uniswap: UniswapV2Plugin
    let sushi: UniswapV2Plugin

    init() throws {
        transactions = Dictionary(uniqueKeysWithValues: try Fixture.json("arbitrum_txs.json").objects("transactions").map { (try $0.string("hash"), $0) })
        receipts = Dictionary(uniqueKeysWithValues: try Fixture.json("arbitrum_receipts.json").objects("receipts").map {
            let result = try $0.object("result")
            return (try result.string("transactionHash"), result)
        })
        uniswap = try UniswapV2Plugin(entry: ArbitrumEntries.uniswapV2)
        sushi = try UniswapV2Plugin(entry: ArbitrumEntries.sushiswapV2)
    }

    func transaction(_ hash: String) throws -> ContractCall {
        guard let record = transactions[hash] else { throw FixtureError("no transaction \(hash)") }
        return try transactionCall(record)
    }

    @Test func sushiRouterSwapExactTokensForTokens() throws {
        let call = try transaction("0xf88f10f213c046cc14c2701cb50d33b971be43f37b119bae323a1aa614166c2e")
        let usdt = ArbitrumEntries.address("0xfd086bc7cd5c481dcc9c85ebe478a1c0b69fcbb9")
        let tokenOut = ArbitrumEntries.address("0x0a6cf8311ea676f1a7304a8ea6171ecd4958540d")
        let expected = DecodedSwap(function: "swapExactTokensForTokens", legs: [
            SwapLeg(dex: "sushiswap-v2", hops: [SwapHop(tokenIn: usdt, tokenOut: tokenOut, pool: .byTokens(fee: nil))],
                    amount: .exactIn(71_350_000), limit: 0,
                    recipient: ArbitrumEntries.address("0xd680e65aa66aa8ea981b5585082e5c5ddbb773f0"), deadline: 1_755_698_777),
        ])
        #expect(try sushi.decoder.decode(call) == expected)
        #expect(try uniswap.decoder.decode(call) == nil, "the Uniswap entry does not own Sushi's router")
    }

    @Test func uniswapRouterSwapExactTokensForTokens() throws {
        let call = try transaction("0xca72a87350a2cbb495529ee72c54d8ae9533b7096460218f56d69135c2ff1aa5")
        let expected = DecodedSwap(function: "swapExactTokensForTokens", legs: [
            SwapLeg(dex: "uniswap-v2",
                    hops: [SwapHop(tokenIn: ArbitrumEntries.address("0xfd086bc7cd5c481dcc9c85ebe478a1c0b69fcbb9"),
                                   tokenOut: ArbitrumEntries.address("0x41169bdba61440e322913291f4ff9bd2793e48db"), pool: .byTokens(fee: nil))],
                    amount: .exactIn(4_877_147), limit: UInt256(decimal: "2788257638146273000"),
                    recipient: ArbitrumEntries.address("0x7ef157221bb40d052d8491cb246bb6fc7c2a900d"), deadline: 1_728_861_731),
        ])
        #expect(try uniswap.decoder.decode(call) == expected)
    }

    /// removeLiquidity on Router02 is not a swap, and its receipt has Burn and Sync but no Swap.
    @Test func removeLiquidityIsNotASwap() throws {
        let hash = "0x3f6723656fefb152fb2f4880c8ebb2aef7ada52f93605b421a9666429e472724"
        #expect(try uniswap.decoder.decode(try transaction(hash)) == nil)
        let logs = try receipts[hash]?.objects("logs") ?? []
        #expect(!logs.isEmpty)
        #expect(try logs.allSatisfy { try V2SwapEvent(log: $0) == nil })
    }

    /// A CoW Protocol settlement whose interactions call both routers' swapTokensForExactTokens:
    /// each leg's pair, derived by CREATE2 from its hop, is the emitter of a Swap event sent by
    /// that router, in the leg's direction, paying exactly the amount out, taking at most the limit.
    @Test func settlementInteractionsAgreeWithTheirSwapEvents() throws {
        let hash = "0xd1b5ca7b7616f827216d4fd541f87b5c4571e568754f1d05ad87370975d4c69a"
        let interactions = try settlementInteractions(try transaction(hash))
        let events = try (receipts[hash]?.objects("logs") ?? []).compactMap { try V2SwapEvent(log: $0) }
        #expect(events.count == 2)
        // As eth-abi reads the two router calls among the settlement's interactions.
        let arb = ArbitrumEntries.address("0x912ce59144191c1204e64559fe8253a0e49e6548")
        let weth = ArbitrumOne.wrappedNativeToken, usdt = ArbitrumEntries.address("0xfd086bc7cd5c481dcc9c85ebe478a1c0b69fcbb9")
        let settlement = ArbitrumEntries.address("0x9008d19f58aabd9ed0d60971565aa8510560ab41")
        let expected = [
            ArbitrumEntries.uniswapRouter: SwapLeg(
                dex: "uniswap-v2", hops: [SwapHop(tokenIn: arb, tokenOut: weth, pool: .byTokens(fee: nil))],
                amount: .exactOut(63_525_138_221_377), limit: 221_890_947_450_713_913, recipient: settlement, deadline: .max),
            ArbitrumEntries.sushiRouter: SwapLeg(
                dex: "sushiswap-v2", hops: [SwapHop(tokenIn: weth, tokenOut: usdt, pool: .byTokens(fee: nil))],
                amount: .exactOut(241_662), limit: 64_160_389_603_590, recipient: settlement, deadline: .max),
        ]
        var matched = 0
        for interaction in interactions {
            for (plugin, router) in [(uniswap, ArbitrumEntries.uniswapRouter), (sushi, ArbitrumEntries.sushiRouter)] where interaction.to == router {
                let decoded = try #require(try plugin.decoder.decode(interaction))
                #expect(decoded == DecodedSwap(function: "swapTokensForExactTokens", legs: [try #require(expected[router])]))
                for leg in decoded.legs {
                    let hop = try #require(leg.hops.first)
                    #expect(leg.hops.count == 1)
                    let tokenIn = try #require(hop.tokenIn), tokenOut = try #require(hop.tokenOut)
                    let pair = try #require(plugin.poolAddress(tokenIn, tokenOut, fee: nil))
                    let event = try #require(events.first { $0.pair == pair }, "no Swap from \(pair)")
                    #expect(event.sender == router)
                    let zeroForOne = tokenIn < tokenOut
                    #expect(event.zeroForOne == zeroForOne)
                    #expect(leg.amount == .exactOut(event.amountOut))
                    #expect(try event.amountIn <= #require(leg.limit))
                    matched += 1
                }
            }
        }
        #expect(matched == 2)
    }
}

/// A UniswapV2Pair `Swap(address indexed sender, uint amount0In, uint amount1In, uint amount0Out,
/// uint amount1Out, address indexed to)` log from a receipt.
struct V2SwapEvent {
    static let topic = Keccak256.hash(Array("Swap(address,uint256,uint256,uint256,uint256,address)".utf8))

    let pair: Address
    let sender: Address
    let amount0In, amount1In, amount0Out, amount1Out: UInt256

    /// Nil for any other log.
    init?(log: [String: Any]) throws {
        guard let topics = log["topics"] as? [String], topics.count == 3, try Hash32(hex: topics[0]) == Self.topic else { return nil }
        pair = try log.address("address")
        sender = Address(lowBytesOf: try Hash32(hex: topics[1]))
        let data = ABIReader(ArraySlice(try log.bytes("data")))
        amount0In = try data.uint(0)
        amount1In = try data.uint(1)
        amount0Out = try data.uint(2)
        amount1Out = try data.uint(3)
    }

    /// token0 in, token1 out.
    var zeroForOne: Bool { !amount0In.isZero && amount1In.isZero }
    var amountIn: UInt256 { zeroForOne ? amount0In : amount1In }
    var amountOut: UInt256 { zeroForOne ? amount1Out : amount0Out }
}

/// The interactions `(target, value, callData)` of a GPv2Settlement
/// `settle(address[], uint256[], Trade[], Interaction[][3])` call, in execution order.
func settlementInteractions(_ call: ContractCall) throws -> [ContractCall] {
    let groups = try ABIReader(call.data.dropFirst(4)).dynamicTuple(3)
    var calls: [ContractCall] = []
    for group in 0..<3 {
        let (count, items) = try groups.array(group)
        for index in 0..<count {
            let item = try items.dynamicTuple(index)
            calls.append(ContractCall(to: try item.address(0), data: try item.bytes(2), value: try item.uint(1)))
        }
    }
    return calls
}
