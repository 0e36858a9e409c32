import AsyncHTTPClient
import NIOCore
import NIOHTTP1

/// One POST of a JSON-RPC body to one endpoint, within a deadline: the answer's bytes, or why
/// there was none and whether asking again may help.
struct HTTPAttempt {
    /// Why an attempt got no answer.
    struct Failure: Error {
        /// The error the caller sees if this is the last attempt.
        var error: RPCError
        /// Its kind, for the stats.
        var kind: RPCStats.FailureKind
        /// Whether the same endpoint is asked again (transport failures, timeouts, 429, 5xx).
        var retryable: Bool
    }

    /// The largest answer read (a wide `eth_getLogs` can run to many megabytes).
    static let maximumAnswerBytes = 256 << 20

    let client: HTTPClient
    let endpoint: RPCEndpoint
    let timeout: Duration

    /// Posts `body`; `method` names the failure.
    func post(_ body: String, method: String) async -> Result<[UInt8], Failure> {
        var request = HTTPClientRequest(url: endpoint.url)
        request.method = .POST
        request.headers.add(name: "Content-Type", value: "application/json")
        request.body = .bytes(ByteBuffer(string: body))
        let (seconds, attoseconds) = timeout.components
        let deadline = NIODeadline.now() + .nanoseconds(seconds * 1_000_000_000 + attoseconds / 1_000_000_000)
        do {
            let response = try await client.execute(request, deadline: deadline)
            let answer = try await response.body.collect(upTo: Self.maximumAnswerBytes)
            guard response.status == .ok else { return .failure(statusFailure(response.status, method: method)) }
            return .success(Array(answer.readableBytesView))
        } catch {
            return .failure(failure(error, method: method))
        }
    }

    /// A non-200 status: 429 and 5xx are retried, the others are the endpoint refusing us.
    private func statusFailure(_ status: HTTPResponseStatus, method: String) -> Failure {
        let error = RPCError.transport(method: method, detail: "\(endpoint.label): HTTP \(status.code)")
        switch status.code {
        case 429: return Failure(error: error, kind: .rateLimited, retryable: true)
        case 500...599: return Failure(error: error, kind: .serverError, retryable: true)
        default: return Failure(error: error, kind: .httpStatus, retryable: false)
        }
    }

    /// A thrown error: a timeout, a cancellation (not retried), or a transport failure.
    private func failure(_ error: any Error, method: String) -> Failure {
        if let error = error as? HTTPClientError,
           error == .deadlineExceeded || error == .readTimeout || error == .connectTimeout {
            return Failure(error: .timeout(method: method, seconds: Self.seconds(timeout)), kind: .timeout, retryable: true)
        }
        if Task.isCancelled || error is CancellationError {
            return Failure(error: .transport(method: method, detail: "\(endpoint.label): cancelled"), kind: .transport, retryable: false)
        }
        let detail = endpoint.redacting(String(describing: error))
        return Failure(error: .transport(method: method, detail: "\(endpoint.label): \(detail)"), kind: .transport, retryable: true)
    }

    private static func seconds(_ d: Duration) -> Double {
        let (seconds, attoseconds) = d.components
        return Double(seconds) + Double(attoseconds) / 1e18
    }
}
