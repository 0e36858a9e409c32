@testable import Host
import Kernel
import Testing

/// Each fault the local chain server injects gives the right typed error, or is retried (on the
/// same endpoint, or the next one) and then succeeds; the stats count both.
@Suite(.timeLimit(.minutes(2))) struct RPCFaultTests {
    typealias S = RPCTestSupport

    /// The server's head through `client`, and `eth_blockNumber`'s counters after it.
    static func blockNumber(_ client: JSONRPCClient) async throws(RPCError) -> UInt64 {
        try await RPCChainSource(client: client).blockNumber()
    }

    @Test(arguments: [("status429", RPCStats.FailureKind.rateLimited), ("status500", .serverError), ("down", .transport)])
    func retriedFaultsThenSucceed(kind: String, failure: RPCStats.FailureKind) async throws {
        let chain = try await LocalChain.start(seed: 11)
        defer { chain.stop() }
        let client = S.client([chain.http], retries: 3)
        try await chain.fault(kind, count: 2)
        #expect(try await Self.blockNumber(client) == chain.startHead)
        let stats = client.stats.method("eth_blockNumber")
        #expect(stats.calls == 1)
        #expect(stats.failed == 0)
        #expect(stats.retries == 2)
        #expect(stats.failures == [failure: 2])
    }

    @Test(arguments: ["slow", "drop"])
    func noAnswerWithinTheTimeoutIsRetried(kind: String) async throws {
        let chain = try await LocalChain.start(seed: 12)
        defer { chain.stop() }
        let client = S.client([chain.http], retries: 2, timeout: .seconds(1))
        try await chain.fault(kind, count: 1, delayMs: 5000)
        #expect(try await Self.blockNumber(client) == chain.startHead)
        let stats = client.stats.method("eth_blockNumber")
        #expect(stats.retries == 1)
        #expect(stats.failures == [.timeout: 1])
    }

    @Test func retriesSpentOnEveryEndpointIsExhausted() async throws {
        let chain = try await LocalChain.start(seed: 13)
        defer { chain.stop() }
        let client = S.client([chain.http], retries: 2)
        try await chain.fault("status500", count: 10)
        await #expect(throws: RPCError.exhausted(attempts: 3, last: .transport(method: "eth_blockNumber", detail: "127.0.0.1:\(chain.port): HTTP 500"))) {
            _ = try await Self.blockNumber(client)
        }
        let stats = client.stats.method("eth_blockNumber")
        #expect(stats.calls == 1)
        #expect(stats.failed == 1)
        #expect(stats.retries == 2)
        #expect(stats.failures == [.serverError: 3])
    }

    @Test func answersAreNotRetried() async throws {
        let chain = try await LocalChain.start(seed: 14)
        defer { chain.stop() }
        let client = S.client([chain.http], retries: 3)
        try await chain.fault("error", count: 1)
        await #expect(throws: RPCError.node(method: "eth_blockNumber", code: -32603, message: "injected fault")) {
            _ = try await Self.blockNumber(client)
        }
        try await chain.fault("malformed", count: 1)
        await #expect {
            _ = try await Self.blockNumber(client)
        } throws: { error in
            guard case .malformed(method: "eth_blockNumber", field: "", _) = error as? RPCError else { return false }
            return true
        }
        // An error object in every answer of a batch fails the headers read with it.
        try await chain.fault("error", count: 1)
        await #expect(throws: RPCError.node(method: "eth_getBlockByNumber", code: -32603, message: "injected fault")) {
            _ = try await RPCChainSource(client: client).headers([0, 1, 2])
        }
        #expect(try await Self.blockNumber(client) == chain.startHead)
        let stats = client.stats.method("eth_blockNumber")
        #expect(stats.calls == 3)
        #expect(stats.failed == 2)
        #expect(stats.retries == 0)
        #expect(stats.failures == [.node: 1, .malformed: 1])
        #expect(client.stats.method("eth_getBlockByNumber").failures == [.node: 3])
    }

    @Test func wrongChainIDAtConnectIsRefused() async throws {
        let chain = try await LocalChain.start(seed: 15)
        defer { chain.stop() }
        try await chain.fault("chainId", count: 1)
        await #expect(throws: RPCError.wrongChain(expected: 42161, actual: 42162)) {
            _ = try await RPCChainSource.connect(S.client([chain.http]), expectedChainID: 42161)
        }
    }

    @Test func failsOverFromADeadEndpoint() async throws {
        let chain = try await LocalChain.start(seed: 16)
        defer { chain.stop() }
        // Port 1 on the loopback: nothing listens, connections are refused.
        let dead = "http://127.0.0.1:1/v1/secret-key"
        let client = S.client([dead, chain.http], retries: 1)
        #expect(try await Self.blockNumber(client) == chain.startHead)
        var stats = client.stats.method("eth_blockNumber")
        #expect(stats.failures == [.transport: 2])
        #expect(stats.retries == 2)
        // The endpoint that answered is tried first from then on.
        #expect(try await Self.blockNumber(client) == chain.startHead)
        stats = client.stats.method("eth_blockNumber")
        #expect(stats.failures == [.transport: 2])
        #expect(stats.calls == 2)

        let deadOnly = S.client([dead, "http://127.0.0.1:1"], retries: 1)
        await #expect {
            _ = try await Self.blockNumber(deadOnly)
        } throws: { error in
            guard case .exhausted(attempts: 4, last: .transport(_, let detail)) = error as? RPCError else { return false }
            // Errors name host:port, never a URL's path (which may hold a key).
            return detail.hasPrefix("127.0.0.1:1") && !"\(error)".contains("secret-key")
        }
    }
}
