import Kernel

/// What state sync reads from a chain: heads, logs and calls at a block. `RPCChainSource` serves
/// it over JSON-RPC; sync depends on this protocol alone, so its tests can drive it from any
/// source (the local chain behind a real server, in practice).
///
/// Every method is one round trip (a batch counts as one) and throws `RPCError`, which names the
/// method and, for a malformed answer, the field.
public protocol ChainSource: Sendable {
    /// `eth_chainId`.
    func chainID() async throws(RPCError) -> UInt64
    /// `eth_blockNumber`: the latest block.
    func blockNumber() async throws(RPCError) -> UInt64
    /// `eth_getBlockByNumber(number, false)`: the header, nil where the chain has no such block.
    func header(_ number: UInt64) async throws(RPCError) -> BlockHeader?
    /// Headers `numbers` in one batch, in the order asked; nil where the chain has no such block.
    func headers(_ numbers: [UInt64]) async throws(RPCError) -> [BlockHeader?]
    /// `eth_getLogs` from `fromBlock` to `toBlock` (inclusive) of `addresses` (any contract when
    /// empty) whose topic0 is one of `topics`, in the node's (block, logIndex) order.
    func logs(addresses: [Address], topics: [Hash32], fromBlock: UInt64, toBlock: UInt64) async throws(RPCError) -> [ChainLog]
    /// `eth_call` of `data` on `to` at block `block`: the return data. A call that reverts throws
    /// `RPCError.reverted` (not a transport failure: the answer is the chain's).
    func call(to: Address, data: [UInt8], block: UInt64) async throws(RPCError) -> [UInt8]
}

/// A block header, as much of it as sync needs.
public struct BlockHeader: Sendable, Equatable {
    /// The block number.
    public var number: UInt64
    /// The block's hash.
    public var hash: Hash32
    /// Its parent's hash: sync checks each block continues the one before.
    public var parentHash: Hash32
    /// Its timestamp in seconds.
    public var timestamp: UInt64

    /// Creates a header.
    public init(number: UInt64, hash: Hash32, parentHash: Hash32, timestamp: UInt64) {
        self.number = number
        self.hash = hash
        self.parentHash = parentHash
        self.timestamp = timestamp
    }
}

/// A log with its place in the chain, as `eth_getLogs` and `logs` subscriptions give it.
public struct ChainLog: Sendable, Equatable {
    /// The log itself.
    public var log: EventLog
    /// The block that holds it.
    public var blockNumber: UInt64
    /// That block's hash.
    public var blockHash: Hash32
    /// Its index in the block.
    public var logIndex: UInt64
    /// True when a reorg took the log out of the chain (a `removed` log of a subscription).
    public var removed: Bool

    /// Creates a log.
    public init(log: EventLog, blockNumber: UInt64, blockHash: Hash32, logIndex: UInt64, removed: Bool = false) {
        self.log = log
        self.blockNumber = blockNumber
        self.blockHash = blockHash
        self.logIndex = logIndex
        self.removed = removed
    }
}
