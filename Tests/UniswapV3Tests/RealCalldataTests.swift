import Foundation
import Kernel
import Testing
import UniswapV3

/// Real router calls: Arbitrum One transactions to SwapRouter, SwapRouter02 and five Universal
/// Router deployments, and mainnet SwapRouter02 calls whose arguments the fixture lists.
@Suite struct RealCalldataTests {
    let decoder: any SwapDecoder

    init() throws {
        decoder = try uniswapDecoder()
    }

    /// The fixture's transactions, decoded from `raw` by Kernel's `TransactionDecoder`.
    static func transactions() throws -> [(label: String, transaction: Transaction)] {
        let fixture = try Fixture.json("arbitrum_router_txs.json")
        let entries = try #require(fixture["transactions"] as? [[String: Any]])
        return try entries.map { entry in
            let raw = try Parse.bytes(entry["raw"])
            let transaction = try TransactionDecoder.decode(raw)
            #expect(transaction.hash.description == entry["hash"] as? String)
            return (entry["to_label"] as? String ?? "?", transaction)
        }
    }

    /// Every real router call decodes to what the peers (eth-abi, uniswap-universal-router-decoder)
    /// decode from the same transaction, and the calldata `TransactionDecoder` gives is the one
    /// the generator unwrapped with rlp.
    @Test func everyRealRouterCallDecodesAsThePeersDo() throws {
        let vectors = try #require(try Fixture.generated("uniswap_v3.json")["real"] as? [[String: Any]])
        let expected = Dictionary(uniqueKeysWithValues: vectors.compactMap { v in (v["hash"] as? String).map { ($0, v) } })
        let transactions = try Self.transactions()
        #expect(transactions.count == 19)
        var swaps = 0
        for (label, transaction) in transactions {
            let vector = try #require(expected[transaction.hash.description], "\(label)")
            let call = try contractCall(transaction)
            #expect(Array(call.data) == (try Parse.bytes(vector["data"])), "\(label)")
            let decoded = try decoder.decode(call)
            #expect(decoded == (try Parse.expectation(vector["expect"])), "\(label) \(transaction.hash)")
            swaps += decoded == nil ? 0 : 1
        }
        // Two calls on UniversalRouterV2 are V4-only swaps: no leg of this family.
        #expect(swaps == 17)
    }

    /// A real Arbitrum SwapRouter `exactOutputSingle` checked field by field against its calldata
    /// (tx 0x81cbff00…, block 214123164).
    @Test func swapRouterExactOutputSingle() throws {
        let (_, transaction) = try #require(try Self.transactions().first { $0.transaction.hash.description.hasPrefix("0x81cbff00") })
        let decoded = try #require(try decoder.decode(try contractCall(transaction)))
        #expect(decoded.function == "exactOutputSingle")
        let leg = try #require(decoded.legs.first)
        let args = CalldataWords(transaction.data)
        #expect(leg.tokenIn == args.address(0) && leg.tokenOut == args.address(1))
        #expect(leg.hops == [SwapHop(tokenIn: args.address(0), tokenOut: args.address(1), pool: .byTokens(fee: UInt32(args.word(2).low64)))])
        #expect(leg.recipient == args.address(3) && leg.deadline == args.word(4))
        #expect(leg.amount == .exactOut(args.word(5)) && leg.limit == args.word(6))
        #expect(leg.dex == "uniswap-v3")
    }

