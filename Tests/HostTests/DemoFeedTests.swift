import Foundation
@testable import Host
@testable import Kernel
import Testing

/// The constructed demo feed (replay/demo-feed.jsonl, scripts/make-demo-feed.py) against its own
/// manifest (line 2) and the real pools it trades on (replay/fixtures/): every transaction decodes,
/// is signed by the published test key, and is recognised as the swap the manifest says, on the
/// pools it names.
@Suite struct DemoFeedTests {
    static let replayDirectory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("replay")
    /// Hardhat's and Anvil's default account #0, the key the script signs with.
    static let testKeyAddress = "0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266"
    /// The pool state's block 247,867,692 + 1 − 22,207,817: the feed continues from the state.
    static let firstSequenceNumber: UInt64 = 225_659_876

    /// One real pool: its DEX, tokens and fee.
    struct Pool {
        let dex: String
        let tokens: Set<String>
        let fee: UInt32
    }

    static func manifest() throws -> (counts: [String: Any], swaps: [[String: Any]]) {
        let text = try String(contentsOf: replayDirectory.appendingPathComponent("demo-feed.jsonl"), encoding: .utf8)
        let line = try #require(text.split(separator: "\n").first { $0.hasPrefix(#"{"CONSTRUCTED":"manifest""#) })
        let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        return (try #require(object["counts"] as? [String: Any]), try #require(object["swaps"] as? [[String: Any]]))
    }

    static func pools() throws -> [String: Pool] {
        let url = replayDirectory.appendingPathComponent("fixtures/arbitrum-pools-block247867692.json")
        let root = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
        var out: [String: Pool] = [:]
        for half in ["v2", "v3"] {
            for entry in try #require((root[half] as? [String: Any])?["pools"] as? [[String: Any]]) {
                let address = try #require(entry["address"] as? String).lowercased()
                let tokens = [entry["token0"], entry["token1"]].compactMap { ($0 as? String)?.lowercased() }
                out[address] = Pool(dex: try #require(entry["dex"] as? String), tokens: Set(tokens), fee: try #require(entry["fee"] as? UInt32))
            }
        }
        return out
    }

    @Test func everySwapDecodesAsTheManifestSays() throws {
        let (counts, swaps) = try Self.manifest()
        let pools = try Self.pools()
        #expect(pools.count == 221)
        var classifier = SwapClassifier(try ConfigLoader().load(path: ConfigTestSupport.realConfigPath))
        let frames = try FeedRecordingReader.readAll(path: Self.replayDirectory.appendingPathComponent("demo-feed.jsonl").path)
        let entries = try frames.flatMap { frame in
            let decoded = try FeedDecoder().decode(frame.bytes)
            #expect(decoded.allErrors.isEmpty)
            return decoded.entries
        }
        #expect(entries.map(\.sequenceNumber) == Array(Self.firstSequenceNumber..<Self.firstSequenceNumber + UInt64(entries.count)))
        #expect(entries.count == counts["messageCount"] as? Int)
        #expect(entries.filter { $0.transactions.count > 1 }.count == counts["kind3Messages"] as? Int)
        #expect(zip(entries, entries.dropFirst()).allSatisfy { $0.header.timestamp <= $1.header.timestamp })

        let transactions = entries.flatMap { entry in entry.transactions.map { (entry, $0) } }
        try #require(transactions.count == swaps.count)
        var swapsByDex: [String: Int] = [:]
        for ((entry, tx), expected) in zip(transactions, swaps) {
            let label = "\(entry.sequenceNumber) \(tx.hash)"
            #expect(tx.hash.description == expected["hash"] as? String, "\(label)")
            #expect(try tx.recoverSender().checksummed == Self.testKeyAddress, "\(label)")
            let to = try #require(tx.to)
            guard case .swap(let dex, let swap) = classifier.classify(ContractCall(to: to, data: tx.data, value: tx.value)) else {
                Issue.record("\(label): not recognised as a swap")
                continue
            }
            swapsByDex[dex, default: 0] += 1
            #expect(dex == expected["dex"] as? String, "\(label)")
            #expect(swap.function == expected["function"] as? String, "\(label)")
            let leg = try #require(swap.legs.count == 1 ? swap.legs.first : nil, "\(label)")
            try Self.check(leg, against: expected, pools: pools, timestamp: entry.header.timestamp, label: label)
        }
        #expect(swapsByDex == counts["swapsByDex"] as? [String: Int])
        #expect(swapsByDex == ["sushiswap-v2": 19, "uniswap-v2": 7, "uniswap-v3": 29])
        #expect(counts["intendedReverts"] as? [String: Int] == ["expired": 1, "stale": 1, "no-fee": 1])
    }

    /// The leg's amounts, bound and deadline are the manifest's, and its hops name the manifest's
    /// pools: the leg's DEX, the hop's two tokens and (V3) its fee pick exactly that real pool.
    static func check(_ leg: SwapLeg, against expected: [String: Any], pools: [String: Pool], timestamp: UInt64, label: String) throws {
        let path = try #require(expected["path"] as? [String]).map { $0.lowercased() }
        let poolAddresses = try #require(expected["pools"] as? [String]).map { $0.lowercased() }
        #expect(leg.hops.count == poolAddresses.count, "\(label)")
        for (index, (hop, address)) in zip(leg.hops, poolAddresses).enumerated() {
            let pool = try #require(pools[address], "\(label)")
            #expect(pool.dex == leg.dex, "\(label)")
            #expect(hop.tokenIn?.description == path[index] && hop.tokenOut?.description == path[index + 1], "\(label) hop \(index)")
            #expect(pool.tokens == Set([path[index], path[index + 1]]), "\(label) hop \(index)")
            let fee: UInt32? = pool.dex == "uniswap-v3" ? pool.fee : nil
            #expect(hop.pool == .byTokens(fee: fee), "\(label) hop \(index)")
        }
        func number(_ key: String) -> UInt256? { (expected[key] as? String).flatMap { UInt256(decimal: $0) } }
        if let amountIn = number("amountIn") {
            #expect(leg.amount == .exactIn(amountIn), "\(label)")
            #expect(leg.limit != nil && leg.limit == number("amountOutMin"), "\(label)")
        } else {
            let amountOut = try #require(number("amountOut"), "\(label)")
            #expect(leg.amount == .exactOut(amountOut), "\(label)")
            #expect(leg.limit != nil && leg.limit == number("amountInMax"), "\(label)")
        }
        // SwapRouter02's own exactInputSingle/exactInput carry no deadline; every other call does.
        if let deadline = leg.deadline {
            let written = try #require(expected["deadline"] as? Int, "\(label)")
            #expect(deadline == UInt256(UInt64(written)), "\(label)")
            let expired = (expected["revert"] as? String) == "expired"
            #expect((deadline < UInt256(timestamp)) == expired, "\(label)")
        } else {
            #expect(["exactInputSingle", "exactInput"].contains(expected["function"] as? String), "\(label)")
        }
    }
}
