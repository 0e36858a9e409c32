/// The transactions ArbOS makes from delayed-inbox L1 messages (kinds 7, 9, 12, 13), field for
/// field as Nitro's `arbos/parse_l2.go` and `arbos/arbostypes/incomingmessage.go` read them
/// (OffchainLabs/nitro @ 6dce8d13902649a1acdfd3f2504129f1f5612358).
extension L2MessageParser {
    /// Kind 7, L2FundedByL1: `l2Msg[0]` is an L2 kind (0 or 1), the rest an unsigned or contract
    /// transaction. Yields a deposit of its value to the poster (request id
    /// keccak(requestId ‖ uint256(0)), from the zero address) and the transaction (request id
    /// keccak(requestId ‖ uint256(1))).
    func fundedByL1(_ l2Msg: ArraySlice<UInt8>, requestId: Hash32?) throws(FeedError) -> [Transaction] {
        guard let kind = l2Msg.first else { throw FeedError(.emptyL2Message, at: 0, in: .l2Msg, field: "kind") }
        guard let requestId else { throw FeedError(.missingRequestId, at: 0, in: .l2Msg, field: "requestId") }
        let depositRequestId = Self.subRequestId(requestId, index: 0)
        let unsignedRequestId = Self.subRequestId(requestId, index: 1)
        let tx = try unsignedTransaction(l2Msg.dropFirst(), kind: kind, requestId: unsignedRequestId)
        let deposit = try ArbitrumTransactionBuilder.deposit(
            chainId: chainId, requestId: depositRequestId, from: .zero, to: poster, value: tx.value)
        return [deposit, tx]
    }

    /// Kind 9, SubmitRetryable (`parseSubmitRetryableMessage`): retryTo(32) ‖ callvalue(32) ‖
    /// deposit(32) ‖ maxSubmissionFee(32) ‖ feeRefundAddress(32) ‖ beneficiary(32) ‖
    /// gasLimit(32, < 2^64) ‖ maxFeePerGas(32) ‖ dataLength(32, ≤ 256 KiB) ‖ data.
    /// Like Go's `bytes.Reader.Read`, data shorter than `dataLength` is zero-padded unless none is
    /// left at all; bytes after it are ignored.
    func submitRetryable(_ l2Msg: ArraySlice<UInt8>, header: L1MessageHeader) throws(FeedError) -> Transaction {
        var r = L2FieldReader(l2Msg, base: base)
        let retryTo = try r.address256("retryTo")
        let callValue = try r.word("callvalue")
        let depositValue = try r.word("depositValue")
        let maxSubmissionFee = try r.word("maxSubmissionFee")
        let feeRefundAddress = try r.address256("feeRefundAddress")
        let beneficiary = try r.address256("callvalueRefundAddress")
        let gas = try r.uint64Word("gasLimit")
        let maxFeePerGas = try r.word("maxFeePerGas")
        let lengthOffset = r.offset
        let dataLength = try r.word("dataLength")
        guard let length = dataLength.uint64Value else {
            throw FeedError(.valueOutOfRange, at: lengthOffset, in: .l2Msg, field: "dataLength")
        }
        guard length <= UInt64(L2MessageLimits.maxL2MessageSize) else {
            throw FeedError(.valueOutOfRange, at: lengthOffset, in: .l2Msg, field: "dataLength")
        }
        var retryData = ArraySlice<UInt8>()
        if length > 0 {
            guard r.remaining > 0 else { throw FeedError(.truncated, at: r.offset, in: .l2Msg, field: "retryData") }
            let available = min(Int(length), r.remaining)
            retryData = try r.take(available, "retryData")
            if available < Int(length) {
                retryData = ArraySlice(Array(retryData) + repeatElement(0, count: Int(length) - available))
            }
        }
        guard let requestId = header.requestId else {
            throw FeedError(.missingRequestId, at: 0, in: .l2Msg, field: "requestId")
        }
        return try ArbitrumTransactionBuilder.submitRetryable(chainId: chainId, .init(
            requestId: requestId, from: poster, l1BaseFee: header.baseFeeL1 ?? .zero, depositValue: depositValue,
            gasFeeCap: maxFeePerGas, gas: gas, retryTo: retryTo == .zero ? nil : retryTo, retryValue: callValue,
            beneficiary: beneficiary, maxSubmissionFee: maxSubmissionFee, feeRefundAddress: feeRefundAddress,
            retryData: retryData))
    }

