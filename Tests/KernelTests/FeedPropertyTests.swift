import Foundation
@testable import Kernel
import Testing

/// Random bytes and random mutations of real frames never trap the decoder: every input either
/// decodes or gives a `FeedError` whose offset lies inside the input it counts in.
@Suite struct FeedPropertyTests {
    static let realFiles = FeedRealFrameTests.realFiles + ["CONSTRUCTED_nested_batch.json"]

    /// Decodes `bytes` and checks the invariants of whatever comes out.
    static func check(_ bytes: [UInt8], chainId: UInt64 = 42161) {
        do {
            let frame = try FeedDecoder(chainId: chainId).decode(bytes)
            for error in frame.errors {
                #expect(error.place == .frame)
                #expect(error.offset >= 0 && error.offset <= bytes.count)
            }
            for entry in frame.entries {
                if let error = entry.error {
                    #expect(entry.transactions.isEmpty)
                    #expect(error.offset >= 0)
                    #expect(error.sequenceNumber == entry.sequenceNumber)
                    if error.place == .l2Msg { #expect(error.offset <= entry.message.l2Msg.count) }
                }
                _ = entry.message.signatureHash(chainId: chainId)
                _ = entry.message.isTimeboosted(blockTransactionIndex: 3)
            }
        } catch {
            #expect(error.offset >= 0 && error.offset <= bytes.count)
        }
    }

    @Test func randomBytes() {
        var rng = SplitMix64(seed: 0xF33D)
        let alphabet = Array("{}[],:\"\\0123456789-.eE+ntrufalsAZaz/=".utf8)
        for i in 0..<3000 {
            let length = Int.random(in: 0...300, using: &rng)
            let bytes: [UInt8] = (0..<length).map { _ in
                i.isMultiple(of: 2) ? UInt8.random(in: 0...255, using: &rng) : alphabet.randomElement(using: &rng) ?? 0
            }
            Self.check(bytes)
        }
    }

    @Test(arguments: realFiles)
    func mutatedRealFrames(file: String) throws {
        let original = try FeedFixture.frame(file)
        var rng = SplitMix64(seed: UInt64(original.count))
        for _ in 0..<1500 {
            var bytes = original
            for _ in 0..<Int.random(in: 1...4, using: &rng) {
                let at = Int.random(in: 0..<bytes.count, using: &rng)
                switch Int.random(in: 0..<4, using: &rng) {
                case 0: bytes[at] = UInt8.random(in: 0...255, using: &rng)
                case 1: bytes.remove(at: at)
                case 2: bytes.insert(UInt8.random(in: 0...255, using: &rng), at: at)
                default: bytes[at] ^= 1 << UInt8.random(in: 0..<8, using: &rng)
                }
                if bytes.isEmpty { break }
            }
            Self.check(bytes)
        }
    }

    /// Mutating the decoded l2Msg (then re-encoding it) reaches the L2 parser and the
    /// transaction decoder with inputs the JSON layer lets through.
    @Test(arguments: realFiles)
    func mutatedPayloads(file: String) throws {
        let entry = try #require(try FeedFixture.entry(try FeedFixture.frame(file)))
        let payload = Array(entry.message.l2Msg)
        var rng = SplitMix64(seed: UInt64(payload.count) &* 31)
        let decoder = FeedDecoder()
        for round in 0..<1500 {
            var bytes = payload
            for _ in 0..<Int.random(in: 1...3, using: &rng) {
                let at = Int.random(in: 0..<bytes.count, using: &rng)
                switch Int.random(in: 0..<4, using: &rng) {
                case 0: bytes[at] = UInt8.random(in: 0...255, using: &rng)
                case 1: bytes.removeSubrange(at..<min(bytes.count, at + Int.random(in: 1...40, using: &rng)))
                case 2: bytes[at] = [0, 1, 2, 3, 4, 6, 7, 0xff].randomElement(using: &rng) ?? 0
                default: bytes[at] ^= 1 << UInt8.random(in: 0..<8, using: &rng)
                }
                if bytes.isEmpty { break }
            }
            for kind: UInt8 in [3, 7, 9, 12, 13] where round.isMultiple(of: 5) || kind == 3 {
                var message = entry.message
                message.header.kind = kind
                message.header.requestId = round.isMultiple(of: 2) ? Hash32.zero : nil
                message.batchGasCost = round.isMultiple(of: 3) ? 100 : nil
                message.l2Msg = bytes[...]
                do {
                    let txs = try decoder.transactions(of: message)
                    for tx in txs { #expect(tx.hash == Keccak256.hash(Array(tx.raw))) }
                } catch {
                    #expect(error.sequenceNumber == message.sequenceNumber)
                    if error.place == .l2Msg { #expect(error.offset >= 0 && error.offset <= bytes.count) }
                }
            }
        }
    }
}
