/// What `SequenceTracker` decided about one message's sequence number.
enum SequenceVerdict: Equatable, Sendable {
    /// The next one expected (or the very first).
    case inOrder
    /// New, but `missing` numbers between the previous newest and it have not been seen.
    case gap(missing: UInt64)
    /// Older than the newest seen but never seen itself: it fills (part of) an earlier gap.
    case outOfOrder
    /// Seen before (or older than where this client was told to start): drop it.
    case duplicate

    /// Whether the message should go on to the decode loop.
    var isNew: Bool { self != .duplicate }
}

/// Decides, for sequence numbers in order of arrival (from any number of connections), which are
/// new, duplicates, gaps or late arrivals, and publishes the resume point.
///
/// Owned by the single consumer (the decode loop): a value type with no locks. Its only shared
/// state is `ResumePoint`, an atomic the connection tasks read. Memory is bounded: it remembers
/// at most `maximumHoles` unfilled gaps (ranges of missing numbers); when there are more, the
/// oldest is forgotten, and a number from it arriving later is treated as a duplicate.
struct SequenceTracker {
    /// The newest sequence number accepted, if any.
    private(set) var newest: UInt64?
    /// The first number expected before anything is seen (a resume point given at start).
    private let start: UInt64?
    /// Missing numbers below `newest`, as disjoint ranges in ascending order.
    private(set) var holes: [ClosedRange<UInt64>] = []
    /// The most holes remembered.
    let maximumHoles: Int
    /// Where reconnecting connections read the next number to request.
    let resumePoint: ResumePoint
    /// Counters for duplicates, gap events and missing messages, out-of-order and delivered messages (optional for tests).
    let stats: FeedStats?

    /// A tracker that expects `resumePoint.next` first (or takes the first number it sees as the
    /// start, when there is none).
    init(resumePoint: ResumePoint, stats: FeedStats? = nil, maximumHoles: Int = 1024) {
        self.start = resumePoint.next
        self.resumePoint = resumePoint
        self.stats = stats
        self.maximumHoles = max(1, maximumHoles)
    }

    /// The count of numbers still missing below the newest (gaps not filled since).
    var outstandingMissing: UInt64 {
        holes.reduce(0) { $0 &+ ($1.upperBound - $1.lowerBound + 1) }
    }

    /// Classifies `sequenceNumber`, remembers it and counts it.
    mutating func observe(_ sequenceNumber: UInt64) -> SequenceVerdict {
        let verdict = classify(sequenceNumber)
        if let stats {
            switch verdict {
            case .inOrder: break
            case .gap(let missing):
                FeedStats.add(stats.gapEvents)
                FeedStats.add(stats.missingMessages, missing)
            case .outOfOrder: FeedStats.add(stats.outOfOrder)
            case .duplicate: FeedStats.add(stats.duplicates)
            }
            if verdict.isNew { FeedStats.add(stats.messagesDelivered) }
        }
        return verdict
    }

    private mutating func classify(_ seq: UInt64) -> SequenceVerdict {
        guard let newest else {
            // Nothing accepted yet: the first one defines the stream, unless a start was given.
            if let start, seq < start { return .duplicate }
            accept(newest: seq)
            if let start, seq > start {
                remember(hole: start...(seq - 1))
                return .gap(missing: seq - start)
            }
            return .inOrder
        }
        if seq > newest {
            accept(newest: seq)
            let missing = seq - newest - 1
            if missing == 0 { return .inOrder }
            remember(hole: (newest + 1)...(seq - 1))
            return .gap(missing: missing)
        }
        return fill(seq) ? .outOfOrder : .duplicate
    }

    private mutating func accept(newest seq: UInt64) {
        newest = seq
        resumePoint.advance(past: seq)
    }

    private mutating func remember(hole: ClosedRange<UInt64>) {
        holes.append(hole)
        if holes.count > maximumHoles { holes.removeFirst(holes.count - maximumHoles) }
    }

    /// Removes `seq` from the holes; false when it was not missing.
    private mutating func fill(_ seq: UInt64) -> Bool {
        // Binary search for the last hole starting at or below seq.
        var low = 0
        var high = holes.count
        while low < high {
            let mid = (low + high) / 2
            if holes[mid].lowerBound <= seq { low = mid + 1 } else { high = mid }
        }
        let i = low - 1
        guard i >= 0, holes[i].contains(seq) else { return false }
        let hole = holes[i]
        var replacement: [ClosedRange<UInt64>] = []
        if hole.lowerBound < seq { replacement.append(hole.lowerBound...(seq - 1)) }
        if seq < hole.upperBound { replacement.append((seq + 1)...hole.upperBound) }
        holes.replaceSubrange(i...i, with: replacement)
        return true
    }
}
