import Kernel

/// A trade signed on the hot path and handed to the submitter: the signed bytes, what it holds
/// (its nonce and pools), and what it is expected to earn, for the ledger when it settles.
public struct PreparedTrade: Sendable, Equatable {
    /// The signed transaction.
    public var transaction: SignedTransaction
    /// Its nonce.
    public var nonce: UInt64
    /// The pools it holds until it settles.
    public var pools: [Address]
    /// The block the opportunity was found for (the per-block limit counts by it).
    public var block: UInt64
    /// The gross profit the re-quote promises, in wei of ETH.
    public var expectedProfitWei: UInt256
    /// The fee the engine's prices give it (L2 gas and the L1 fee of its real bytes), in wei.
    public var expectedFeeWei: UInt256
    /// The gas limit it carries.
    public var gasLimit: UInt64
    /// When the decision to trade was taken (`MonotonicNanoseconds`).
    public var decidedAt: UInt64
}
