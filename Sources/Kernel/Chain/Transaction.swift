/// A decoded transaction: the fields every type shares, typed extras, and slices of the original
/// bytes. Decoding allocates nothing; `data` and the list fields are slices of the input.
public struct Transaction: Sendable {
    /// The EIP-2718 type.
    public var type: TransactionType
    /// The chain id; nil only for a legacy transaction signed without EIP-155 replay protection.
    public var chainId: UInt256?
    /// The sender's nonce (zero for Arbitrum types that have none).
    public var nonce: UInt64
    /// The callee, or nil for contract creation. For a submit-retryable this is the
    /// ArbRetryableTx precompile, as the chain reports it; the retry's own callee is in `details`.
    public var to: Address?
    /// Wei sent with the call.
    public var value: UInt256
    /// The gas limit.
    public var gas: UInt64
    /// The fee fields.
    public var fees: Fees
    /// The calldata, a slice of the input. For a submit-retryable: the retry's calldata.
    public var data: ArraySlice<UInt8>
    /// The ECDSA signature of the signed types; nil for Arbitrum's unsigned types.
    public var signature: Signature?
    /// The sender written in the encoding of Arbitrum's types; nil for signed types, whose sender
    /// is recovered on demand with `recoverSender()`.
    public var from: Address?
    /// Type-specific fields.
    var details: Details
    /// The whole canonical encoding (type byte included), a slice of the input.
    public var raw: ArraySlice<UInt8>
    /// The hash as the chain computes it: keccak-256 of the canonical envelope (`raw`).
    /// Computed at each read (about 1.2 µs for a 344-byte swap), so that a frame's transactions
    /// cost only their decoding until one is reported: read it once.
    public var hash: Hash32 { Keccak256.hash(raw) }
    /// Byte range in `raw` of the signed fields (for the signing hash); empty for unsigned types.
    @usableFromInline var signedFields: Range<Int>

    /// How a transaction prices its gas.
    public enum Fees: Sendable, Equatable {
        /// One price per gas (legacy, EIP-2930, and Arbitrum's gas fee cap).
        case gasPrice(UInt256)
        /// EIP-1559 fee cap and priority fee.
        case dynamic(maxFeePerGas: UInt256, maxPriorityFeePerGas: UInt256)
    }

    /// Fields that only some types carry. Lists are kept as slices of their RLP payload with
    /// their element count; they were fully validated while decoding.
    enum Details: Sendable, Equatable {
        /// Nothing beyond the common fields (legacy, Arbitrum internal).
        case none
        /// EIP-2930 and EIP-1559: the access list.
        case accessList(RLPList)
        /// EIP-4844: the access list, the blob fee cap and the blob versioned hashes.
        case blob(accessList: RLPList, maxFeePerBlobGas: UInt256, blobHashes: RLPList)
        /// EIP-7702: the access list and the authorization list.
        case setCode(accessList: RLPList, authorizations: RLPList)
        /// Arbitrum deposit: the L1 request id.
        case deposit(requestId: Hash32)
        /// Arbitrum contract transaction: the L1 request id.
        case contract(requestId: Hash32)
        /// Arbitrum retry: the ticket it redeems and the refund terms.
        case retry(ticketId: Hash32, refundTo: Address, maxRefund: UInt256, submissionFeeRefund: UInt256)
        /// Arbitrum submit-retryable: the ticket's terms. Boxed, so that this rare and large
        /// case does not make every transaction value larger to copy.
        indirect case submitRetryable(SubmitRetryable)
    }

    /// The fields of an Arbitrum retryable-ticket submission, in Nitro's order.
    struct SubmitRetryable: Sendable, Equatable {
        /// The L1 request id.
        var requestId: Hash32
        /// The L1 base fee when the ticket was created.
        var l1BaseFee: UInt256
        /// ETH deposited with the ticket.
        var depositValue: UInt256
        /// The retry's callee; nil for contract creation.
        var retryTo: Address?
        /// The retry's call value.
        var retryValue: UInt256
        /// Who may cancel or redeem the ticket.
        var beneficiary: Address
        /// The most the submission may cost.
        var maxSubmissionFee: UInt256
        /// Where unused fees go.
        var feeRefundAddress: Address
        /// The retry's calldata, a slice of the input.
        var retryData: ArraySlice<UInt8>
    }

    /// The gas price for legacy-priced types, the fee cap for EIP-1559-priced ones.
    public var maxFeePerGas: UInt256 {
        switch fees {
        case .gasPrice(let p): p
        case .dynamic(let cap, _): cap
        }
    }
}

/// A list inside a transaction, kept as the slice of its RLP payload and its element count.
struct RLPList: Sendable, Equatable {
    /// The list's payload (its items' encodings, header excluded), a slice of the input.
    var payload: ArraySlice<UInt8>
    /// How many items it holds.
    var count: Int

    /// An empty list.
    static let empty = RLPList(payload: [], count: 0)

    /// Decodes the items into a tree (allocates; for tools and tests, not the hot path).
    func items() throws(DecodingError) -> [RLP.Item] {
        var writer = RLPWriter()
        writer.appendList { $0.appendRaw(payload) }
        guard case .list(let items) = try RLP.decode(writer.bytes) else { return [] }
        return items
    }
}
