import Foundation
@testable import Kernel
import Testing

/// Malformed frames give typed errors with the message's sequence number and the byte offset,
/// and one bad message does not lose the frame's others.
@Suite struct FeedMalformedTests {
    /// A real signed transaction (the docs frame's EIP-1559 tx) for synthetic messages.
    static func realTx() throws -> [UInt8] {
        let expected = try #require(try FeedFixture.expected()["arb1_frame_seq25757171_docs.json"])
        let tx = try #require((expected["transactions"] as? [[String: Any]])?.first)
        return try [UInt8](hexFixture: try #require(tx["raw"] as? String))
    }

    static func expectThrows(_ frame: [UInt8], _ kind: FeedError.Kind, at offset: Int? = nil, seq: UInt64? = nil,
                             decoder: FeedDecoder = FeedDecoder(), sourceLocation: SourceLocation = #_sourceLocation) {
        do {
            let decoded = try decoder.decode(frame)
            Issue.record("decoded instead of throwing \(kind): \(decoded.entries.count) entries", sourceLocation: sourceLocation)
        } catch {
            #expect(error.kind == kind, sourceLocation: sourceLocation)
            if let offset { #expect(error.offset == offset, "\(error)", sourceLocation: sourceLocation) }
            #expect(error.sequenceNumber == seq, sourceLocation: sourceLocation)
            #expect(error.place == .frame, sourceLocation: sourceLocation)
        }
    }

    // MARK: JSON

    @Test func badJSONThrowsWithOffset() throws {
        Self.expectThrows([], .invalidJSON, at: 0)
        Self.expectThrows(Array("   ".utf8), .invalidJSON, at: 3)
        Self.expectThrows(Array("{\"version\":1,}".utf8), .invalidJSON, at: 13)
        Self.expectThrows(Array("{\"version\":1 \"messages\":[]}".utf8), .invalidJSON, at: 13)
        Self.expectThrows(Array("{\"version\":01}".utf8), .invalidJSON, at: 12)
        Self.expectThrows(Array("{\"version\":1}x".utf8), .invalidJSON, at: 13)
        Self.expectThrows(Array("{\"version\":1}{}".utf8), .invalidJSON, at: 13)
        Self.expectThrows(Array("{\"version\":tru}".utf8), .invalidJSON, at: 14)
        Self.expectThrows(Array("{\"a\":\"\\x\"}".utf8), .invalidJSON, at: 7)
        Self.expectThrows(Array("{\"a\":\"\u{01}\"}".utf8), .invalidJSON, at: 6)
        Self.expectThrows(Array("{\"a\":-}".utf8), .invalidJSON, at: 6)
        Self.expectThrows(Array("{\"a\":1.}".utf8), .invalidJSON, at: 7)
        Self.expectThrows(Array("{\"a\":1e}".utf8), .invalidJSON, at: 7)
        Self.expectThrows(Array("[1]".utf8), .typeMismatch, at: 0)
        Self.expectThrows(Array("{\"version\":1,\"messages\":{}}".utf8), .typeMismatch, at: 24)
        Self.expectThrows(Array("{\"version\":1.5}".utf8), .invalidNumber, at: 11)
    }

    @Test func truncatedRealFrameThrowsAtItsEnd() throws {
        let frame = try FeedFixture.frame("arb1_frame_seq243170738.json")
        for cut in [1, 20, 100, 600, frame.count - 3, frame.count - 1] {
            let head = Array(frame[0..<cut])
            do {
                _ = try FeedDecoder().decode(head)
                Issue.record("a frame cut at \(cut) decoded")
            } catch {
                #expect(error.kind == .invalidJSON)
                #expect(error.offset <= cut)
                // Cut inside the message after its sequence number: the error names it.
                if cut > 60 && cut < frame.count - 2 { #expect(error.sequenceNumber == 243_170_738) }
                if cut >= frame.count - 2 { #expect(error.sequenceNumber == nil) }
            }
        }
    }

    @Test func deepJSONNestingIsRefused() {
        let deep = "{\"version\":1,\"x\":" + String(repeating: "[", count: 100) + String(repeating: "]", count: 100) + "}"
        Self.expectThrows(Array(deep.utf8), .jsonTooDeep, at: 17 + 63)
        let fine = "{\"version\":1,\"x\":" + String(repeating: "[", count: 60) + String(repeating: "]", count: 60) + "}"
        #expect(throws: Never.self) { try FeedDecoder().decode(Array(fine.utf8)) }
    }

    @Test func tenMegabyteFrames() throws {
        // One message whose l2Msg is ~7.5 MB: read, but its payload refused without decoding it.
        let big = [UInt8](repeating: 4, count: 7_500_000)
        let text = FeedFixture.message(seq: 77, l2Msg: big)
        let frame = FeedFixture.frame(messages: [FeedFixture.message(seq: 76, l2Msg: L2Payload.signed(try Self.realTx())), text])
        #expect(frame.count > 10_000_000)
        let decoded = try FeedDecoder().decode(frame)
        #expect(decoded.entries.count == 2)
        #expect(decoded.entries[0].transactions.count == 1)
        let error = try #require(decoded.entries[1].error)
        #expect(error.kind == .messageTooLarge)
        #expect(error.sequenceNumber == 77)
        #expect(error.place == .frame)
        let l2At = try #require(String(decoding: frame, as: UTF8.self).byteOffset(of: "\"l2Msg\":\"BAQE"))
        #expect(error.offset == l2At + 8)
        #expect(decoded.entries[1].message.l2Msg.isEmpty)

        // The same frame over the decoder's size limit is refused before scanning.
        Self.expectThrows(frame, .frameTooLarge, at: 1 << 20, decoder: FeedDecoder(maxFrameSize: 1 << 20))
        // Ten megabytes of garbage and of an unterminated string.
        Self.expectThrows([UInt8](repeating: 0x41, count: 10_000_000), .invalidJSON, at: 0)
        Self.expectThrows(Array("{\"version\":1,\"x\":\"".utf8) + [UInt8](repeating: 0x41, count: 10_000_000), .invalidJSON)
    }

    @Test func unsupportedVersionIsReportedNotRefused() throws {
        let good = FeedFixture.message(seq: 5, l2Msg: L2Payload.signed(try Self.realTx()))
        for text in ["{\"version\":2,\"messages\":[\(good)]}", "{\"messages\":[\(good)],\"version\":2}",
                     "{\"messages\":[\(good)]}", "{\"version\":null,\"messages\":[\(good)]}", "{\"version\":-1}"] {
            let frame = try FeedDecoder().decode(Array(text.utf8))
            #expect(!frame.isSupportedVersion)
            #expect(frame.entries.isEmpty && frame.errors.isEmpty)
        }
        #expect(try FeedDecoder().decode(Array("{\"version\":2}".utf8)).version == 2)
    }

    // MARK: Per-message errors

    @Test func badBase64FailsOnlyItsMessage() throws {
        let tx = try Self.realTx()
        var bad = FeedFixture.message(seq: 11, l2Msg: L2Payload.signed(tx))
        let start = try #require(bad.byteOffset(of: "\"l2Msg\":\"")) + 9
        var chars = Array(bad.utf8)
        chars[start + 10] = UInt8(ascii: "*")
        bad = String(decoding: chars, as: UTF8.self)
        let before = FeedFixture.message(seq: 10, l2Msg: L2Payload.signed(tx))
        let after = FeedFixture.message(seq: 12, l2Msg: L2Payload.signed(tx))
        let frameText = "{\"version\":1,\"messages\":[\(before),\(bad),\(after)]}"
        let frame = try FeedDecoder().decode(Array(frameText.utf8))
        #expect(frame.entries.map(\.sequenceNumber) == [10, 12])
        #expect(frame.entries.allSatisfy { $0.transactions.count == 1 && $0.error == nil })
        let error = try #require(frame.errors.first)
        #expect(frame.errors.count == 1)
        #expect(error.kind == .invalidBase64)
        #expect(error.sequenceNumber == 11)
        #expect(error.field == "message.message.l2Msg")
        let badStart = try #require(frameText.byteOffset(of: "{\"sequenceNumber\":11"))
        #expect(error.offset == badStart + start + 10)
        #expect(error.underlying?.kind == .invalidValue)
    }

    @Test(arguments: [
        // (l2Msg text, underlying kind, offset of the bad character inside the text)
        ("BAL", DecodingError.Kind.wrongLength, 3),
        ("BA", .wrongLength, 2),
        ("BA=A", .invalidValue, 3),
        ("B===", .invalidValue, 1),
        ("BB==", .nonCanonical, 1),
        ("BAF=", .nonCanonical, 2),
        ("BA==BA==", .invalidValue, 2),
        ("BA A", .invalidValue, 2),
        ("BAL4\\n", .wrongLength, 0),
    ])
    func strictBase64(text: String, underlying: DecodingError.Kind, offset: Int) throws {
        let template = FeedFixture.message(seq: 3, l2Msg: [])
        let message = template.replacingOccurrences(of: "\"l2Msg\":\"\"", with: "\"l2Msg\":\"\(text)\"")
        let frameText = "{\"version\":1,\"messages\":[\(message)]}"
        let frame = try FeedDecoder().decode(Array(frameText.utf8))
        let error = try #require(frame.errors.first)
        #expect(error.kind == .invalidBase64)
        #expect(error.underlying?.kind == underlying)
        #expect(error.sequenceNumber == 3)
        #expect(error.offset == (try #require(frameText.byteOffset(of: "\"l2Msg\":\""))) + 9 + offset)
    }

    @Test(arguments: [
        ("\"sequenceNumber\":1000", "\"sequenceNumber\":\"1000\"", FeedError.Kind.typeMismatch, "sequenceNumber", UInt64?.none),
        ("\"sequenceNumber\":1000", "\"sequenceNumber\":null", .typeMismatch, "sequenceNumber", nil),
        ("\"sequenceNumber\":1000", "\"sequenceNumber\":18446744073709551616", .numberTooLarge, "sequenceNumber", nil),
        ("\"sequenceNumber\":1000", "\"sequenceNumber\":-1", .invalidNumber, "sequenceNumber", nil),
        ("\"sequenceNumber\":1000", "\"sequenceNumber\":1e3", .invalidNumber, "sequenceNumber", nil),
        ("\"sequenceNumber\":1000,", "", .missingField, "sequenceNumber", nil),
        ("\"kind\":3", "\"kind\":256", .numberTooLarge, "message.message.header.kind", 1000),
        ("\"timestamp\":1728980884", "\"timestamp\":1.5", .invalidNumber, "message.message.header.timestamp", 1000),
        ("\"timestamp\":1728980884,", "", .missingField, "message.message.header.timestamp", 1000),
        ("\"sender\":\"0xa4b0", "\"sender\":\"0xz4b0", .invalidHex, "message.message.header.sender", 1000),
        ("\"sender\":\"0xa4b0", "\"sender\":\"0xa4b00", .invalidHex, "message.message.header.sender", 1000),
        ("\"sender\":\"0xa4b0", "\"sender\":\"a4b0", .invalidHex, "message.message.header.sender", 1000),
        ("\"requestId\":null", "\"requestId\":\"0x01\"", .invalidHex, "message.message.header.requestId", 1000),
        ("\"baseFeeL1\":null", "\"baseFeeL1\":-5", .invalidNumber, "message.message.header.baseFeeL1", 1000),
        ("\"baseFeeL1\":null", "\"baseFeeL1\":\"5\"", .typeMismatch, "message.message.header.baseFeeL1", 1000),
        ("\"baseFeeL1\":null", "\"baseFeeL1\":" + String(repeating: "9", count: 78), .numberTooLarge,
         "message.message.header.baseFeeL1", 1000),
        ("\"delayedMessagesRead\":7", "\"delayedMessagesRead\":true", .typeMismatch, "message.delayedMessagesRead", 1000),
        ("\"signatureV2\":null", "\"signatureV2\":5", .typeMismatch, "signatureV2", 1000),
        ("\"signatureV2\":null", "\"blockHash\":\"0x12\"", .invalidHex, "blockHash", 1000),
        ("\"message\":{\"message\":{\"header\":", "\"message\":{\"message\":{\"heder\":", .missingField,
         "message.message.header", 1000),
        ("\"message\":{\"message\":{", "\"message\":{\"message\":[],\"x\":{", .typeMismatch, "message.message", 1000),
    ])
    func badFieldFailsItsMessageWithSequenceNumber(
        find: String, replace: String, kind: FeedError.Kind, field: String, seq: UInt64?
    ) throws {
        let good = FeedFixture.message(seq: 999, l2Msg: L2Payload.signed(try Self.realTx()))
        let original = FeedFixture.message(seq: 1000, l2Msg: L2Payload.signed(try Self.realTx()))
        let bad = original.replacingOccurrences(of: find, with: replace)
        #expect(bad != original)
        let frameText = "{\"version\":1,\"messages\":[\(good),\(bad)]}"
        let frame = try FeedDecoder().decode(Array(frameText.utf8))
        #expect(frame.entries.map(\.sequenceNumber) == [999])
        let error = try #require(frame.errors.first)
        #expect(error.kind == kind)
        #expect(error.field == field)
        #expect(error.sequenceNumber == seq)
        #expect(error.place == .frame)
        #expect(error.offset > frameText.byteOffset(of: "{\"sequenceNumber\":1000")
            ?? frameText.byteOffset(of: "\"message\":{\"message\":{\"header\":{\"kind\":3,\"sender\":\"0xa4b0") ?? 0)
    }

    @Test func nullAndNonObjectMessages() throws {
        let good = FeedFixture.message(seq: 1, l2Msg: L2Payload.signed(try Self.realTx()))
        let frame = try FeedDecoder().decode(Array("{\"version\":1,\"messages\":[null,\(good),7]}".utf8))
        #expect(frame.entries.map(\.sequenceNumber) == [1])
        #expect(frame.errors.map(\.kind) == [.typeMismatch])
        #expect(frame.errors.first?.offset == 31 + good.utf8.count)
    }

    @Test func malformedConfirmedSequenceNumberKeepsMessages() throws {
        let good = FeedFixture.message(seq: 1, l2Msg: L2Payload.signed(try Self.realTx()))
        let frame = try FeedDecoder().decode(Array(
            "{\"version\":1,\"messages\":[\(good)],\"confirmedSequenceNumberMessage\":{\"sequenceNumber\":\"x\"}}".utf8))
        #expect(frame.entries.count == 1)
        #expect(frame.errors.map(\.kind) == [.typeMismatch])
        #expect(frame.errors.first?.field == "confirmedSequenceNumberMessage.sequenceNumber")
        #expect(frame.confirmedSequenceNumber == nil)
    }

    // MARK: L2 payloads

    @Test func truncatedL2MessagesFailWithOffsets() throws {
        let tx = try Self.realTx()
        // A signed transaction cut short: the decoder's error at its offset in l2Msg.
        let cut = try #require(try FeedFixture.entry(FeedFixture.frame(messages: [
            FeedFixture.message(seq: 21, l2Msg: L2Payload.batch([L2Payload.signed(tx), L2Payload.signed(Array(tx.dropLast(10)))])),
        ])))
        let error = try #require(cut.error)
        #expect(error.kind == .invalidTransaction)
        #expect(error.sequenceNumber == 21)
        #expect(error.place == .l2Msg)
        #expect(error.underlying?.kind == .truncated)
        // The second segment's transaction starts after kind, length, segment 1, length, kind.
        #expect(error.offset == 1 + 8 + (1 + tx.count) + 8 + 1 + (error.underlying?.offset ?? -1))
        #expect(cut.transactions.isEmpty)

