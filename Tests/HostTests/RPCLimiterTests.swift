import Atomics
@testable import Host
import Testing

/// The per-endpoint limits: the concurrency cap never lets more than its limit through, and the
/// token bucket's reservations (computed at given instants, no clock) allow one second's burst
/// and then one token per interval.
@Suite(.timeLimit(.minutes(1))) struct RPCLimiterTests {
    @Test func theCapHoldsAndEveryWaiterGetsThrough() async {
        let limiter = RequestLimiter(limit: 3)
        let inFlight = ManagedAtomic(0)
        let highest = ManagedAtomic(0)
        let done = ManagedAtomic(0)
        await withTaskGroup(of: Void.self) { group in
            for _ in 0..<40 {
                group.addTask {
                    guard await limiter.acquire() else { return }
                    let now = inFlight.wrappingIncrementThenLoad(ordering: .relaxed)
                    var seen = highest.load(ordering: .relaxed)
                    while now > seen, !highest.compareExchange(expected: seen, desired: now, ordering: .relaxed).exchanged {
                        seen = highest.load(ordering: .relaxed)
                    }
                    await Task.yield()
                    inFlight.wrappingDecrement(ordering: .relaxed)
                    done.wrappingIncrement(ordering: .relaxed)
                    limiter.release()
                }
            }
        }
        #expect(highest.load(ordering: .relaxed) <= 3)
        #expect(highest.load(ordering: .relaxed) >= 1)
        #expect(done.load(ordering: .relaxed) == 40)
    }

    @Test func aCancelledWaiterLeavesWithoutAPlace() async {
        let limiter = RequestLimiter(limit: 1)
        #expect(await limiter.acquire())
        let waiter = Task { await limiter.acquire() }
        waiter.cancel()
        #expect(await waiter.value == false)
        limiter.release()
        // The place went back to the limiter, not to the cancelled waiter.
        #expect(await limiter.acquire())
    }

    @Test func theBucketAllowsABurstThenOneTokenPerInterval() {
        let second: UInt64 = 1_000_000_000
        let bucket = RateLimiter(perSecond: 4)
        let start = 10 * second
        // A full bucket: four tokens at once.
        #expect((0..<4).map { _ in bucket.reserve(at: start) } == [start, start, start, start])
        // Then one each quarter second.
        #expect(bucket.reserve(at: start) == start + second / 4)
        #expect(bucket.reserve(at: start) == start + second / 2)
        // After a quiet second and a half the bucket is full again.
        let later = start + 2 * second
        #expect((0..<4).map { _ in bucket.reserve(at: later) } == [later, later, later, later])
        #expect(bucket.reserve(at: later) == later + second / 4)
    }
}
