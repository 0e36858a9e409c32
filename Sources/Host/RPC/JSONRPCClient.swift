import AsyncHTTPClient
import Kernel
import NIOConcurrencyHelpers

/// A JSON-RPC client over HTTP: single calls and batches (one POST, answers matched by id),
/// each endpoint behind its own concurrency cap and rate limit, every attempt within a timeout.
///
/// Failures to get an answer (transport errors, timeouts, HTTP 429 and 5xx) are retried on the
/// same endpoint after a jittered exponential backoff, up to `retries` times; then the next
/// endpoint is tried (another HTTP status moves on at once), and when every endpoint has failed
/// the call throws `exhausted` with the last error. The endpoint that last answered is tried
/// first. An answer is final: a JSON-RPC error object, a revert or a malformed answer is thrown
/// as it is. Every call is counted and timed in `stats`.
public final class JSONRPCClient: Sendable {
    /// One endpoint with its limits.
    private struct Lane: Sendable {
        let endpoint: RPCEndpoint
        let limiter: RequestLimiter
        let rate: RateLimiter
    }

    private let lanes: [Lane]
    private let httpClient: HTTPClient
    private let configuration: RPCConfiguration
    /// The lane tried first: the last that answered.
    private let preferred = NIOLockedValueBox(0)
    /// The calls' counters.
    public let stats: RPCStats

