import Foundation
import Testing

@testable import Kernel

/// Keccak-256 (Ethereum's keccak256, original Keccak padding) against published answers,
/// the Keccak team's known-answer files, and its own one-shot/streaming equivalence.
/// Fixtures and where they come from: `Fixtures/keccak/PROVENANCE.md`.
@Suite("Keccak256")
struct Keccak256Tests {
    // MARK: - Well-known Ethereum values

    @Test(
        "Ethereum's well-known keccak256 values",
        arguments: [
            ("", "c5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470"),
            ("abc", "4e03657aea45a94fc7d47ba826c8d667c0d1e6e33a64a036ec44f58fa12d6c45"),
            ("The quick brown fox jumps over the lazy dog",
             "4d741b6f1eb29cb2a9b9911c82f56fa8d73b04959d3d9d222895df6c0b28aa15"),
            // Function selectors are the first 4 bytes.
            ("transfer(address,uint256)", "a9059cbb2ab09eb219583f4a59a5d0623ade346d962bcd4e46b11da047c9049b"),
            ("approve(address,uint256)", "095ea7b334ae44009aa867bfb386f5c3b4b443ac6f0ee573fa91c4608fbadfba"),
            // The ERC-20 Transfer event topic.
            ("Transfer(address,address,uint256)",
             "ddf252ad1be2c89b69c2b068fc378daa952ba7f163c4a11628f55a4df523b3ef"),
        ]
    )
    func knownText(text: String, expected: String) throws {
        let digest = Keccak256.hash(Array(text.utf8))
        #expect(digest == (try Hash32(hex: expected)))
        #expect(digest.description == "0x" + expected)
    }