    /// Kind 12, EthDeposit (`parseEthDepositMessage`): to(20) ‖ value(32); trailing bytes ignored.
    func ethDeposit(_ l2Msg: ArraySlice<UInt8>, requestId: Hash32?) throws(FeedError) -> Transaction {
        var r = L2FieldReader(l2Msg, base: base)
        let to = try r.address("to")
        let value = try r.word("value")
        guard let requestId else { throw FeedError(.missingRequestId, at: 0, in: .l2Msg, field: "requestId") }
        return try ArbitrumTransactionBuilder.deposit(chainId: chainId, requestId: requestId, from: poster, to: to, value: value)
    }

    /// Kind 13, BatchPostingReport (`ParseBatchPostingReportMessageFields` and
    /// `createBatchPostingReportTransaction`): batchTimestamp(32) ‖ batchPoster(20) ‖ dataHash(32)
    /// ‖ batchNumber(32, < 2^64) ‖ l1BaseFee(32) ‖ extraGas(8, optional). Before ArbOS 50 the
    /// internal transaction calls `batchPostingReport(uint256,address,uint64,uint64,uint256)` with
    /// the legacy gas (from `batchDataTokens` when present, else `batchGasCost`) plus extraGas,
    /// saturating; from ArbOS 50 on, `batchPostingReportV2(uint256,address,uint64,uint64,uint64,
    /// uint64,uint256)` with the batch's length and non-zero count, which it then requires.
    func batchPostingReport(_ message: FeedMessage, arbOSVersion: UInt64) throws(FeedError) -> Transaction {
        var r = L2FieldReader(message.l2Msg, base: base)
        let batchTimestamp = try r.word("batchTimestamp")
        let batchPoster = try r.address("batchPosterAddr")
        _ = try r.hash("dataHash")
        let numberOffset = r.offset
        let batchNumberWord = try r.word("batchNum")
        let l1BaseFee = try r.word("l1BaseFee")
        // Absent (nothing left) means zero; a partial field is an error (io.ErrUnexpectedEOF).
        let extraGas = r.remaining == 0 ? 0 : try r.uint64("extraGas")
        guard let batchNumber = batchNumberWord.uint64Value else {
            throw FeedError(.valueOutOfRange, at: numberOffset, in: .l2Msg, field: "batchNum")
        }
        let legacyGas: UInt64
        if let stats = message.batchDataStats {
            legacyGas = Self.legacyCost(stats)
        } else if let cost = message.batchGasCost {
            legacyGas = cost
        } else {
            throw FeedError(.missingBatchGasData, at: 0, in: .l2Msg, field: "batchGasCost")
        }
        var data: [UInt8] = []
        if arbOSVersion < 50 {
            let (sum, overflow) = legacyGas.addingReportingOverflow(extraGas)
            data.reserveCapacity(4 + 5 * 32)
            data += Self.batchPostingReportSelector
            data.appendWord(batchTimestamp)
            data.appendWord(batchPoster)
            data.appendWord(UInt256(batchNumber))
            data.appendWord(UInt256(overflow ? .max : sum))
            data.appendWord(l1BaseFee)
        } else {
            guard let stats = message.batchDataStats else {
                throw FeedError(.missingBatchGasData, at: 0, in: .l2Msg, field: "batchDataTokens")
            }
            data.reserveCapacity(4 + 7 * 32)
            data += Self.batchPostingReportV2Selector
            data.appendWord(batchTimestamp)
            data.appendWord(batchPoster)
            data.appendWord(UInt256(batchNumber))
            data.appendWord(UInt256(stats.length))
            data.appendWord(UInt256(stats.nonZeros))
            data.appendWord(UInt256(extraGas))
            data.appendWord(l1BaseFee)
        }
        return try ArbitrumTransactionBuilder.internalTx(chainId: chainId, data: data)
    }

    /// `batchPostingReport(uint256,address,uint64,uint64,uint256)`.
    static let batchPostingReportSelector: [UInt8] = [0xb6, 0x69, 0x37, 0x71]
    /// `batchPostingReportV2(uint256,address,uint64,uint64,uint64,uint64,uint256)`.
    static let batchPostingReportV2Selector: [UInt8] = [0x99, 0x98, 0x26, 0x9e]

    /// Nitro's `LegacyCostForStats`: calldata gas (4 per zero byte, 16 per other byte), keccak of
    /// the batch (30 + 6 per word) and two fresh storage writes (2 × 20,000), in wrapping uint64
    /// arithmetic as Go computes it.
    static func legacyCost(_ stats: BatchDataStats) -> UInt64 {
        var gas = 4 &* (stats.length &- stats.nonZeros) &+ 16 &* stats.nonZeros
        let keccakWords = (stats.length &+ 31) / 32
        gas = gas &+ 30 &+ keccakWords &* 6
        gas = gas &+ 2 &* 20_000
        return gas
    }
}