        // An unsigned user transaction (kind 0) shorter than its fixed fields.
        let unsigned = try #require(try FeedFixture.entry(FeedFixture.frame(messages: [
            FeedFixture.message(seq: 22, l2Msg: [0] + L2Payload.word(UInt64(21000)) + [UInt8](repeating: 0, count: 40)),
        ])))
        #expect(unsigned.error == FeedError(.truncated, at: 65, in: .l2Msg, field: "nonce", sequenceNumber: 22))

        // Empty payloads.
        let empty = try FeedFixture.entry(FeedFixture.frame(messages: [FeedFixture.message(seq: 23, l2Msg: [])]))
        #expect(empty?.error == FeedError(.emptyL2Message, at: 0, in: .l2Msg, field: "kind", sequenceNumber: 23))
        let emptySegment = try FeedFixture.entry(FeedFixture.frame(messages: [FeedFixture.message(seq: 24, l2Msg: L2Payload.batch([[]]))]))
        #expect(emptySegment?.error == FeedError(.emptyL2Message, at: 9, in: .l2Msg, field: "kind", sequenceNumber: 24))
        let emptySigned = try FeedFixture.entry(FeedFixture.frame(messages: [FeedFixture.message(seq: 25, l2Msg: [4])]))
        #expect(emptySigned?.error?.kind == .invalidTransaction)
        #expect(emptySigned?.error?.underlying?.kind == .empty)
    }

    @Test func absurdBatchLengthsEndTheBatchSilently() throws {
        let tx = try Self.realTx()
        let segment = L2Payload.signed(tx)
        let cases: [([UInt8], Int)] = [
            (L2Payload.batch([segment]) + L2Payload.length(.max), 1),
            (L2Payload.batch([segment]) + L2Payload.length(UInt64(L2MessageLimits.maxL2MessageSize) + 1) + segment, 1),
            (L2Payload.batch([segment]) + L2Payload.length(UInt64(segment.count) + 1) + segment, 1),
            (L2Payload.batch([segment]) + [0, 0, 0], 1),
            ([3] + L2Payload.length(1 << 40), 0),
            ([3], 0),
            (L2Payload.batch([segment, segment, segment]), 3),
        ]
        for (payload, count) in cases {
            let entry = try #require(try FeedFixture.entry(FeedFixture.frame(messages: [FeedFixture.message(seq: 30, l2Msg: payload)])))
            #expect(entry.error == nil)
            #expect(entry.transactions.count == count)
        }
    }

    @Test func batchesNestSixteenDeepAndNoDeeper() throws {
        var payload = L2Payload.signed(try Self.realTx())
        for _ in 0..<16 { payload = L2Payload.batch([payload]) }
        let ok = try #require(try FeedFixture.entry(FeedFixture.frame(messages: [FeedFixture.message(seq: 40, l2Msg: payload)])))
        #expect(ok.error == nil)
        #expect(ok.transactions.count == 1)

        let tooDeep = L2Payload.batch([payload])
        let entry = try #require(try FeedFixture.entry(FeedFixture.frame(messages: [FeedFixture.message(seq: 41, l2Msg: tooDeep)])))
        #expect(entry.transactions.isEmpty)
        // The 17th batch's kind byte lies after 16 (kind, length) headers.
        #expect(entry.error == FeedError(.batchTooDeep, at: 16 * 9, in: .l2Msg, field: "batch", sequenceNumber: 41))
    }

    @Test func anErrorInOneSegmentFailsTheWholeMessage() throws {
        let tx = try Self.realTx()
        let entry = try #require(try FeedFixture.entry(FeedFixture.frame(messages: [
            FeedFixture.message(seq: 50, l2Msg: L2Payload.batch([L2Payload.signed(tx), L2Payload.signed(tx), [2]])),
        ])))
        #expect(entry.transactions.isEmpty)
        #expect(entry.error == FeedError(.unsupportedL2Kind, at: 2 * (9 + tx.count) + 9, in: .l2Msg, field: "kind", sequenceNumber: 50))
    }
}