    @Test("Ethereum's well-known keccak256 values of binary data")
    func knownBinary() throws {
        // keccak256(rlp("")) = the root of an empty trie.
        #expect(Keccak256.hash([0x80])
            == (try Hash32(hex: "56e81f171bcc55a6ff8345e692c0f86e5b48e01b996cadc001622fb5e363b421")))
        // keccak256(rlp([])) = the hash of an empty ommers list.
        #expect(Keccak256.hash([0xc0])
            == (try Hash32(hex: "1dcc4de8dec75d7aab85b567b6ccd41ad312451b948a7413f0a142fd40d49347")))
        // keccak256 of 32 zero bytes: where the elements of a dynamic array declared at storage slot 0 start.
        #expect(Keccak256.hash([UInt8](repeating: 0, count: 32))
            == (try Hash32(hex: "290decd9548b62a8d60345a988386fc84ba6bc95484008f6362f93160ef3e563")))
        // Not FIPS 202 SHA3-256, whose digest of "" is a7ffc6f8…
        #expect(Keccak256.hash([]).description.hasPrefix("0xa7ffc6f8") == false)
    }

    // MARK: - Keccak team known-answer files

    @Test("ShortMsgKAT_256: every byte-aligned vector (Keccak team, r=1088 c=512)")
    func shortMessageKAT() throws {
        let vectors = try Self.katVectors("ShortMsgKAT_256.txt")
        #expect(vectors.count == 256)  // Len = 0, 8, …, 2040
        try Self.check(vectors)
    }

    @Test("LongMsgKAT_256: every byte-aligned vector (Keccak team, r=1088 c=512)")
    func longMessageKAT() throws {
        let vectors = try Self.katVectors("LongMsgKAT_256.txt")
        #expect(vectors.count == 65)  // Len = 2048, 2552, …, 34304
        try Self.check(vectors)
    }

    @Test("Keccak-f[1600] on the Keccak team's two worked examples, and its round constants")
    func permutation() throws {
        let text = try String(contentsOf: Self.fixture("KeccakF-1600-IntermediateValues.txt"), encoding: .utf8)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var inputs: [[UInt8]] = []
        var outputs: [[UInt8]] = []
        var constants: [UInt64] = []
        for (i, line) in lines.enumerated() {
            if line == "Input of permutation:" { inputs.append(try Self.spacedHex(lines[i + 1])) }
            if line == "State after permutation:" { outputs.append(try Self.spacedHex(lines[i + 1])) }
            if line.hasPrefix("RC["), let value = line.split(separator: "=").last {
                constants.append(try #require(UInt64(value.trimmingCharacters(in: .whitespaces), radix: 16)))
            }
        }
        try #require(inputs.count == 2 && outputs.count == 2)
        for (input, output) in zip(inputs, outputs) {
            try #require(input.count == 200 && output.count == 200)
            var state: KeccakF1600.State = (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
            withUnsafeMutableBytes(of: &state) { raw in
                for lane in 0..<25 {
                    var word: UInt64 = 0
                    for k in 0..<8 { word |= UInt64(input[lane * 8 + k]) << (8 * k) }
                    raw.storeBytes(of: word, toByteOffset: lane * 8, as: UInt64.self)
                }
            }
            KeccakF1600.permute(&state)
            var after: [UInt8] = []
            withUnsafeBytes(of: state) { raw in
                for lane in 0..<25 {
                    let word = raw.load(fromByteOffset: lane * 8, as: UInt64.self)
                    for k in 0..<8 { after.append(UInt8(truncatingIfNeeded: word >> (8 * k))) }
                }
            }
            #expect(after == output)
        }
        #expect(constants.count == 24)
        #expect(constants == (0..<24).map(KeccakF1600.roundConstant))
    }

    // MARK: - Streaming

    @Test("update in random pieces equals the one-shot hash, lengths 0...600")
    func streamingRandomSplits() {
        var rng = SplitMix64(seed: 0x6b65_6363_616b_3235)
        for length in 0...600 {
            let message = (0..<length).map { _ in UInt8(truncatingIfNeeded: rng.next()) }
            let expected = Keccak256.hash(message)
            for pattern in 0..<4 {
                var hasher = Keccak256Hasher()
                var position = 0
                while position < length {
                    // Pattern 0: single bytes through update(byte:); others: random piece sizes,
                    // some empty, some spanning whole blocks.
                    let limit = pattern == 3 ? 300 : 40
                    let size = pattern == 0 ? 1 : min(Int(rng.next() % UInt64(limit)), length - position)
                    if pattern == 0 || (size == 1 && rng.next() & 1 == 0) {
                        hasher.update(byte: message[position])
                    } else {
                        message.withUnsafeBytes { hasher.update(UnsafeRawBufferPointer(rebasing: $0[position..<(position + size)])) }
                    }
                    position += size
                }
                #expect(hasher.finalize() == expected, "length \(length), pattern \(pattern)")
            }
        }
    }

    @Test("a split at every position of messages around the 136-byte rate equals the one-shot hash")
    func streamingEverySplit() {
        var rng = SplitMix64(seed: 136)
        for length in [0, 1, 7, 8, 9, 134, 135, 136, 137, 138, 271, 272, 273, 408, 409] {
            let message = (0..<length).map { _ in UInt8(truncatingIfNeeded: rng.next()) }
            let expected = Keccak256.hash(message)
            message.withUnsafeBytes { raw in
                for split in 0...length {
                    var hasher = Keccak256Hasher()
                    hasher.update(UnsafeRawBufferPointer(rebasing: raw[0..<split]))
                    hasher.update(UnsafeRawBufferPointer(rebasing: raw[split..<length]))
                    #expect(hasher.finalize() == expected, "length \(length), split \(split)")
                }
            }
        }
    }

    @Test("unaligned inputs: slices at every offset 0..<8 hash like copies")
    func unalignedSlices() {
        var rng = SplitMix64(seed: 8)
        let backing = (0..<700).map { _ in UInt8(truncatingIfNeeded: rng.next()) }
        for offset in 0..<8 {
            for length in [0, 1, 31, 32, 33, 135, 136, 137, 300, 690] {
                let slice = backing[offset..<(offset + length)]
                #expect(Keccak256.hash(slice) == Keccak256.hash(Array(slice)), "offset \(offset), length \(length)")
            }
        }
    }

    @Test("finalize resets the hasher for the next message")
    func finalizeResets() throws {
        var hasher = Keccak256Hasher()
        for byte in "abc".utf8 { hasher.update(byte: byte) }
        #expect(hasher.finalize()
            == (try Hash32(hex: "4e03657aea45a94fc7d47ba826c8d667c0d1e6e33a64a036ec44f58fa12d6c45")))
        #expect(hasher.finalize()
            == (try Hash32(hex: "c5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470")))
        Array("transfer(address,uint256)".utf8).withUnsafeBytes { hasher.update($0) }
        #expect(hasher.finalize().bytes.prefix(4) == [0xa9, 0x05, 0x9c, 0xbb])
        hasher.update(UnsafeRawBufferPointer(start: nil, count: 0))
        #expect(hasher.finalize() == Keccak256.hash([]))
    }

    // MARK: - Real transactions

    @Test("keccak256(raw) is the RPC hash of every rebuildable Arbitrum One transaction in the chain fixture")
    func arbitrumTransactionHashes() throws {
        struct File: Decodable {
            struct Transaction: Decodable {
                let hash: String
                let raw: String?
            }
            let transactions: [Transaction]
        }
        let url = Self.fixtures.appendingPathComponent("chain/arbitrum_txs.json")
        let file = try JSONDecoder().decode(File.self, from: Data(contentsOf: url))
        var checked = 0
        for tx in file.transactions {
            guard let raw = tx.raw else { continue }
            #expect(Keccak256.hash(try Hex.decode(raw)) == (try Hash32(hex: tx.hash)), "\(tx.hash)")
            checked += 1
        }
        #expect(checked == 1112)
    }

    // MARK: - Helpers

    /// `Tests/KernelTests/Fixtures`.
    static let fixtures = Fixture.directory()

    static func fixture(_ name: String) -> URL {
        fixtures.appendingPathComponent("keccak").appendingPathComponent(name)
    }

    fileprivate struct KATVector {
        let bits: Int
        let message: [UInt8]
        let digest: Hash32
    }

    /// The `Len`/`Msg`/`MD` triples of a Keccak KAT file whose `Len` is a whole number of bytes.
    fileprivate static func katVectors(_ name: String) throws -> [KATVector] {
        let text = try String(contentsOf: fixture(name), encoding: .utf8)
        var vectors: [KATVector] = []
        var bits: Int?
        var message: [UInt8]?
        for line in text.split(separator: "\n") {
            let parts = line.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard parts.count == 2 else { continue }
            switch parts[0] {
            case "Len":
                bits = Int(parts[1])
                message = nil
            case "Msg":
                message = try Hex.decode(parts[1])
            case "MD":
                let length = try #require(bits)
                let msg = try #require(message)
                bits = nil
                guard length % 8 == 0 else { continue }
                try #require(msg.count >= length / 8)
                vectors.append(KATVector(bits: length, message: Array(msg.prefix(length / 8)),
                                         digest: try Hash32(hex: parts[1])))
            default:
                continue
            }
        }
        return vectors
    }

    /// Checks each vector one-shot (array and slice) and streamed in three pieces.
    fileprivate static func check(_ vectors: [KATVector]) throws {
        for vector in vectors {
            let m = vector.message
            #expect(Keccak256.hash(m) == vector.digest, "Len = \(vector.bits)")
            #expect(Keccak256.hash(([0x55] + m)[1...]) == vector.digest, "Len = \(vector.bits), slice")
            var hasher = Keccak256Hasher()
            m.withUnsafeBytes { raw in
                let a = raw.count / 3
                let b = raw.count - raw.count / 5
                hasher.update(UnsafeRawBufferPointer(rebasing: raw[0..<a]))
                hasher.update(UnsafeRawBufferPointer(rebasing: raw[a..<b]))
                hasher.update(UnsafeRawBufferPointer(rebasing: raw[b...]))
            }
            #expect(hasher.finalize() == vector.digest, "Len = \(vector.bits), streamed")
        }
    }

    /// Bytes written as space-separated hex pairs.
    static func spacedHex(_ line: String) throws -> [UInt8] {
        try line.split(separator: " ").map { try #require(UInt8($0, radix: 16)) }
    }
}
