import Foundation
@testable import Kernel
import Testing

/// Transactions of every type built and signed by eth-account / eth-keys (and, for Arbitrum's
/// types, encoded with pyrlp in Nitro's field order), compared field by field, with hash and sender.
@Suite struct DifferentialTransactionTests {
    static func vectors() throws -> [String: Any] { try Fixture.generated("transactions.json") }

    static func decimal(_ v: UInt256?) -> String? { v?.description }

    @Test func everyPeerTransactionDecodesToThePeersFields() throws {
        let valid = try #require(try Self.vectors()["valid"] as? [[String: Any]])
        #expect(valid.count >= 3000)
        var typesSeen = Set<Int>()
        for v in valid {
            let rawHex = try #require(v["raw"] as? String)
            let tx: Transaction
            do {
                tx = try TransactionDecoder.decode(try [UInt8](hexFixture: rawHex))
            } catch {
                Issue.record("\(error) decoding \(v["hash"] ?? "")")
                continue
            }
            let label = "\(v["hash"] ?? "") type \(v["type"] ?? "")"
            typesSeen.insert(Int(tx.type.rawValue))
            #expect(Int(tx.type.rawValue) == v["type"] as? Int, "\(label)")
            #expect(tx.hash.description == v["hash"] as? String, "\(label)")
            #expect(Self.decimal(tx.chainId) == v["chainId"] as? String, "\(label)")
            #expect(String(tx.nonce) == v["nonce"] as? String, "\(label)")
            #expect(tx.to?.description == v["to"] as? String, "\(label)")
            #expect(tx.value.description == v["value"] as? String, "\(label)")
            #expect(String(tx.gas) == v["gas"] as? String, "\(label)")
            switch tx.fees {
            case .gasPrice(let price):
                #expect(price.description == v["gasPrice"] as? String, "\(label)")
            case .dynamic(let cap, let tip):
                #expect(cap.description == v["maxFeePerGas"] as? String, "\(label)")
                #expect(tip.description == v["maxPriorityFeePerGas"] as? String, "\(label)")
            }
            #expect(Hex.encode(tx.data) == v["data"] as? String, "\(label)")
            switch tx.details {
            case .accessList(let list), .blob(let list, _, _), .setCode(let list, _):
                #expect(list.count == v["accessListCount"] as? Int, "\(label)")
                #expect(try list.items().count == list.count)
            default:
                #expect(v["accessListCount"] is NSNull, "\(label)")
            }
            let extra = v["extra"] as? [String: Any] ?? [:]
            if case .setCode(_, let auths) = tx.details { #expect(auths.count == extra["authorizationCount"] as? Int, "\(label)") }
            if case .blob(_, let fee, let hashes) = tx.details {
                #expect(fee.description == extra["maxFeePerBlobGas"] as? String, "\(label)")
                #expect(hashes.count == (extra["blobVersionedHashes"] as? [Any])?.count, "\(label)")
            }
            if let signature = tx.signature {
                #expect(signature.r.description == v["r"] as? String, "\(label)")
                #expect(signature.s.description == v["s"] as? String, "\(label)")
                if tx.type == .legacy {
                    #expect(signature.v.description == v["v"] as? String, "\(label)")
                } else {
                    #expect(Int(signature.yParity) == v["yParity"] as? Int, "\(label)")
                }
                #expect(try tx.recoverSender().checksummed == v["sender"] as? String, "\(label)")
            } else {
                #expect(tx.from?.description == v["from"] as? String, "\(label)")
            }
        }
        #expect(typesSeen == [0, 1, 2, 3, 4, 0x64, 0x65, 0x66, 0x68, 0x69, 0x6a])
    }

    /// Where the peers are laxer than the chain, go-ethereum's rules win: eth-account signs and
    /// recovers high-s signatures, pyrlp encodes a nonce of 2^64, and so on; go-ethereum refuses
    /// each of these, and so do we, with the kind of error each deserves.
    @Test func whatGoEthereumRefusesIsRefused() throws {
        let invalid = try #require(try Self.vectors()["invalid"] as? [[String: Any]])
        // A leading zero that makes an integer longer than its field is reported as too large
        // first, as go-ethereum's rlp package does (its size check precedes the canonical check).
        let expected: [String: Set<DecodingError.Kind>] = [
            "highS": [.invalidSignature], "typedV27": [.invalidSignature], "rZero": [.invalidSignature],
            "sZero": [.invalidSignature], "rAtN": [.invalidSignature], "nonce2e64": [.tooLarge], "gas2e64": [.tooLarge],
            "trailingBytes": [.trailingBytes], "truncated": [.truncated], "nonCanonicalInt": [.nonCanonical, .tooLarge],
            "badToLength": [.wrongLength], "unknownType": [.unknownType],
        ]
        var kindsSeen = Set<String>()
        for v in invalid {
            let kind = try #require(v["kind"] as? String)
            let raw = try [UInt8](hexFixture: try #require(v["raw"] as? String))
            kindsSeen.insert(kind)
            do {
                _ = try TransactionDecoder.decode(raw)
                Issue.record("accepted \(kind): \(v["why"] ?? "")")
            } catch {
                #expect(expected[kind]?.contains(error.kind) == true, "\(kind): \(error)")
                #expect(error.offset >= 0 && error.offset <= raw.count)
            }
        }
        #expect(kindsSeen == Set(expected.keys))
    }
}
