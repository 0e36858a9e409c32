import Foundation
@testable import Host
import Kernel
import Testing

/// Real Arbitrum One transactions (Fixtures/arbitrum_router_txs.json) through the real config and
/// the production plugins: calls to the configured routers are recognised by the entry of their
/// `to`, calls elsewhere are not swaps, and no real calldata is called malformed.
@Suite struct ClassifierRealTransactionTests {
    typealias S = ConfigTestSupport

    struct RealCall {
        let hash: String
        let selector: String
        let call: ContractCall
    }

    static func realCalls() throws -> [RealCall] {
        let rows = try Fixture.json("arbitrum_router_txs.json").objects("transactions")
        return try rows.map { row in
            let tx = try TransactionDecoder.decode(try Hex.decode(try #require(row["raw"] as? String)))
            #expect(tx.hash.description == row["hash"] as? String)
            return RealCall(hash: tx.hash.description, selector: row["selector"] as? String ?? "",
                            call: ContractCall(to: try #require(tx.to), data: tx.data, value: tx.value))
        }
    }

    @Test func realTransactionsClassifyByTheirCallee() throws {
        var classifier = SwapClassifier(try ConfigLoader().load(path: S.realConfigPath))
        let calls = try Self.realCalls()
        #expect(calls.count == 42)
        for real in calls {
            let dex = classifier.dex(at: real.call.to)
            switch classifier.classify(real.call) {
            case .notASwap:
                break
            case .swap(let swapDex, let swap):
                #expect(swapDex == dex, "\(real.hash)")
                #expect(!swap.legs.isEmpty, "\(real.hash)")
            case .malformed(let malformed):
                Issue.record("\(real.hash) to \(malformed.dex): \(malformed.error)")
            }
        }
        // 22 calls to DEX routers and 3 to LlamaZip (an aggregator entry's router).
        #expect(calls.filter { classifier.dex(at: $0.call.to) != nil }.count == 25)
    }

    /// The swaps of the families whose plugins are in place: SushiSwap's and Uniswap's V2 routers
    /// (`swapExactTokensForTokens`) and Camelot V3's (`exactInput`); Uniswap V2's
    /// `removeLiquidity` is not a swap.
    @Test func realV2AndCamelotSwapsAreRecognised() throws {
        var classifier = SwapClassifier(try ConfigLoader().load(path: S.realConfigPath))
        var swapsByDex: [String: Int] = [:]
        var notSwaps: [String] = []
        for real in try Self.realCalls() where ["sushiswap-v2", "uniswap-v2", "camelot-v3"].contains(classifier.dex(at: real.call.to)) {
            switch classifier.classify(real.call) {
            case .swap(let dex, _): swapsByDex[dex, default: 0] += 1
            case .notASwap: notSwaps.append(real.selector)
            case .malformed(let malformed): Issue.record("\(real.hash): \(malformed.error)")
            }
        }
        #expect(swapsByDex == ["sushiswap-v2": 1, "uniswap-v2": 1, "camelot-v3": 1])
        #expect(notSwaps == ["0xbaa2abde"])
    }
}
