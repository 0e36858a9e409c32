/// The kind of an L1 incoming message (`header.kind`), as Nitro numbers them in
/// `arbos/arbostypes/incomingmessage.go` (OffchainLabs/nitro @ 6dce8d13902649a1acdfd3f2504129f1f5612358).
enum L1MessageKind: UInt8, Sendable, CaseIterable {
    /// An L2 message: every sequencer transaction (parsed by `L2MessageKind`).
    case l2Message = 3
    /// End of block: no transactions.
    case endOfBlock = 6
    /// An L1 call funded by L1: yields a deposit and an unsigned or contract transaction.
    case l2FundedByL1 = 7
    /// A rollup event: ignored by ArbOS.
    case rollupEvent = 8
    /// A retryable-ticket submission: yields an ArbitrumSubmitRetryableTx (0x69).
    case submitRetryable = 9
    /// Batch for gas estimation: unimplemented in Nitro.
    case batchForGasEstimation = 10
    /// Chain initialization (genesis only).
    case initialize = 11
    /// An ETH deposit: yields an ArbitrumDepositTx (0x64).
    case ethDeposit = 12
    /// A batch posting report: yields an ArbitrumInternalTx (0x6A).
    case batchPostingReport = 13
    /// An intentionally invalid message.
    case invalid = 0xFF
}

/// The kind of an L2 message (the first byte of `l2Msg`), as Nitro numbers them in
/// `arbos/parse_l2.go` (OffchainLabs/nitro @ 6dce8d13902649a1acdfd3f2504129f1f5612358).
enum L2MessageKind: UInt8, Sendable, CaseIterable {
    /// An unsigned user call: yields an ArbitrumUnsignedTx (0x65).
    case unsignedUserTx = 0
    /// A contract call made on L1: yields an ArbitrumContractTx (0x66).
    case contractTx = 1
    /// A non-mutating call: unimplemented in Nitro (an error).
    case nonmutatingCall = 2
    /// A batch of length-prefixed nested L2 messages.
    case batch = 3
    /// One signed EIP-2718 transaction.
    case signedTx = 4
    /// A heartbeat: deprecated, refused since 2022-08-08 16:00 UTC.
    case heartbeat = 6
    /// A signed compressed transaction: unimplemented in Nitro (an error).
    case signedCompressedTx = 7
}

/// Nitro's limits on L2 messages.
enum L2MessageLimits {
    /// `MaxL2MessageSize` (`arbos/arbostypes/incomingmessage.go`): the longest `l2Msg`, and the
    /// longest batch segment, Nitro parses: 256 KiB.
    static let maxL2MessageSize = 256 * 1024
    /// Batches nest at most this deep (the top level is depth 0; `parse_l2.go`).
    static let maxBatchDepth = 16
    /// `HeartbeatsDisabledAt` (`parse_l2.go`): Mon, 08 Aug 2022 16:00:00 GMT as Unix seconds.
    static let heartbeatsDisabledAt: UInt64 = 1_659_974_400
}
