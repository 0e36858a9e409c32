@testable import Host
import Kernel
import Testing

/// Clients of the local chain for the RPC tests.
enum RPCTestSupport {
    /// A client of `endpoints` with short timeouts and backoff, so fault tests stay quick.
    static func client(_ endpoints: [String], retries: Int = 3, timeout: Duration = .seconds(5)) -> JSONRPCClient {
        var configuration = RPCConfiguration()
        configuration.endpoints = endpoints
        configuration.retries = retries
        configuration.timeout = timeout
        configuration.backoff = .milliseconds(20)
        return JSONRPCClient(configuration: configuration)
    }

    /// topic0 of an event signature.
    static func topic(_ signature: String) -> Hash32 {
        Keccak256.hash(Array(signature.utf8))
    }

    /// The start line's pools: address and `dex`.
    static func pools(_ chain: LocalChain) throws -> [(address: Address, dex: String)] {
        try chain.startLine.read("pools", .array(.object)).map { pool in
            (try pool.read("address", .address), try pool.read("dex", .string))
        }
    }

    /// The four-byte selector of a function signature, as call data.
    static func selector(_ signature: String) -> [UInt8] {
        Array(topic(signature).bytes.prefix(4))
    }
}
