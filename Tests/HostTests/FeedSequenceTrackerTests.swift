@testable import Host
import Kernel
import Testing

/// `SequenceTracker`: new, duplicate, gap, out-of-order, and the resume point it publishes.
@Suite struct FeedSequenceTrackerTests {
    @Test func inOrderAdvancesTheResumePoint() {
        let resume = ResumePoint()
        var tracker = SequenceTracker(resumePoint: resume)
        #expect(resume.next == nil)
        #expect(tracker.observe(10) == .inOrder)
        #expect(tracker.observe(11) == .inOrder)
        #expect(tracker.observe(12) == .inOrder)
        #expect(resume.next == 13)
        #expect(tracker.newest == 12)
    }

    @Test func duplicatesAreDroppedAndCounted() {
        let stats = FeedStats()
        var tracker = SequenceTracker(resumePoint: ResumePoint(), stats: stats)
        #expect(tracker.observe(10) == .inOrder)
        #expect(tracker.observe(11) == .inOrder)
        #expect(tracker.observe(11) == .duplicate)
        #expect(tracker.observe(10) == .duplicate)
        #expect(tracker.observe(3) == .duplicate)
        #expect(stats.snapshot.duplicates == 3)
        #expect(stats.snapshot.messagesDelivered == 2)
        #expect(tracker.resumePoint.next == 12)
    }

    /// Each jump is one gap event; the numbers it skips are missing messages.
    @Test func gapEventsAndMissingMessagesAreCountedApart() {
        let stats = FeedStats()
        var tracker = SequenceTracker(resumePoint: ResumePoint(), stats: stats)
        #expect(tracker.observe(10) == .inOrder)
        #expect(tracker.observe(14) == .gap(missing: 3))
        #expect(tracker.observe(15) == .inOrder)
        #expect(tracker.observe(20) == .gap(missing: 4))
        #expect(tracker.observe(21) == .inOrder)
        #expect(tracker.observe(1_000_021) == .gap(missing: 999_999))
        #expect(stats.snapshot.gapEvents == 3)
        #expect(stats.snapshot.missingMessages == 1_000_006)
        #expect(tracker.outstandingMissing == 1_000_006)
        #expect(tracker.resumePoint.next == 1_000_022)
        // A late arrival fills a hole without undoing the counts; a duplicate adds to neither.
        #expect(tracker.observe(12) == .outOfOrder)
        #expect(tracker.observe(12) == .duplicate)
        #expect(stats.snapshot.gapEvents == 3)
        #expect(stats.snapshot.missingMessages == 1_000_006)
        #expect(tracker.outstandingMissing == 1_000_005)
    }

    /// A first message past the given start point is one gap event of `first - start` missing messages.
    @Test func aGapBeforeTheFirstMessageIsOneEvent() {
        let stats = FeedStats()
        var tracker = SequenceTracker(resumePoint: ResumePoint(next: 100), stats: stats)
        #expect(tracker.observe(103) == .gap(missing: 3))
        #expect(stats.snapshot.gapEvents == 1)
        #expect(stats.snapshot.missingMessages == 3)
    }

    /// The summary keys: both counts, where "gaps" used to be.
    @Test func theCountersPrintBothCounts() {
        let stats = FeedStats()
        var tracker = SequenceTracker(resumePoint: ResumePoint(), stats: stats)
        _ = tracker.observe(1)
        _ = tracker.observe(5)
        let rendered = stats.snapshot.json.rendered
        #expect(rendered.contains(#""duplicates":0,"gapEvents":1,"missingMessages":3,"outOfOrder":0"#))
        #expect(!rendered.contains(#""gaps""#))
    }

    @Test func lateArrivalsFillGapsOnce() {
        let stats = FeedStats()
        var tracker = SequenceTracker(resumePoint: ResumePoint(), stats: stats)
        _ = tracker.observe(10)
        _ = tracker.observe(14)  // 11, 12, 13 missing
        #expect(tracker.observe(12) == .outOfOrder)
        #expect(tracker.observe(12) == .duplicate)
        #expect(tracker.observe(11) == .outOfOrder)
        #expect(tracker.observe(13) == .outOfOrder)
        #expect(tracker.observe(13) == .duplicate)
        #expect(tracker.observe(9) == .duplicate)
        #expect(tracker.outstandingMissing == 0)
        #expect(tracker.holes.isEmpty)
        #expect(stats.snapshot.outOfOrder == 3)
        #expect(stats.snapshot.duplicates == 3)
        // A late arrival does not move the resume point back.
        #expect(tracker.resumePoint.next == 15)
    }

    @Test func aGivenStartPointDropsOlderAndCountsAGapToTheFirst() {
        var fromStart = SequenceTracker(resumePoint: ResumePoint(next: 100))
        #expect(fromStart.observe(99) == .duplicate)
        #expect(fromStart.observe(100) == .inOrder)
        #expect(fromStart.resumePoint.next == 101)

        var ahead = SequenceTracker(resumePoint: ResumePoint(next: 100))
        #expect(ahead.observe(103) == .gap(missing: 3))
        #expect(ahead.observe(101) == .outOfOrder)
    }

    @Test func forgetsTheOldestHoleBeyondItsLimit() {
        var tracker = SequenceTracker(resumePoint: ResumePoint(), maximumHoles: 2)
        _ = tracker.observe(1)
        _ = tracker.observe(3)  // hole 2
        _ = tracker.observe(5)  // hole 4
        _ = tracker.observe(7)  // hole 6; hole 2 forgotten
        #expect(tracker.holes == [4...4, 6...6])
        #expect(tracker.observe(2) == .duplicate)
        #expect(tracker.observe(4) == .outOfOrder)
    }

    @Test func theLargestNumbersDoNotOverflow() {
        var tracker = SequenceTracker(resumePoint: ResumePoint())
        #expect(tracker.observe(.max - 2) == .inOrder)
        #expect(tracker.observe(.max) == .gap(missing: 1))
        #expect(tracker.observe(.max) == .duplicate)
        #expect(tracker.resumePoint.next == UInt64.max - 1)
    }

    @Test func admissionDeliversOnlyNewMessages() {
        let stats = FeedStats()
        var admission = FeedAdmission(decoder: FeedDecoder(), resumePoint: ResumePoint(), stats: stats)
        func frame(_ bytes: [UInt8]) -> ReceivedFrame {
            ReceivedFrame(bytes: bytes, receivedAt: .now, receivedAtUnixNanos: 0, source: 0)
        }
        #expect(admission.admit(frame(FeedTestFrames.frame(sequenceNumbers: [5, 6])))?.sequenceNumbers == [5, 6])
        #expect(admission.admit(frame(FeedTestFrames.frame(sequenceNumbers: [6, 7])))?.sequenceNumbers == [7])
        #expect(admission.admit(frame(FeedTestFrames.frame(sequenceNumbers: [5]))) == nil)
        guard case .noMessages = admission.admit(frame(FeedTestFrames.confirmed(7)))?.content else {
            Issue.record("a confirmed-sequence-number frame is delivered as having no messages")
            return
        }
        guard case .malformed = admission.admit(frame(Array("garbage".utf8)))?.content else {
            Issue.record("garbage not reported as malformed")
            return
        }
        let counts = stats.snapshot
        #expect(counts.malformedFrames == 1)
        #expect(counts.duplicates == 2)
        #expect(counts.messagesDelivered == 3)
    }
}
