import Kernel

/// A transaction ready for `eth_sendRawTransaction`: its signed envelope and the hash the chain
/// will know it by.
public struct SignedTransaction: Sendable, Equatable {
    /// The signed EIP-2718 envelope.
    public var raw: [UInt8]
    /// keccak-256 of `raw`.
    public var hash: Hash32
}
