import Foundation
@testable import Host
import Kernel
import Logging
import Testing

/// Feed frames shaped like nitro's `BroadcastMessage` (FEED_FORMAT.md §2), made up for tests.
enum FeedTestFrames {
    /// A frame carrying one message per sequence number, ending with `\n` as nitro's encoder does.
    static func frame(sequenceNumbers: [UInt64]) -> [UInt8] {
        let messages = sequenceNumbers.map { seq in
            let l2Msg = Data(signedTransactionMessage).base64EncodedString()
            let blockHash = "0x" + String(format: "%064llx", seq &* 0x9E37_79B9_7F4A_7C15)
            return #"{"sequenceNumber":\#(seq),"message":{"message":{"header":{"kind":3,"sender":"0xa4b000000000000000000073657175656e636572","blockNumber":\#(20_000_000 + seq / 48),"timestamp":\#(1_729_324_962 + seq / 4),"requestId":null,"baseFeeL1":null},"l2Msg":"\#(l2Msg)"},"delayedMessagesRead":1724493},"blockHash":"\#(blockHash)","signatureV2":null}"#
        }
        return Array((#"{"version":1,"messages":["# + messages.joined(separator: ",") + "]}\n").utf8)
    }

    /// An L2 message of kind 4 (SignedTx) holding the EIP-155 worked example transaction
    /// (ethereum/EIPs `EIPS/eip-155.md`), as a real sequencer message would hold one transaction.
    static let signedTransactionMessage: [UInt8] = [4] + ((try? Hex.decode(DecodeTxCommandTests.eip155)) ?? [])

    /// A frame with only a confirmed sequence number.
    static func confirmed(_ seq: UInt64) -> [UInt8] {
        Array(#"{"version":1,"confirmedSequenceNumberMessage":{"sequenceNumber":\#(seq)}}"#.utf8) + [0x0A]
    }

    /// `frames` frames of consecutive messages from `first`: every 7th carries two messages and a
    /// confirmed-sequence-number frame follows every 20th; receive times 250 ms apart.
    static func recording(first: UInt64, frames: Int) -> (frames: [RecordedFrame], sequenceNumbers: [UInt64]) {
        var out: [RecordedFrame] = []
        var all: [UInt64] = []
        var next = first
        var time: UInt64 = 1_729_324_962_000_000_000
        for i in 0..<frames {
            let numbers = i % 7 == 6 ? [next, next + 1] : [next]
            next += UInt64(numbers.count)
            all += numbers
            time += 250_000_000
            out.append(RecordedFrame(receivedAtUnixNanos: time, bytes: frame(sequenceNumbers: numbers)))
            if i % 20 == 19 {
                out.append(RecordedFrame(receivedAtUnixNanos: time + 1, bytes: confirmed(next - 10)))
            }
        }
        return (out, all)
    }
}

/// A logger that drops everything, so test output stays readable.
let quietLogger = Logger(label: "test.feed") { _ in SwiftLogNoOpLogHandler() }

/// What a test's decode loop saw, readable from the test while the loop runs.
final class DeliveryCollector: @unchecked Sendable {
    private let lock = NSLock()
    private var _sequenceNumbers: [UInt64] = []
    private var _sources: [Int] = []
    private var _malformed = 0

    func add(_ delivery: FeedDelivery) {
        lock.lock()
        defer { lock.unlock() }
        switch delivery.content {
        case .messages(let entries):
            let numbers = entries.map(\.sequenceNumber)
            _sequenceNumbers += numbers
            _sources += Array(repeating: delivery.frame.source, count: numbers.count)
        case .noMessages: break
        case .malformed: _malformed += 1
        }
    }

    /// New messages delivered, in order.
    var sequenceNumbers: [UInt64] { lock.withLock { _sequenceNumbers } }
    /// The source of each of them.
    var sources: [Int] { lock.withLock { _sources } }
    /// How many new messages so far.
    var count: Int { lock.withLock { _sequenceNumbers.count } }
    /// Malformed frames delivered.
    var malformed: Int { lock.withLock { _malformed } }
}

/// Polls `condition` every 5 ms until it holds; fails the test after `limit` (a bound on the
/// test's run time, not a timing assertion).
func waitUntil(
    _ what: String,
    limit: Duration = .seconds(60),
    sourceLocation: SourceLocation = #_sourceLocation,
    _ condition: () -> Bool
) async throws {
    let deadline = ContinuousClock.now + limit
    while !condition() {
        guard ContinuousClock.now < deadline else {
            Issue.record("gave up waiting for: \(what)", sourceLocation: sourceLocation)
            throw CancellationError()
        }
        try await Task.sleep(for: .milliseconds(5))
    }
}
