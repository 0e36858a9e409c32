import Atomics

/// What `StateSync.follow` steps on when heads come from a subscription: a new head's number,
/// or a poll of the head because the subscription has been silent (down, reconnecting, or the
/// node quiet) for longer than the fallback interval.
public enum HeadSignal: Sendable, Equatable {
    /// Step to this block.
    case head(UInt64)
    /// Step to the head `eth_blockNumber` gives.
    case poll

    /// The signals of `heads` (a `HeadSubscription`'s), with a `.poll` after every `fallback`
    /// without a head. Only the newest signal is buffered: a step to the latest head covers the
    /// blocks before it. Ending the returned stream's iteration ends the subscription's.
    public static func signals(from heads: AsyncStream<BlockHeader>, fallback: Duration) -> AsyncStream<HeadSignal> {
        let now = MonotonicNanoseconds.now
        let (signals, continuation) = AsyncStream.makeStream(of: HeadSignal.self, bufferingPolicy: .bufferingNewest(1))
        let lastHead = ManagedAtomic<UInt64>(now())
        let forward = Task {
            for await header in heads {
                lastHead.store(now(), ordering: .relaxed)
                continuation.yield(.head(header.number))
            }
        }
        let fallbackNanos = fallback.nanoseconds
        let ticker = Task {
            while !Task.isCancelled {
                try? await Task.sleep(for: fallback)
                if now() &- lastHead.load(ordering: .relaxed) >= fallbackNanos { continuation.yield(.poll) }
            }
        }
        continuation.onTermination = { _ in
            forward.cancel()
            ticker.cancel()
        }
        return signals
    }
}
