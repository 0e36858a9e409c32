/// One `eth_call` that reads part of a pool's state: the target, its calldata, and a label that
/// names the call in errors and metrics (`"getReserves()"`, `"ticks(-887220)"`).
public struct StateCall: Sendable, Equatable {
    /// The contract called.
    public let to: Address
    /// The ABI-encoded call.
    public let data: [UInt8]
    /// The call's signature with its arguments, for errors and logs.
    public let label: String

    /// Creates a call of `data` on `to`, named `label`.
    public init(to: Address, data: [UInt8], label: String) {
        self.to = to
        self.data = data
        self.label = label
    }

    /// A call of `signature` (e.g. `"getReserves()"`) with already encoded 32-byte argument words.
    public init(to: Address, signature: String, arguments: [UInt256] = [], label: String? = nil) {
        var data = Array(Keccak256.hash(Array(signature.utf8)).bytes.prefix(4))
        for word in arguments { data.appendWord(word) }
        self.init(to: to, data: data, label: label ?? signature)
    }
}

/// A log as receipts and `eth_getLogs` give it.
public struct EventLog: Sendable, Equatable {
    /// The emitting contract.
    public let address: Address
    /// topic0 (the event's signature hash) and the indexed arguments.
    public let topics: [Hash32]
    /// The ABI-encoded non-indexed arguments.
    public let data: [UInt8]

    /// Creates a log.
    public init(address: Address, topics: [Hash32], data: [UInt8]) {
        self.address = address
        self.topics = topics
        self.data = data
    }
}

/// Loads one pool's state through rounds of `eth_call`s: the calls of a round may depend on the
/// answers of the one before (a V3 pool's bitmap words name the ticks to read next).
///
/// The state-sync host runs `pendingCalls()`, passes the answers in the same order to `absorb`,
/// and repeats until no call is pending; then `pool()` builds the value.
public protocol PoolStateLoader: Sendable {
    /// The pool type this loader builds.
    associatedtype Pool: PricingPool
    /// The calls still to make, all of one round; empty when the state is complete.
    func pendingCalls() -> [StateCall]
    /// Takes the raw return data of `pendingCalls()`, one answer per call in order.
    /// A malformed answer throws `PoolError.malformed` (its field names the call).
    mutating func absorb(_ answers: [[UInt8]]) throws(PoolError)
    /// The loaded pool; `PoolError.invalidState` if called before every round is absorbed.
    func pool() throws(PoolError) -> Pool
}
