/// Why a JSON-RPC read failed. Every case names the method; none carries a URL's credentials or
/// anything else secret.
public enum RPCError: Error, Equatable, Sendable, CustomStringConvertible {
    /// No connection, a reset, or an HTTP status other than 200 (429 and 5xx are retried).
    case transport(method: String, detail: String)
    /// No answer within the timeout.
    case timeout(method: String, seconds: Double)
    /// The node answered a JSON-RPC error object.
    case node(method: String, code: Int64, message: String)
    /// The `eth_call` reverted (the chain's answer, not a transport fault); data is the revert data.
    case reverted(method: String, data: [UInt8])
    /// The answer is not what the method returns: unparsable JSON, a missing or ill-typed field.
    case malformed(method: String, field: String, detail: String)
    /// The endpoint serves another chain.
    case wrongChain(expected: UInt64, actual: UInt64)
    /// Every endpoint failed; the last error.
    indirect case exhausted(attempts: Int, last: RPCError)

    /// The method the failure belongs to.
    public var method: String {
        switch self {
        case .transport(let method, _), .timeout(let method, _), .node(let method, _, _),
             .reverted(let method, _), .malformed(let method, _, _):
            method
        case .wrongChain: "eth_chainId"
        case .exhausted(_, let last): last.method
        }
    }

    /// A one-line message.
    public var description: String {
        switch self {
        case .transport(let method, let detail): "\(method): transport: \(detail)"
        case .timeout(let method, let seconds): "\(method): no answer within \(seconds) s"
        case .node(let method, let code, let message): "\(method): node error \(code): \(message)"
        case .reverted(let method, let data): "\(method): reverted (\(data.count) bytes of revert data)"
        case .malformed(let method, let field, let detail): "\(method): malformed answer at \(field): \(detail)"
        case .wrongChain(let expected, let actual): "eth_chainId: chain \(actual), expected \(expected)"
        case .exhausted(let attempts, let last): "\(attempts) attempts failed; last: \(last)"
        }
    }
}