    /// Mainnet SwapRouter02 `multicall(uint256 deadline, bytes[])` (tx 0xeae30441…): the fixture
    /// lists each inner call's arguments as eth-abi decoded them.
    @Test func mainnetSwapRouter02Multicall() throws {
        let vectors = try #require(try Fixture.json("router_calls_real.json")["vectors"] as? [[String: Any]])
        let vector = vectors[0]
        let transaction = try TransactionDecoder.decode(try Parse.bytes(vector["raw"]))
        #expect(transaction.hash.description == vector["expectedHash"] as? String)
        let decoded = try #require(try decoder.decode(try contractCall(transaction)))
        #expect(decoded.function == "multicall")
        let deadline = UInt256(UInt64(try #require(vector["deadline"] as? Int)))
        let inner = try #require(vector["innerCalls"] as? [[String: Any]])
        let args = inner.map { $0["args"] as? [String: Any] ?? [:] }
        let usdt = Arbitrum.address("0xdac17f958d2ee523a2206206994597c13d831ec7")
        let weth = Arbitrum.address("0xc02aaa39b223fe8d0a0e5c4f27ead9083c756cc2")
        let token = Arbitrum.address("0x12b6893ce26ea6341919fe289212ef77e51688c8")
        let router = Arbitrum.address("0x0000000000000000000000000000000000000002")
        let expected = [
            SwapLeg(dex: "uniswap-v3", hops: [SwapHop(tokenIn: usdt, tokenOut: token, pool: .byTokens(fee: 10000))],
                    amount: .exactIn(try Parse.uint(args[0]["amountIn"])), limit: .zero, recipient: router, deadline: deadline),
            SwapLeg(dex: "uniswap-v3", hops: [SwapHop(tokenIn: usdt, tokenOut: weth, pool: .byTokens(fee: 3000)),
                                              SwapHop(tokenIn: weth, tokenOut: token, pool: .byTokens(fee: 10000))],
                    amount: .exactIn(try Parse.uint(args[1]["amountIn"])), limit: .zero, recipient: router, deadline: deadline),
            SwapLeg(dex: "uniswap-v3", hops: [SwapHop(tokenIn: usdt, tokenOut: weth, pool: .byTokens(fee: 500))],
                    amount: .exactIn(try Parse.uint(args[2]["amountIn"])), limit: .zero, recipient: router, deadline: deadline),
            // amountIn 0: the WETH the router holds from the legs before (CONTRACT_BALANCE = 0).
            SwapLeg(dex: "uniswap-v2", hops: [SwapHop(tokenIn: weth, tokenOut: token, pool: .byTokens(fee: nil))],
                    amount: .exactInRouterBalance, limit: try Parse.uint(args[3]["amountOutMin"]), recipient: router, deadline: deadline),
        ]
        #expect(decoded.legs == expected)
    }

    /// Mainnet SwapRouter02 `exactInputSingle` called directly, and two Arbitrum non-swaps (a
    /// position-manager multicall, a WETH approve), whose `to` is no router of the entry.
    @Test func mainnetDirectCallAndNonSwaps() throws {
        let vectors = try #require(try Fixture.json("router_calls_real.json")["vectors"] as? [[String: Any]])
        let direct = try TransactionDecoder.decode(try Parse.bytes(vectors[1]["raw"]))
        let args = try #require(vectors[1]["args"] as? [String: Any])
        let leg = try #require(try decoder.decode(try contractCall(direct))?.legs.first)
        let expected = SwapLeg(
            dex: "uniswap-v3",
            hops: [SwapHop(tokenIn: try Parse.address(args["tokenIn"]), tokenOut: try Parse.address(args["tokenOut"]),
                           pool: .byTokens(fee: UInt32(try #require(args["fee"] as? Int))))],
            amount: .exactIn(try Parse.uint(args["amountIn"])), limit: try Parse.uint(args["amountOutMinimum"]),
            recipient: try Parse.address(args["recipient"]), deadline: nil)
        #expect(leg == expected)
        let feed = try Fixture.json("arbitrum_feed_non_swaps.json")
        for raw in try #require(feed["raw"] as? [String]) {
            let call = try contractCall(try TransactionDecoder.decode(try Parse.bytes(raw)))
            #expect(try decoder.decode(call) == nil)
            // The same calldata sent to SwapRouter02: the approve is an unknown selector, the
            // position manager's multicall holds only calls that are not swaps there.
            #expect(try decoder.decode(ContractCall(to: Arbitrum.swapRouter02, data: call.data, value: call.value)) == nil)
        }
    }
}

/// Head words of a call's arguments, read directly for known-answer checks.
struct CalldataWords {
    let data: ArraySlice<UInt8>
    init(_ data: ArraySlice<UInt8>) { self.data = data }

    func word(_ index: Int) -> UInt256 {
        let start = data.startIndex + 4 + index * 32
        return UInt256(bigEndian: data[start..<(start + 32)]) ?? .zero
    }

    func address(_ index: Int) -> Address {
        let start = data.startIndex + 4 + index * 32 + 12
        return Address(bytes: data[start..<(start + 20)]) ?? .zero
    }
}
