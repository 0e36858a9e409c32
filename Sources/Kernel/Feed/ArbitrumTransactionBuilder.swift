/// Builds the canonical encodings of the Arbitrum transactions that ArbOS makes from L1
/// messages, with the RLP field order of the structs in Nitro's go-ethereum fork
/// (`core/types/arb_types.go`, OffchainLabs/go-ethereum @ 49b38a638a91f91f0fdb8be5f740c69f8d6abefc),
/// and decodes them with `TransactionDecoder`, so each carries its chain hash.
enum ArbitrumTransactionBuilder {
    /// `0x64 ‖ rlp([chainId, l1RequestId, from, to, value])`.
    static func deposit(chainId: UInt256, requestId: Hash32, from: Address, to: Address, value: UInt256) throws(FeedError) -> Transaction {
        try encode(.arbitrumDeposit) { w in
            w.append(chainId)
            w.append(requestId)
            w.append(from)
            w.append(to)
            w.append(value)
        }
    }

    /// `0x65 ‖ rlp([chainId, from, nonce, gasFeeCap, gas, to, value, data])`.
    static func unsigned(
        chainId: UInt256, from: Address, nonce: UInt64, gasFeeCap: UInt256, gas: UInt64, to: Address?, value: UInt256,
        data: ArraySlice<UInt8>
    ) throws(FeedError) -> Transaction {
        try encode(.arbitrumUnsigned) { w in
            w.append(chainId)
            w.append(from)
            w.append(nonce)
            w.append(gasFeeCap)
            w.append(gas)
            appendOptional(to, to: &w)
            w.append(value)
            w.append(bytes: data)
        }
    }

    /// `0x66 ‖ rlp([chainId, requestId, from, gasFeeCap, gas, to, value, data])`.
    static func contract(
        chainId: UInt256, requestId: Hash32, from: Address, gasFeeCap: UInt256, gas: UInt64, to: Address?, value: UInt256,
        data: ArraySlice<UInt8>
    ) throws(FeedError) -> Transaction {
        try encode(.arbitrumContract) { w in
            w.append(chainId)
            w.append(requestId)
            w.append(from)
            w.append(gasFeeCap)
            w.append(gas)
            appendOptional(to, to: &w)
            w.append(value)
            w.append(bytes: data)
        }
    }

    /// The fields of a retryable submission, in the order of `ArbitrumSubmitRetryableTx`.
    struct Retryable {
        var requestId: Hash32
        var from: Address
        var l1BaseFee: UInt256
        var depositValue: UInt256
        var gasFeeCap: UInt256
        var gas: UInt64
        var retryTo: Address?
        var retryValue: UInt256
        var beneficiary: Address
        var maxSubmissionFee: UInt256
        var feeRefundAddress: Address
        var retryData: ArraySlice<UInt8>
    }

    /// `0x69 ‖ rlp([chainId, requestId, from, l1BaseFee, depositValue, gasFeeCap, gas, retryTo,
    /// retryValue, beneficiary, maxSubmissionFee, feeRefundAddr, retryData])`.
    static func submitRetryable(chainId: UInt256, _ r: Retryable) throws(FeedError) -> Transaction {
        try encode(.arbitrumSubmitRetryable) { w in
            w.append(chainId)
            w.append(r.requestId)
            w.append(r.from)
            w.append(r.l1BaseFee)
            w.append(r.depositValue)
            w.append(r.gasFeeCap)
            w.append(r.gas)
            appendOptional(r.retryTo, to: &w)
            w.append(r.retryValue)
            w.append(r.beneficiary)
            w.append(r.maxSubmissionFee)
            w.append(r.feeRefundAddress)
            w.append(bytes: r.retryData)
        }
    }

    /// `0x6A ‖ rlp([chainId, data])`.
    static func internalTx(chainId: UInt256, data: [UInt8]) throws(FeedError) -> Transaction {
        try encode(.arbitrumInternal) { w in
            w.append(chainId)
            w.append(bytes: data)
        }
    }

    /// An optional callee: its 20 bytes, or the empty string for contract creation (`rlp:"nil"`).
    private static func appendOptional(_ address: Address?, to w: inout RLPWriter) {
        if let address { w.append(address) } else { w.append(bytes: EmptyCollection<UInt8>()) }
    }

    /// The type byte, the field list written by `fields`, decoded back into a `Transaction`.
    private static func encode(_ type: TransactionType, _ fields: (inout RLPWriter) -> Void) throws(FeedError) -> Transaction {
        var writer = RLPWriter()
        writer.appendRaw(CollectionOfOne(type.rawValue))
        writer.appendList(fields)
        do throws(DecodingError) {
            return try TransactionDecoder.decode(writer.bytes[...])
        } catch {
            // Unreachable for the encodings above; reported rather than trapped.
            throw FeedError(.invalidTransaction, at: 0, in: .l2Msg, field: "arbitrumTransaction", underlying: error)
        }
    }
}
