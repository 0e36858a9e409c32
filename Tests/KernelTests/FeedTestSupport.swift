import Foundation
import Kernel

/// Frames and messages for the feed tests: the real ones from `Fixtures/feed/`, and synthetic
/// ones written as JSON text the way Nitro's server writes them.
enum FeedFixture {
    /// The bytes of `Fixtures/feed/<name>`.
    static func bytes(_ name: String) throws -> [UInt8] {
        Array(try Fixture.data("feed/" + name))
    }

    /// The frame of a fixture file: frames as they are; a bare `BroadcastFeedMessage` or a bare
    /// `MessageWithMetadata` wrapped into a version-1 frame (the latter with sequence number 0).
    static func frame(_ name: String) throws -> [UInt8] {
        var text = String(decoding: try bytes(name), as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        if text.hasPrefix("{\"sequenceNumber\"") {
            text = "{\"version\":1,\"messages\":[\(text)]}"
        } else if text.hasPrefix("{\"message\"") {
            text = "{\"version\":1,\"messages\":[{\"sequenceNumber\":0,\"message\":\(text)}]}"
        }
        return Array(text.utf8)
    }

    /// `expected_decodes.json` (kept in the project as `tx/feed_expected_decodes.json`).
    static func expected() throws -> [String: [String: Any]] {
        try Fixture.json("tx/feed_expected_decodes.json") as? [String: [String: Any]] ?? [:]
    }

    /// The sequencer's poster address.
    static let sequencer = "0xa4b000000000000000000073657175656e636572"

    /// One `BroadcastFeedMessage` as JSON text.
    static func message(
        seq: UInt64 = 1000, kind: Int = 3, sender: String = sequencer, blockNumber: UInt64 = 20_969_771,
        timestamp: UInt64 = 1_728_980_884, requestId: String? = nil, baseFeeL1: String? = nil, l2Msg: [UInt8],
        delayed: UInt64 = 7, extraIncoming: String = ""
    ) -> String {
        let rid = requestId.map { "\"\($0)\"" } ?? "null"
        let fee = baseFeeL1 ?? "null"
        return """
            {"sequenceNumber":\(seq),"message":{"message":{"header":{"kind":\(kind),"sender":"\(sender)",\
            "blockNumber":\(blockNumber),"timestamp":\(timestamp),"requestId":\(rid),"baseFeeL1":\(fee)},\
            "l2Msg":"\(Data(l2Msg).base64EncodedString())"\(extraIncoming)},"delayedMessagesRead":\(delayed)},\
            "signatureV2":null}
            """
    }

    /// A version-1 frame holding `messages` (JSON texts), ending with a newline as Nitro's encoder writes it.
    static func frame(messages: [String]) -> [UInt8] {
        Array("{\"version\":1,\"messages\":[\(messages.joined(separator: ","))]}\n".utf8)
    }

    /// The one entry of a one-message frame.
    static func entry(_ frame: [UInt8], decoder: FeedDecoder = FeedDecoder()) throws -> FeedEntry? {
        try decoder.decode(frame).entries.first
    }
}

/// Builders of L2 payloads.
enum L2Payload {
    /// 8-byte big-endian length prefix.
    static func length(_ n: UInt64) -> [UInt8] { (0..<8).map { UInt8(truncatingIfNeeded: n >> (56 - 8 * $0)) } }
    /// A batch (kind 3) of segments.
    static func batch(_ segments: [[UInt8]]) -> [UInt8] { [3] + segments.flatMap { length(UInt64($0.count)) + $0 } }
    /// A signed-transaction message (kind 4).
    static func signed(_ raw: [UInt8]) -> [UInt8] { [4] + raw }
    /// A 32-byte big-endian word.
    static func word(_ v: UInt256) -> [UInt8] { v.bigEndianBytes }
    /// A 32-byte word holding a 64-bit value.
    static func word(_ v: UInt64) -> [UInt8] { UInt256(v).bigEndianBytes }
    /// An address left-padded to 32 bytes.
    static func word(_ a: Address) -> [UInt8] { [UInt8](repeating: 0, count: 12) + a.bytes }
}

extension String {
    /// The UTF-8 offset of the first occurrence of `needle`.
    func byteOffset(of needle: String) -> Int? {
        guard let r = range(of: needle) else { return nil }
        return utf8.distance(from: startIndex, to: r.lowerBound)
    }
}
