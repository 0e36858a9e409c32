/// The log a family's factory emits when it creates a pool: the two tokens indexed, a fee tier
/// indexed where the family has tiers, and the pool's address in a data word. Sync follows these
/// logs from any contract and keeps only the pools whose address the entry's own deployer
/// derives for those tokens and fee, so a log from a look-alike factory adds nothing.
public struct PoolCreationEvent: Sendable, Equatable {
    /// topic0.
    public let topic: Hash32
    /// The topic that holds the fee tier, nil where the event has none.
    let feeTopic: Int?
    /// The data word that holds the pool's address.
    let poolWord: Int

    /// The event of `signature` (e.g. `"PairCreated(address,address,address,uint256)"`).
    public init(signature: String, feeTopic: Int?, poolWord: Int) {
        topic = Keccak256.hash(Array(signature.utf8))
        self.feeTopic = feeTopic
        self.poolWord = poolWord
    }

    /// The pool `log` announces, if `derive(token0, token1, fee)` gives its address; nil for
    /// another event, a malformed log or a pool the entry's deployer did not create.
    public func pool(in log: EventLog, derive: (Address, Address, UInt32?) -> Address?) -> PoolDescriptor? {
        guard log.topics.first == topic, log.topics.count >= 3 + (feeTopic == nil ? 0 : 1),
              let token0 = Self.address(log.topics[1]), let token1 = Self.address(log.topics[2]) else { return nil }
        var fee: UInt32?
        if let feeTopic {
            guard let word = UInt256(bigEndian: log.topics[feeTopic].bytes), word.bitWidth <= 24 else { return nil }
            fee = UInt32(word.low64)
        }
        guard let pool = try? ABIReader(log.data[...]).address(poolWord, field: "pool"),
              derive(token0, token1, fee) == pool else { return nil }
        return PoolDescriptor(address: pool, tokens: [token0, token1])
    }

    /// The address in an indexed topic (its high 12 bytes zero).
    private static func address(_ topic: Hash32) -> Address? {
        let bytes = topic.bytes
        guard bytes.prefix(12).allSatisfy({ $0 == 0 }) else { return nil }
        return Address(bytes: bytes.suffix(20))
    }
}
