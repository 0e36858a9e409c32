import Foundation
@testable import Kernel
import Testing

/// RLP against pyrlp, ABI against eth-abi, Keccak-256 against eth-hash, on random values.
@Suite struct DifferentialCodecTests {
    /// An RLP tree as the generator writes it: hex strings for byte strings, arrays for lists.
    static func tree(_ json: Any) throws -> RLP.Item {
        if let hex = json as? String { return .bytes(try [UInt8](hexFixture: hex)[...]) }
        let list = try #require(json as? [Any])
        return .list(try list.map(tree))
    }

    @Test func rlpMatchesPyrlp() throws {
        let file = try Fixture.generated("rlp.json")
        let valid = try #require(file["valid"] as? [[String: Any]])
        #expect(valid.count >= 2000)
        for v in valid {
            let encoded = try [UInt8](hexFixture: try #require(v["encoded"] as? String))
            let expected = try Self.tree(try #require(v["value"]))
            #expect(try RLP.decode(encoded, maxDepth: 64) == expected)
            #expect(RLP.encode(expected) == encoded)
        }
        let invalid = try #require(file["invalid"] as? [[String: Any]])
        for v in invalid {
            let encoded = try [UInt8](hexFixture: try #require(v["encoded"] as? String))
            #expect(throws: DecodingError.self, "\(v["kind"] ?? ""): \(v["why"] ?? "")") { try RLP.decode(encoded) }
        }
    }

    /// An ABI value in the generator's notation: decimal strings for integers, hex for
    /// addresses and bytes, JSON strings, booleans and arrays.
    static func render(_ value: ABIValue) -> String {
        switch value {
        case .uint(let v): v.description
        case .int(let v): v.description
        case .address(let a): a.description
        case .bool(let b): b ? "true" : "false"
        case .fixedBytes(let b), .bytes(let b): Hex.encode(b)
        case .string(let s): "\"" + String(decoding: s, as: UTF8.self) + "\""
        case .array(let items), .tuple(let items): "[" + items.map(render).joined(separator: ",") + "]"
        }
    }

    static func render(json: Any, as type: ABIType) throws -> String {
        switch type {
        case .string: return "\"" + (try #require(json as? String)) + "\""
        case .bool: return try #require(json as? Bool) ? "true" : "false"
        case .array(let element), .fixedArray(let element, _):
            let items = try #require(json as? [Any])
            return "[" + (try items.map { try render(json: $0, as: element) }).joined(separator: ",") + "]"
        case .tuple(let elements):
            let items = try #require(json as? [Any])
            return "[" + (try zip(items, elements).map { try render(json: $0, as: $1) }).joined(separator: ",") + "]"
        default: return try #require(json as? String)
        }
    }

    @Test func abiMatchesEthAbi() throws {
        let file = try Fixture.generated("abi.json")
        let vectors = try #require(file["vectors"] as? [[String: Any]])
        #expect(vectors.count >= 1500)
        for v in vectors {
            let types = try (try #require(v["types"] as? [String])).map { try ABIType(parsing: $0) }
            let encoded = try [UInt8](hexFixture: try #require(v["encoded"] as? String))
            let values = try #require(v["values"] as? [Any])
            let decoded = try ABITreeDecoder.decode(types, from: encoded[...])
            #expect(decoded.map(Self.render) == (try zip(values, types).map { try Self.render(json: $0, as: $1) }),
                    "\(types)")
        }
        let invalid = try #require(file["invalid"] as? [[String: Any]])
        #expect(invalid.count >= 200)
        var acceptedUnpadded = 0
        for v in invalid {
            let kind = try #require(v["kind"] as? String)
            let types = try (try #require(v["types"] as? [String])).map { try ABIType(parsing: $0) }
            let encoded = try [UInt8](hexFixture: try #require(v["encoded"] as? String))
            do {
                let values = try ABITreeDecoder.decode(types, from: encoded[...])
                // eth-abi requires the zero padding after the last dynamic value; Solidity's
                // decoder (and so the chain) only requires the value's own bytes. Accepting is
                // right exactly when the cut removed nothing but padding.
                #expect(kind == "truncated", "accepted \(kind): \(v["why"] ?? "")")
                let padded = encoded + [UInt8](repeating: 0, count: (32 - encoded.count % 32) % 32)
                #expect(try ABITreeDecoder.decode(types, from: padded[...]) == values)
                acceptedUnpadded += 1
            } catch {
                #expect(error.offset >= 0)
            }
        }
        #expect(acceptedUnpadded < 30)
    }

    @Test func keccakMatchesEthHash() throws {
        let vectors = try #require(try Fixture.generated("keccak.json")["vectors"] as? [[String: Any]])
        #expect(vectors.count >= 600)
        for v in vectors {
            let input = try [UInt8](hexFixture: try #require(v["input"] as? String))
            #expect(Keccak256.hash(input).description == v["hash"] as? String)
        }
    }
}
