import Kernel

/// `ChainSource` over a `JSONRPCClient`: each method one JSON-RPC call, `headers` one batch.
public struct RPCChainSource: ChainSource {
    /// The client calls go through (its `stats` count them).
    public let client: JSONRPCClient

    /// A source over `client`, unchecked (see `connect`).
    public init(client: JSONRPCClient) {
        self.client = client
    }

    /// A source over `client` once every endpoint has answered `eth_chainId` with
    /// `expectedChainID`; `wrongChain` names the first that did not, and an endpoint that does not
    /// answer at all fails the start with its error.
    public static func connect(_ client: JSONRPCClient, expectedChainID: UInt64) async throws(RPCError) -> RPCChainSource {
        for index in client.endpoints.indices {
            let actual = try await client.call("eth_chainId", [], as: .hexQuantity, endpoint: index)
            guard actual == expectedChainID else { throw RPCError.wrongChain(expected: expectedChainID, actual: actual) }
        }
        return RPCChainSource(client: client)
    }

    /// `eth_chainId`.
    public func chainID() async throws(RPCError) -> UInt64 {
        try await client.call("eth_chainId", [], as: .hexQuantity)
    }

    /// `eth_blockNumber`.
    public func blockNumber() async throws(RPCError) -> UInt64 {
        try await client.call("eth_blockNumber", [], as: .hexQuantity)
    }

    /// `eth_getBlockByNumber(number, false)`; nil for `null`.
    public func header(_ number: UInt64) async throws(RPCError) -> BlockHeader? {
        try await client.call("eth_getBlockByNumber", [.hexQuantity(number), .bool(false)], as: .optionalBlockHeader)
    }

    /// The headers in one `eth_getBlockByNumber` batch; the first error an answer carried throws.
    public func headers(_ numbers: [UInt64]) async throws(RPCError) -> [BlockHeader?] {
        let results = try await client.batch("eth_getBlockByNumber", numbers.map { [.hexQuantity($0), .bool(false)] }, as: .optionalBlockHeader)
        return try results.map { (result) throws(RPCError) in try result.get() }
    }

    /// `eth_getLogs` with an address list and `[[topic0, …]]`.
    public func logs(addresses: [Address], topics: [Hash32], fromBlock: UInt64, toBlock: UInt64) async throws(RPCError) -> [ChainLog] {
        try await client.call("eth_getLogs", Self.logsParams(addresses: addresses, topics: topics, fromBlock: fromBlock, toBlock: toBlock),
                              as: .array(.chainLog))
    }

    /// `eth_call` of `{to, data}` at `block`; a revert throws `reverted`.
    public func call(to: Address, data: [UInt8], block: UInt64) async throws(RPCError) -> [UInt8] {
        try await client.call("eth_call", Self.callParams(to: to, data: data, block: block), as: .hexData)
    }

    /// The parameters of `eth_getLogs`: one filter of the block range, the addresses and the
    /// topic0s (as one batch element, too).
    static func logsParams(addresses: [Address], topics: [Hash32], fromBlock: UInt64, toBlock: UInt64) -> [JSONValue] {
        var filter = JSONObject([.init("fromBlock", .hexQuantity(fromBlock)), .init("toBlock", .hexQuantity(toBlock))])
        if !addresses.isEmpty { filter.append("address", .array(addresses.map { .string($0.description) })) }
        filter.append("topics", .array([.array(topics.map { .string($0.description) })]))
        return [.object(filter)]
    }

    /// The parameters of `eth_call`: `{to, data}` and the block as a quantity (as one batch
    /// element, too).
    static func callParams(to: Address, data: [UInt8], block: UInt64) -> [JSONValue] {
        [.object(JSONObject([.init("to", .string(to.description)), .init("data", .hexData(data))])), .hexQuantity(block)]
    }
}
