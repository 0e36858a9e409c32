import NIOConcurrencyHelpers

/// Every JSON-RPC call counted and timed by method: calls, the failures of their attempts by
/// kind, retries, and latency (total, maximum, a fixed-bucket histogram). Labels stay bounded:
/// methods are the few the client is asked for, kinds a closed set. Thread-safe; readers take
/// a `snapshot`.
public final class RPCStats: Sendable {
    /// Why an attempt or a call failed: a closed set, for metric labels.
    public enum FailureKind: String, Sendable, CaseIterable {
        /// No connection, a reset, a closed connection.
        case transport
        /// No answer within the timeout.
        case timeout
        /// HTTP 429 (retried).
        case rateLimited
        /// HTTP 5xx (retried).
        case serverError
        /// Another HTTP status than 200 (not retried; the next endpoint is tried).
        case httpStatus
        /// A JSON-RPC error object.
        case node
        /// An `eth_call` that reverted.
        case reverted
        /// An answer that is not what the method returns.
        case malformed
    }

    /// The latency histogram's bucket upper bounds in nanoseconds (1 ms to 10 s); a last bucket
    /// holds the slower calls.
    public static let latencyBucketBounds: [UInt64] = [
        1_000_000, 5_000_000, 25_000_000, 100_000_000, 500_000_000, 2_500_000_000, 10_000_000_000,
    ]

    /// One method's counters.
    public struct Method: Sendable, Equatable {
        /// Calls made (a batch is one call, a round trip).
        public var calls: UInt64 = 0
        /// JSON-RPC requests those calls carried (a batch carries several).
        public var requests: UInt64 = 0
        /// Calls that ended in an error.
        public var failed: UInt64 = 0
        /// Attempts after each call's first (on the same endpoint or the next).
        public var retries: UInt64 = 0
        /// Failures by kind: each failed attempt, and each error an answer carried.
        public var failures: [FailureKind: UInt64] = [:]
        /// The calls' latencies summed (retries and backoff included), in nanoseconds.
        public var totalNanos: UInt64 = 0
        /// The slowest call, in nanoseconds.
        public var maxNanos: UInt64 = 0
        /// Calls per latency bucket (`latencyBucketBounds`, then the overflow); not cumulative.
        public var latencyBuckets: [UInt64] = Array(repeating: 0, count: RPCStats.latencyBucketBounds.count + 1)
    }

    private let methods = NIOLockedValueBox<[String: Method]>([:])

    /// Empty counters.
    public init() {}

    /// Every method's counters at one moment.
    public var snapshot: [String: Method] { methods.withLockedValue { $0 } }

    /// One method's counters (zero when never called).
    public func method(_ name: String) -> Method { methods.withLockedValue { $0[name] ?? Method() } }

    /// Counts a failed attempt or an error in an answer.
    func countFailure(_ method: String, _ kind: FailureKind) {
        methods.withLockedValue { $0[method, default: Method()].failures[kind, default: 0] += 1 }
    }

    /// Counts a retry.
    func countRetry(_ method: String) {
        methods.withLockedValue { $0[method, default: Method()].retries += 1 }
    }

    /// Counts a finished call of `requests` requests that took `nanos`, failed or not.
    func countCall(_ method: String, requests: Int, nanos: UInt64, failed: Bool) {
        let bucket = Self.latencyBucketBounds.firstIndex { nanos <= $0 } ?? Self.latencyBucketBounds.count
        methods.withLockedValue { methods in
            var counters = methods[method, default: Method()]
            counters.calls += 1
            counters.requests += UInt64(max(0, requests))
            if failed { counters.failed += 1 }
            counters.totalNanos &+= nanos
            counters.maxNanos = max(counters.maxNanos, nanos)
            counters.latencyBuckets[bucket] += 1
            methods[method] = counters
        }
    }
}
