import Foundation
@testable import Kernel
import Testing

/// The base64 decoder and the JSON scanner on their own: RFC 4648 vectors, agreement with
/// Foundation, and the JSON that Nitro's Go encoder (or a relay re-encoding it) may write.
@Suite struct FeedScannerTests {
    @Test func base64RFC4648Vectors() throws {
        let vectors = ["": "", "f": "Zg==", "fo": "Zm8=", "foo": "Zm9v", "foob": "Zm9vYg==", "fooba": "Zm9vYmE=", "foobar": "Zm9vYmFy"]
        for (plain, encoded) in vectors {
            #expect(try Base64.decode(Array(encoded.utf8)) == Array(plain.utf8))
        }
        #expect(try Base64.decode(Array("3q2+7w==".utf8)) == [0xde, 0xad, 0xbe, 0xef])
        #expect(try Base64.decode(Array("+/+/".utf8)) == [0xfb, 0xff, 0xbf])
    }

    @Test func base64AgreesWithFoundation() throws {
        var rng = SplitMix64(seed: 0xB64)
        for length in 0..<400 {
            let bytes = (0..<length).map { _ in UInt8.random(in: 0...255, using: &rng) }
            let text = Data(bytes).base64EncodedString()
            #expect(try Base64.decode(Array(text.utf8)) == bytes)
        }
    }

    @Test func base64RefusesWhatIsNotCanonical() {
        let bad: [(String, DecodingError.Kind, Int)] = [
            ("Zg=", .wrongLength, 3), ("Zg", .wrongLength, 2), ("Zh==", .nonCanonical, 1), ("Zm9=", .nonCanonical, 2),
            ("Zg==Zg==", .invalidValue, 2), ("Zm9v\nYg==", .wrongLength, 9), ("Zm-v", .invalidValue, 2),
            ("Zm_v", .invalidValue, 2), ("====", .invalidValue, 0), ("Zm9v====", .invalidValue, 4), ("Zmé", .invalidValue, 2),
        ]
        for (text, kind, offset) in bad {
            #expect(throws: DecodingError(kind, at: offset, field: "base64")) { try Base64.decode(Array(text.utf8)) }
        }
    }

    @Test func keysInAnyOrderUnknownKeysWhitespaceAndEscapes() throws {
        let raw = try FeedMalformedTests.realTx()
        let b64 = Data([4] + raw).base64EncodedString()
        // Sorted keys, spaces and newlines, unknown keys holding every JSON type, an escaped key,
        // an escaped base64 (`\/` and `\u0041`), the old "signature" key, a repeated key.
        let escapedB64 = b64.replacingOccurrences(of: "/", with: "\\/").replacingOccurrences(of: "A", with: "\\u0041")
        let text = """
            {
              "confirmedSequenceNumberMessage" : { "sequenceNumber" : 41 , "x": [1, -2.5e-3, "s", true, false, null, {"k": []}] },
              "messages" : [ {
                "blockHash" : null, "blockMetadata" : null,
                "message" : { "delayedMessagesRead" : 5, "extra": {"a": [[], {}]},
                  "message" : { "batchGasCost": null, "batchDataTokens": null,
                    "header" : { "baseFeeL1" : 123456789012345678901234567890, "blockNumber" : 18446744073709551615,
                                 "kind" : 3, "requestId" : null, "sender" : "0XA4B000000000000000000073657175656E636572",
                                 "timestamp" : 1, "newHeaderField": "ignored" },
                    "l2\\u004dsg" : "\(escapedB64)" } },
                "sequenceNumber" : 1, "sequenceNumber" : 42, "signature" : "old", "signatureV2" : null, "future": 1 } ],
              "version" : 1
            }

            """
        let frame = try FeedDecoder().decode(Array(text.utf8))
        #expect(frame.errors.isEmpty)
        #expect(frame.confirmedSequenceNumber == 41)
        let entry = try #require(frame.entries.first)
        #expect(entry.sequenceNumber == 42)
        #expect(entry.message.delayedMessagesRead == 5)
        #expect(entry.header.blockNumber == .max)
        #expect(entry.header.baseFeeL1 == UInt256(decimal: "123456789012345678901234567890"))
        #expect(entry.header.sender.description == FeedFixture.sequencer)
        #expect(Array(entry.message.l2Msg) == [4] + raw)
        #expect(entry.transactions.count == 1)
    }

    @Test func frameAsSliceAndBufferGiveOffsetsFromTheirStart() throws {
        let frame = try FeedFixture.frame("arb1_frame_seq25757171_docs.json")
        let padded = [UInt8](repeating: 0x20, count: 7) + frame
        let fromSlice = try FeedDecoder().decode(padded[7...])
        #expect(fromSlice.entries.first?.transactions.count == 1)
        var broken = padded
        broken[7 + 1] = UInt8(ascii: "?")
        #expect(throws: FeedError(.invalidJSON, at: 1)) { try FeedDecoder().decode(broken[7...]) }
        let fromBuffer = try frame.withUnsafeBytes { try FeedDecoder().decode($0) }
        #expect(fromBuffer.entries.first?.transactions.first?.hash == fromSlice.entries.first?.transactions.first?.hash)
    }

    @Test func decodingWithoutTransactionsKeepsMessages() throws {
        let frame = try FeedDecoder(decodesTransactions: false).decode(try FeedFixture.frame("arb1_frame_seq243170738.json"))
        let entry = try #require(frame.entries.first)
        #expect(entry.transactions.isEmpty && entry.error == nil)
        #expect(try FeedDecoder().transactions(of: entry.message).count == 3)
    }

    @Test func errorDescriptions() {
        let e = FeedError(.truncated, at: 65, in: .l2Msg, field: "nonce", sequenceNumber: 22)
        #expect(e.description == "truncated in nonce at l2Msg byte 65")
        let f = FeedError(.invalidBase64, at: 9, field: "signatureV2", underlying: DecodingError(.invalidValue, at: 2, field: "base64"))
        #expect(f.description == "invalidBase64 in signatureV2 at frame byte 9 (invalidValue in base64 at byte 2)")
    }
}
