import Foundation
import Kernel
import Testing

/// Known answers from real chains: every rebuildable Arbitrum One transaction in the fixtures
/// decodes to the hash the chain gave it and, where signed, to its sender.
@Suite struct RealTransactionTests {
    struct RealTx {
        let hash: String, type: String, from: String, to: String?, nonce: String, value: String
        let selector: String?, raw: [UInt8]
    }

    static func arbitrumOne() throws -> [RealTx] {
        let root = try Fixture.json("chain/arbitrum_txs.json")
        let all = try #require(root["transactions"] as? [[String: Any]])
        return try all.compactMap { t in
            guard let raw = t["raw"] as? String else { return nil }
            return RealTx(
                hash: try #require(t["hash"] as? String), type: try #require(t["type"] as? String),
                from: try #require(t["from"] as? String), to: t["to"] as? String,
                nonce: try #require(t["nonce"] as? String), value: try #require(t["value"] as? String),
                selector: t["selector"] as? String, raw: try [UInt8](hexFixture: raw))
        }
    }

    @Test func everyRealArbitrumTransactionDecodesToItsHashAndSender() throws {
        let txs = try Self.arbitrumOne()
        #expect(txs.count == 1112)
        var byType: [String: Int] = [:]
        var recovered = 0
        for real in txs {
            let tx = try TransactionDecoder.decode(real.raw)
            byType[tx.type.description, default: 0] += 1
            #expect(tx.hash.description == real.hash)
            #expect(tx.type.description == real.type)
            #expect(tx.nonce == UInt64(real.nonce.dropFirst(2), radix: 16))
            #expect(tx.value.hexString == real.value)
            #expect(tx.to?.description == real.to, "to of \(real.hash)")
            #expect(FunctionSelector.leading(tx.data).map { String(format: "0x%08x", $0) } == real.selector, "selector of \(real.hash)")
            if tx.type.isSigned {
                #expect(tx.chainId == nil || tx.chainId == UInt256(42161) || tx.type == .legacy)
                #expect(try tx.recoverSender().description == real.from, "sender of \(real.hash)")
                recovered += 1
            } else {
                #expect(tx.from?.description == real.from, "from of \(real.hash)")
            }
        }
        #expect(byType == ["0x0": 331, "0x1": 2, "0x2": 618, "0x4": 2, "0x64": 1, "0x68": 1, "0x69": 1, "0x6a": 156])
        #expect(recovered == 953)
    }

    @Test func arbitrumInternalTransactionVectors() throws {
        let vectors = try #require(try Fixture.value("tx/arbitrum_internal_tx_0x6a.json") as? [[String: Any]])
        #expect(vectors.count == 2)
        for v in vectors {
            let raw = try [UInt8](hexFixture: try #require(v["encoded"] as? String))
            let expected = try #require((v["expectedHash"] ?? v["hash"]) as? String)
            let tx = try TransactionDecoder.decode(raw)
            #expect(tx.type == .arbitrumInternal)
            #expect(tx.hash.description == expected)
            #expect(tx.chainId == UInt256(42161))
            #expect(tx.from == Address(precompile: 0xa4b05))
            #expect(FunctionSelector.leading(tx.data) == 0x6bf6_a42d)
            if let input = v["input"] as? String { #expect(Hex.encode(tx.data) == input) }
        }
    }

    @Test func eip155WorkedExample() throws {
        let root = try Fixture.json("tx/ethereum_tx_vectors.json")
        let v = try #require((root["vectors"] as? [[String: Any]])?.first)
        let tx = try TransactionDecoder.decode(try [UInt8](hexFixture: try #require(v["raw"] as? String)))
        #expect(tx.hash.description == v["hash"] as? String)
        #expect(tx.chainId == .one)
        #expect(tx.nonce == 9)
        #expect(tx.gas == 21000)
        #expect(tx.fees == .gasPrice(UInt256(20_000_000_000)))
        #expect(tx.value == UInt256(decimal: "1000000000000000000"))
        #expect(tx.signature?.v == UInt256(37))
        #expect(try tx.recoverSender().checksummed == v["sender"] as? String)
    }

    /// The transactions carried by real feed frames, with every field the fixture states.
    @Test func feedTransactionsDecodeWithAllFields() throws {
        let root = try #require(try Fixture.json("tx/feed_expected_decodes.json") as? [String: [String: Any]])
        var checked = 0
        for (_, frame) in root {
            for t in frame["transactions"] as? [[String: Any]] ?? [] {
                guard let rawHex = t["raw"] as? String else { continue }
                let tx = try TransactionDecoder.decode(try [UInt8](hexFixture: rawHex))
                #expect(tx.hash.description == t["hash"] as? String)
                #expect(Int(tx.type.rawValue) == t["type"] as? Int)
                #expect(tx.nonce == (t["nonce"] as? NSNumber)?.uint64Value)
                #expect(tx.gas == (t["gas"] as? NSNumber)?.uint64Value)
                #expect(tx.chainId?.description == (t["chainId"] as? NSNumber)?.stringValue)
                #expect(Hex.encode(tx.data) == t["input"] as? String)
                #expect(try tx.recoverSender().checksummed == t["sender"] as? String)
                checked += 1
            }
        }
        #expect(checked == 17)
    }
}
