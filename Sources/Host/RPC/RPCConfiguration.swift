/// How the JSON-RPC client reaches its endpoints: the `rpc` section of dex.yaml, its defaults
/// where absent. Endpoints may be empty in the file; the command line or `RPC_URL` adds them.
public struct RPCConfiguration: Sendable, Equatable {
    /// HTTP(S) endpoints in the order tried: the first is used until it fails, then the next.
    public var endpoints: [String] = []
    /// The WebSocket endpoint new heads are subscribed on, if any.
    public var webSocket: String? = nil
    /// The most requests in flight per endpoint at once.
    public var maxConcurrent: Int = 8
    /// The most requests sent per second per endpoint (a token bucket, bursts of up to this many).
    public var requestsPerSecond: Int = 50
    /// How long one attempt may wait for its answer.
    public var timeout: Duration = .seconds(10)
    /// Further attempts on one endpoint after a transport failure, a timeout, HTTP 429 or 5xx.
    public var retries: Int = 3
    /// The ceiling of the first retry's jittered delay; each further retry doubles it.
    public var backoff: Duration = .milliseconds(100)

    /// The defaults.
    public init() {}

    /// The endpoints as `RPCEndpoint`s.
    var rpcEndpoints: [RPCEndpoint] { endpoints.map(RPCEndpoint.init(url:)) }
}
