import Kernel
import NIOCore

/// How fast `FeedReplayServer` plays a recording.
public enum ReplayPacing: Sendable, Equatable {
    /// As fast as each connection takes them.
    case maximum
    /// With the recorded gaps between receive times, each gap capped at `maximumGap`.
    case recorded(maximumGap: Duration)
    /// A fixed interval between frames.
    case interval(Duration)

    /// The pacing a `--pace` value names: `max`, `recorded` (gaps capped at `maximumGap`) or a
    /// whole number of milliseconds; nil for anything else.
    public init?(pace: String, maximumGap: Duration = .seconds(1)) {
        switch pace {
        case "max": self = .maximum
        case "recorded": self = .recorded(maximumGap: maximumGap)
        default:
            guard let milliseconds = Int(pace), milliseconds >= 0 else { return nil }
            self = .interval(.milliseconds(milliseconds))
        }
    }
}

/// A recording prepared for replay, shared read-only by every connection: the frames as buffers,
/// the newest sequence number in each (to honor a requested start) and each frame's send offset.
final class ReplayScript: Sendable {
    /// The frames' payloads.
    let frames: [ByteBuffer]
    /// The largest sequence number in each frame; nil for frames without messages or undecodable.
    let newestSequenceNumbers: [UInt64?]
    /// When each frame is due, in nanoseconds from the start of the recording; nil at `.maximum`.
    let offsets: [Int64]?

    /// Prepares `frames`, asking `decoder` for each frame's messages.
    init(frames: [RecordedFrame], decoder: FeedDecoder, pacing: ReplayPacing) {
        self.frames = frames.map { ByteBuffer(bytes: $0.bytes) }
        self.newestSequenceNumbers = frames.map { (try? decoder.decode($0.bytes))?.entries.last?.sequenceNumber }
        switch pacing {
        case .maximum:
            offsets = nil
        case .interval(let step):
            let nanos = Self.nanos(step)
            offsets = frames.indices.map { Int64($0) &* nanos }
        case .recorded(let maximumGap):
            let cap = Self.nanos(maximumGap)
            var total: Int64 = 0
            var out: [Int64] = []
            out.reserveCapacity(frames.count)
            for (i, frame) in frames.enumerated() {
                if i > 0 {
                    let previous = frames[i - 1].receivedAtUnixNanos
                    let gap = frame.receivedAtUnixNanos > previous ? frame.receivedAtUnixNanos - previous : 0
                    total = total &+ min(Int64(clamping: gap), cap)
                }
                out.append(total)
            }
            offsets = out
        }
    }

    /// Where a connection asking for `requested` starts: the first frame holding a message at or
    /// after it (frames without messages before that are skipped); 0 when nothing was asked.
    func startIndex(requested: UInt64?) -> Int {
        guard let requested else { return 0 }
        return newestSequenceNumbers.firstIndex { newest in newest.map { $0 >= requested } ?? false } ?? frames.count
    }

    private static func nanos(_ d: Duration) -> Int64 {
        let (s, a) = d.components
        return max(0, s &* 1_000_000_000 &+ a / 1_000_000_000)
    }
}
