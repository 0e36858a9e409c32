import Foundation
import Kernel
import Testing
import UniswapV3

/// The decoded legs of real router calls against the Swap events their receipts hold: each V3
/// hop's pool (by CREATE2 from its tokens and fee) is a Swap log's emitter, the direction agrees
/// with the signs of amount0/amount1, and an exact input is the amount the pool received.
@Suite struct ReceiptAgreementTests {
    /// `Swap(address,address,int256,int256,uint160,uint128,int24)` of UniswapV3Pool.
    static let swapTopic = "0xc42079f94a6350d7e6235f29174924f928cc2ac818eb64fed8004e115fbcca67"

    /// A V3 Swap log: its pool and the two signed amounts (positive: paid into the pool).
    struct SwapLog {
        let pool: Address
        let amount0: Int256
        let amount1: Int256
    }

    static func swapLogs(_ receipt: [String: Any]) throws -> [SwapLog] {
        let logs = try #require(receipt["logs"] as? [[String: Any]])
        return try logs.compactMap { log in
            guard (log["topics"] as? [String])?.first == swapTopic else { return nil }
            let data = try Parse.bytes(log["data"])
            let word = { (n: Int) in Int256(bitPattern: UInt256(bigEndian: data[(n * 32)..<(n * 32 + 32)]) ?? .zero) }
            return SwapLog(pool: try Parse.address(log["address"]), amount0: word(0), amount1: word(1))
        }
    }

    @Test func legsAgreeWithTheSwapEventsTheyEmitted() throws {
        let plugin = try UniswapV3Plugin(entry: Arbitrum.uniswapEntry())
        let transactions = Dictionary(uniqueKeysWithValues: try RealCalldataTests.transactions().map { ($0.transaction.hash.description, $0.transaction) })
        let receipts = try Fixture.jsonLines("arbitrum_router_receipts.jsonl").compactMap { $0["result"] as? [String: Any] }
        #expect(receipts.count == 3)
        var checkedHops = 0
        for receipt in receipts {
            let hash = try #require(receipt["transactionHash"] as? String)
            let transaction = try #require(transactions[hash])
            let logs = try Self.swapLogs(receipt)
            guard let decoded = try plugin.decoder.decode(try contractCall(transaction)) else {
                // 0x40060956…: a V4-only swap through UniversalRouterV2; no V3 pool moved either.
                #expect(logs.isEmpty, "\(hash) has V3 Swap events but decoded to no leg")
                continue
            }
            let hops = decoded.legs.flatMap { leg in leg.hops.map { (leg, $0) } }
            #expect(hops.count == logs.count, "\(hash)")
            for (leg, hop) in hops {
                let tokenIn = try #require(hop.tokenIn), tokenOut = try #require(hop.tokenOut)
                guard case .byTokens(let fee) = hop.pool else { Issue.record("\(hash): not a V3 hop"); continue }
                let pool = try #require(plugin.poolAddress(tokenIn, tokenOut, fee: fee))
                let log = try #require(logs.first { $0.pool == pool }, "\(hash): no Swap from \(pool)")
                let zeroForOne = tokenIn < tokenOut
                let paidIn = zeroForOne ? log.amount0 : log.amount1
                let paidOut = zeroForOne ? log.amount1 : log.amount0
                #expect(!paidIn.isNegative && !paidIn.isZero && paidOut.isNegative, "\(hash): direction")
                if case .exactIn(let amount) = leg.amount, hop == leg.hops.first {
                    #expect(paidIn.magnitude == amount, "\(hash): amount in")
                }
                if case .exactOut(let amount) = leg.amount, hop == leg.hops.last {
                    #expect(paidOut.magnitude == amount, "\(hash): amount out")
                }
                checkedHops += 1
            }
        }
        #expect(checkedHops == 2)
    }

    /// Every Uniswap V3 and PancakeSwap V3 pool that emitted a real Swap log is where its entry's
    /// `poolAddress` puts it, from the tokens and fee the receipt's transfers name.
    @Test func poolAddressesOfRealPools() throws {
        let uniswap = try UniswapV3Plugin(entry: Arbitrum.uniswapEntry())
        let pancake = try UniswapV3Plugin(entry: Arbitrum.pancakeEntry)
        let logs = try #require(try Fixture.json("v3_swap_logs.json")["logs"] as? [[String: Any]])
        var counts = ["Uniswap V3": 0, "PancakeSwap V3": 0]
        for log in logs {
            let identified = try #require(log["pool_identified_by_create2"] as? [String: Any])
            let dex = try #require(identified["dex"] as? String)
            let plugin = dex == "Uniswap V3" ? uniswap : pancake
            let token0 = try Parse.address(identified["token0"]), token1 = try Parse.address(identified["token1"])
            let fee = try #require(identified["fee"] as? Int)
            let pool = try Parse.address(log["pool"])
            #expect(plugin.poolAddress(token0, token1, fee: UInt32(fee)) == pool, "\(dex) \(pool)")
            #expect(plugin.poolAddress(token1, token0, fee: UInt32(fee)) == pool, "\(dex) \(pool), tokens swapped")
            counts[dex, default: 0] += 1
        }
        #expect(counts["Uniswap V3"] == 23 && counts["PancakeSwap V3"] == 12)
    }
}
