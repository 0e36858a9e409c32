/// Arbitrum Nitro's own transaction types, decoded field by field in the order of the structs in
/// Nitro's go-ethereum fork (`core/types/arb_types.go`). None is signed: the sender is part of the
/// encoding (ArbOS itself for the internal type).
extension Fields {
    /// ArbOS's address, sender and callee of internal transactions.
    static let arbOS = Address(precompile: 0x0a4b05)

    mutating func arbitrum(_ type: TransactionType) throws(DecodingError) -> Transaction {
        let chainId = try cursor.uint256("chainId")
        var tx = Transaction(
            type: type, chainId: chainId, nonce: 0, to: nil, value: .zero, gas: 0,
            fees: .gasPrice(.zero), data: raw[raw.endIndex...], signature: nil, from: nil, details: .none,
            raw: raw, signedFields: 0..<0)
        switch type {
        case .arbitrumDeposit:
            let requestId = try cursor.hash("requestId")
            tx.from = try cursor.address("from")
            tx.to = try cursor.address("to")
            tx.value = try cursor.uint256("value")
            tx.details = .deposit(requestId: requestId)
        case .arbitrumUnsigned:
            tx.from = try cursor.address("from")
            tx.nonce = try cursor.uint64("nonce")
            try readCall(into: &tx)
        case .arbitrumContract:
            let requestId = try cursor.hash("requestId")
            tx.from = try cursor.address("from")
            try readCall(into: &tx)
            tx.details = .contract(requestId: requestId)
        case .arbitrumRetry:
            tx.nonce = try cursor.uint64("nonce")
            tx.from = try cursor.address("from")
            try readCall(into: &tx)
            tx.details = .retry(
                ticketId: try cursor.hash("ticketId"), refundTo: try cursor.address("refundTo"),
                maxRefund: try cursor.uint256("maxRefund"), submissionFeeRefund: try cursor.uint256("submissionFeeRefund"))
        case .arbitrumSubmitRetryable:
            try readSubmitRetryable(into: &tx)
        case .arbitrumInternal:
            tx.from = Self.arbOS
            tx.to = Self.arbOS
            tx.data = slice(try cursor.bytes("data"))
        default:
            throw DecodingError(.unknownType, at: 0, field: "type")
        }
        try cursor.finish(field: "transaction")
        return tx
    }

    /// `gasFeeCap, gas, to (empty = create), value, data`, shared by the unsigned, contract and retry types.
    mutating func readCall(into tx: inout Transaction) throws(DecodingError) {
        tx.fees = .gasPrice(try cursor.uint256("gasFeeCap"))
        tx.gas = try cursor.uint64("gas")
        tx.to = try cursor.optionalAddress("to")
        tx.value = try cursor.uint256("value")
        tx.data = slice(try cursor.bytes("data"))
    }

    /// `requestId, from, l1BaseFee, depositValue, gasFeeCap, gas, retryTo, retryValue, beneficiary,
    /// maxSubmissionFee, feeRefundAddr, retryData`. The chain reports such a transaction as a call
    /// of ArbRetryableTx (0x6e) with no value; its calldata is synthesized after decoding.
    mutating func readSubmitRetryable(into tx: inout Transaction) throws(DecodingError) {
        let requestId = try cursor.hash("requestId")
        tx.from = try cursor.address("from")
        let l1BaseFee = try cursor.uint256("l1BaseFee")
        let depositValue = try cursor.uint256("depositValue")
        tx.fees = .gasPrice(try cursor.uint256("gasFeeCap"))
        tx.gas = try cursor.uint64("gas")
        let retryTo = try cursor.optionalAddress("retryTo")
        let retryValue = try cursor.uint256("retryValue")
        let beneficiary = try cursor.address("beneficiary")
        let maxSubmissionFee = try cursor.uint256("maxSubmissionFee")
        let feeRefundAddress = try cursor.address("feeRefundAddr")
        let retryData = slice(try cursor.bytes("retryData"))
        tx.to = Transaction.SubmitRetryable.arbRetryableTx
        tx.details = .submitRetryable(Transaction.SubmitRetryable(
            requestId: requestId, l1BaseFee: l1BaseFee, depositValue: depositValue, retryTo: retryTo,
            retryValue: retryValue, beneficiary: beneficiary, maxSubmissionFee: maxSubmissionFee,
            feeRefundAddress: feeRefundAddress, retryData: retryData))
    }
}

extension Transaction.SubmitRetryable {
    /// The ArbRetryableTx precompile (0x...6e), which the chain names as a submission's callee.
    static let arbRetryableTx = Address(precompile: 0x6e)

    /// The calldata the chain reports for the submission: `submitRetryable(bytes32 requestId,
    /// uint256 l1BaseFee, uint256 deposit, uint256 callvalue, uint256 gasFeeCap, uint64 gasLimit,
    /// uint256 maxSubmissionFee, address feeRefundAddress, address beneficiary, address retryTo,
    /// bytes retryData)`, ABI-encoded as Nitro's `data()` builds it.
    func callData(gasFeeCap: UInt256, gas: UInt64) -> [UInt8] {
        var out: [UInt8] = [0xc9, 0xf9, 0x5d, 0x32]
        let paddedCount = (retryData.count + 31) / 32 * 32
        out.reserveCapacity(4 + 13 * 32 + paddedCount)
        out.append(contentsOf: requestId.bytes)
        out.appendWord(l1BaseFee)
        out.appendWord(depositValue)
        out.appendWord(retryValue)
        out.appendWord(gasFeeCap)
        out.appendWord(UInt256(gas))
        out.appendWord(maxSubmissionFee)
        out.appendWord(feeRefundAddress)
        out.appendWord(beneficiary)
        out.appendWord(retryTo ?? .zero)
        out.appendWord(UInt256(UInt64(11 * 32)))
        out.appendDynamicBytes(retryData)
        return out
    }
}
