import NIOConcurrencyHelpers

/// The hand-over from the connection tasks (any number of producers) to the decode loop (one
/// consumer): a bounded FIFO that never makes a producer wait.
///
/// Policy when full: the **newest** frame is dropped and `FeedStats.framesDroppedByQueue` counts it.
/// Why newest rather than oldest: the frames already queued stay a contiguous, in-order run, so the
/// loss shows up once, at the tail, as a gap in sequence numbers that `SequenceTracker` counts; and
/// the connection that dropped ends at once (`FeedConnection.QueueOverflow`) and reconnects from
/// the last number the decode loop actually accepted, fetching the dropped frames again. Dropping the oldest would
/// instead throw away frames the decoder is about to reach and open the hole in the middle.
///
/// A push is one short critical section (append, maybe take the waiting consumer) and resumes the
/// consumer only when it was waiting. The consumer takes everything waiting in one swap, so it
/// pays one lock per batch, not per frame; `capacity` bounds the frames waiting (the batch the
/// decode loop is working through is its own, at most `capacity` more).
final class FrameQueue: Sendable {
    /// The most frames waiting at once.
    let capacity: Int
    private let stats: FeedStats
    private let state: NIOLockedValueBox<State>

    /// What the lock guards: frames waiting, the parked consumer, and whether input has ended.
    private struct State {
        var waiting: [ReceivedFrame] = []
        var consumer: UnsafeContinuation<Void, Never>?
        var finished = false
    }

    /// An empty queue holding at most `capacity` (at least 1) frames.
    init(capacity: Int, stats: FeedStats) {
        self.capacity = max(1, capacity)
        self.stats = stats
        var initial = State()
        initial.waiting.reserveCapacity(min(self.capacity, 1024))
        self.state = NIOLockedValueBox(initial)
    }

    /// Offers `frame`; false (and counted as dropped) when the queue is full, false when finished.
    @discardableResult
    func push(_ frame: ReceivedFrame) -> Bool {
        let capacity = self.capacity
        let (outcome, consumer) = state.withLockedValue { state -> (Outcome, UnsafeContinuation<Void, Never>?) in
            if state.finished { return (.finished, nil) }
            guard state.waiting.count < capacity else { return (.full, nil) }
            state.waiting.append(frame)
            defer { state.consumer = nil }
            return (.queued, state.consumer)
        }
        consumer?.resume()
        switch outcome {
        case .queued: return true
        case .full:
            FeedStats.add(stats.framesDroppedByQueue)
            return false
        case .finished: return false
        }
    }

    /// What became of one pushed frame.
    private enum Outcome { case queued, full, finished }

    /// Ends the queue: the consumer gets what is waiting, then nothing.
    func finish() {
        let consumer = state.withLockedValue { state -> UnsafeContinuation<Void, Never>? in
            state.finished = true
            defer { state.consumer = nil }
            return state.consumer
        }
        consumer?.resume()
    }

    /// Moves every waiting frame into `batch` (which must be empty), waiting for at least one.
    /// Returns false once the queue is finished and empty, or the task is cancelled while waiting.
    /// One consumer only.
    func take(into batch: inout [ReceivedFrame]) async -> Bool {
        while true {
            let ready = state.withLockedValue { state -> Bool in
                guard !state.waiting.isEmpty else { return state.finished }
                swap(&state.waiting, &batch)
                return true
            }
            if ready { return !batch.isEmpty }
            if Task.isCancelled { return false }
            await withTaskCancellationHandler {
                await withUnsafeContinuation { (continuation: UnsafeContinuation<Void, Never>) in
                    let resumeNow = state.withLockedValue { state -> Bool in
                        if !state.waiting.isEmpty || state.finished || Task.isCancelled { return true }
                        state.consumer = continuation
                        return false
                    }
                    if resumeNow { continuation.resume() }
                }
            } onCancel: {
                let consumer = state.withLockedValue { state -> UnsafeContinuation<Void, Never>? in
                    defer { state.consumer = nil }
                    return state.consumer
                }
                consumer?.resume()
            }
        }
    }

    /// The consumer's side as an async sequence of single frames. Iterate it from one task only.
    var frames: Frames { Frames(queue: self) }

    /// Frames in arrival order, taken a batch at a time.
    struct Frames: AsyncSequence {
        typealias Element = ReceivedFrame
        let queue: FrameQueue

        func makeAsyncIterator() -> Iterator { Iterator(queue: queue) }

        /// Hands out the current batch, refilling it from the queue when it runs out.
        struct Iterator: AsyncIteratorProtocol {
            let queue: FrameQueue
            private var batch: [ReceivedFrame] = []
            private var position = 0

            init(queue: FrameQueue) {
                self.queue = queue
            }

            mutating func next() async -> ReceivedFrame? {
                if position == batch.count {
                    batch.removeAll(keepingCapacity: true)
                    position = 0
                    guard await queue.take(into: &batch) else { return nil }
                }
                defer { position += 1 }
                return batch[position]
            }
        }
    }
}