    /// The HTTP client every `JSONRPCClient` uses unless given another: one for the process,
    /// never shut down, which does not retry a failed connection attempt itself (the RPC client's
    /// retries and fail-over do), so that a dead endpoint fails at once rather than at the deadline.
    public static let sharedHTTPClient: HTTPClient = {
        var configuration = HTTPClient.Configuration()
        configuration.connectionPool.retryConnectionEstablishment = false
        return HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration)
    }()

    /// A client of `configuration`'s endpoints over `httpClient`, counting into `stats`.
    public init(configuration: RPCConfiguration, httpClient: HTTPClient = sharedHTTPClient, stats: RPCStats = RPCStats()) {
        self.configuration = configuration
        self.httpClient = httpClient
        self.stats = stats
        lanes = configuration.rpcEndpoints.map {
            Lane(endpoint: $0, limiter: RequestLimiter(limit: configuration.maxConcurrent),
                 rate: RateLimiter(perSecond: configuration.requestsPerSecond))
        }
    }

    /// The endpoints, in configuration order.
    public var endpoints: [RPCEndpoint] { lanes.map(\.endpoint) }

    /// Calls `method` with `params` and reads its result with `read`; a malformed result names
    /// its field under `result` (`result.hash`).
    public func call<Value>(_ method: String, _ params: [JSONValue], as read: JSONRead<Value>) async throws(RPCError) -> Value {
        try await call(method, params, as: read, lanes: laneOrder())
    }

    /// `call` on endpoint `index` alone (its retries, no fail-over): for checks of each endpoint.
    public func call<Value>(_ method: String, _ params: [JSONValue], as read: JSONRead<Value>, endpoint index: Int) async throws(RPCError) -> Value {
        try await call(method, params, as: read, lanes: lanes.indices.contains(index) ? [index] : [])
    }

    /// Calls `method` once per parameter list in one batch; the results in the same order, each
    /// read with `read` (a malformed one names its place, `batch[3].result.hash`) or the error
    /// its answer carried. The whole batch throws when no answer came or the answer is malformed.
    public func batch<Value>(_ method: String, _ params: [[JSONValue]], as read: JSONRead<Value>) async throws(RPCError) -> [Result<Value, RPCError>] {
        guard !params.isEmpty else { return [] }
        let text = JSONRPCMessage.requestText(method: method, params: params, batch: true)
        return try await timed(method, requests: params.count) { () throws(RPCError) in
            let answers = try await exchange(text, method: method, count: params.count, batch: true, lanes: laneOrder())
            var results: [Result<Value, RPCError>] = []
            results.reserveCapacity(answers.count)
            for (index, answer) in answers.enumerated() {
                switch answer {
                case .success(let value): results.append(.success(try decode(value, read, at: "batch[\(index)].result", method: method)))
                case .failure(let error):
                    stats.countFailure(method, Self.kind(of: error))
                    results.append(.failure(error))
                }
            }
            return results
        }
    }

    private func call<Value>(_ method: String, _ params: [JSONValue], as read: JSONRead<Value>, lanes order: [Int]) async throws(RPCError) -> Value {
        let text = JSONRPCMessage.requestText(method: method, params: [params], batch: false)
        return try await timed(method, requests: 1) { () throws(RPCError) in
            let answers = try await exchange(text, method: method, count: 1, batch: false, lanes: order)
            switch answers[0] {
            case .success(let value): return try decode(value, read, at: "result", method: method)
            case .failure(let error):
                stats.countFailure(method, Self.kind(of: error))
                throw error
            }
        }
    }

    /// Runs `body`, counting the call, its latency and whether it failed.
    private func timed<T>(_ method: String, requests: Int, _ body: () async throws(RPCError) -> T) async throws(RPCError) -> T {
        let start = MonotonicNanoseconds.now()
        do {
            let value = try await body()
            stats.countCall(method, requests: requests, nanos: MonotonicNanoseconds.now() - start, failed: false)
            return value
        } catch {
            stats.countCall(method, requests: requests, nanos: MonotonicNanoseconds.now() - start, failed: true)
            throw error
        }
    }

    /// `value` read by `read` at `place`; a field error becomes `malformed`, counted.
    private func decode<Value>(_ value: JSONValue, _ read: JSONRead<Value>, at place: String, method: String) throws(RPCError) -> Value {
        do {
            return try read.read(value, place)
        } catch {
            stats.countFailure(method, .malformed)
            throw RPCError.malformed(method: method, field: error.field, detail: error.message)
        }
    }

    /// Posts `text` to the lanes in `order` until one answers; the answers it carried.
    private func exchange(_ text: String, method: String, count: Int, batch: Bool, lanes order: [Int]) async throws(RPCError) -> [Result<JSONValue, RPCError>] {
        let backoff = FeedBackoff(initial: configuration.backoff)
        var attempts = 0
        var last = RPCError.transport(method: method, detail: "no endpoint configured")
        for index in order {
            let lane = lanes[index]
            let attempt = HTTPAttempt(client: httpClient, endpoint: lane.endpoint, timeout: configuration.timeout)
            for retry in 0...max(0, configuration.retries) {
                if attempts > 0 { stats.countRetry(method) }
                if retry > 0 {
                    do { try await Task.sleep(for: backoff.delay(attempt: retry - 1)) } catch { throw last }
                }
                attempts += 1
                let failure: HTTPAttempt.Failure
                switch await send(text, via: lane, attempt: attempt, method: method) {
                case .success(let bytes):
                    preferred.withLockedValue { $0 = index }
                    do {
                        return try JSONRPCMessage.answers(bytes, method: method, count: count, batch: batch)
                    } catch {
                        stats.countFailure(method, .malformed)
                        throw error
                    }
                case .failure(let attemptFailure):
                    failure = attemptFailure
                }
                stats.countFailure(method, failure.kind)
                last = failure.error
                if Task.isCancelled { throw last }
                if !failure.retryable { break }
            }
        }
        throw RPCError.exhausted(attempts: attempts, last: last)
    }

    /// One attempt through `lane`'s concurrency cap and rate limit.
    private func send(_ text: String, via lane: Lane, attempt: HTTPAttempt, method: String) async -> Result<[UInt8], HTTPAttempt.Failure> {
        guard await lane.limiter.acquire() else {
            return .failure(.init(error: .transport(method: method, detail: "cancelled"), kind: .transport, retryable: false))
        }
        defer { lane.limiter.release() }
        await lane.rate.take()
        return await attempt.post(text, method: method)
    }

    /// Every lane, starting with the preferred one.
    private func laneOrder() -> [Int] {
        let first = preferred.withLockedValue { $0 }
        return lanes.indices.map { (first + $0) % lanes.count }
    }

    /// The stats kind of an error an answer carried.
    private static func kind(of error: RPCError) -> RPCStats.FailureKind {
        switch error {
        case .reverted: .reverted
        case .malformed: .malformed
        case .timeout: .timeout
        case .transport, .exhausted: .transport
        case .node, .wrongChain: .node
        }
    }
}
