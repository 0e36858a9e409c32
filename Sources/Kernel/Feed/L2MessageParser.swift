/// Turns an L2 message (L1 kind 3's `l2Msg`) into transactions as Nitro's `parseL2Message`
/// does (`arbos/parse_l2.go` @ 6dce8d13902649a1acdfd3f2504129f1f5612358).
///
/// Batches are walked in place: every segment and every transaction's `raw` is a slice of the
/// message's `l2Msg`, nothing is copied. Any error anywhere fails the whole message, as in Nitro.
struct L2MessageParser {
    let chainId: UInt256
    let poster: Address
    let timestamp: UInt64
    /// `l2Msg.startIndex`, the origin of error offsets.
    let base: Int
    /// The transactions parsed so far, in order.
    var transactions: [Transaction] = []

    init(chainId: UInt256, poster: Address, timestamp: UInt64, base: Int) {
        self.chainId = chainId
        self.poster = poster
        self.timestamp = timestamp
        self.base = base
    }

    /// Parses one L2 message at batch nesting `depth` (0 at the top).
    mutating func parse(_ message: ArraySlice<UInt8>, requestId: Hash32?, depth: Int) throws(FeedError) {
        guard let kind = message.first else {
            throw FeedError(.emptyL2Message, at: message.startIndex - base, in: .l2Msg, field: "kind")
        }
        let body = message.dropFirst()
        switch L2MessageKind(rawValue: kind) {
        case .unsignedUserTx, .contractTx:
            transactions.append(try unsignedTransaction(body, kind: kind, requestId: requestId))
        case .batch:
            try batch(body, kindOffset: message.startIndex - base, requestId: requestId, depth: depth)
        case .signedTx:
            transactions.append(try signedTransaction(body))
        case .heartbeat:
            guard timestamp < L2MessageLimits.heartbeatsDisabledAt else {
                throw FeedError(.heartbeatDisabled, at: message.startIndex - base, in: .l2Msg, field: "kind")
            }
        case .nonmutatingCall, .signedCompressedTx:
            throw FeedError(.unsupportedL2Kind, at: message.startIndex - base, in: .l2Msg, field: "kind")
        case nil:
            throw FeedError(.unknownL2Kind, at: message.startIndex - base, in: .l2Msg, field: "kind")
        }
    }

    /// Kind 3: `{u64 big-endian length ‖ that many bytes}*`. A length above
    /// `MaxL2MessageSize`, or a segment cut short, ends the batch without an error (Nitro's loop
    /// stops at the first read error of `BytestringFromReader`).
    private mutating func batch(_ body: ArraySlice<UInt8>, kindOffset: Int, requestId: Hash32?, depth: Int) throws(FeedError) {
        guard depth < L2MessageLimits.maxBatchDepth else {
            throw FeedError(.batchTooDeep, at: kindOffset, in: .l2Msg, field: "batch")
        }
        var index = body.startIndex
        var segment: UInt64 = 0
        while body.endIndex - index >= 8 {
            var length: UInt64 = 0
            for i in index..<(index + 8) { length = length << 8 | UInt64(body[i]) }
            let start = index + 8
            guard length <= UInt64(L2MessageLimits.maxL2MessageSize), Int(length) <= body.endIndex - start else { return }
            let end = start + Int(length)
            let subRequestId = requestId.map { Self.subRequestId($0, index: segment) }
            try parse(body[start..<end], requestId: subRequestId, depth: depth + 1)
            segment += 1
            index = end
        }
    }

    /// Kind 4: one EIP-2718 envelope. Nitro's `UnmarshalBinary` accepts legacy, 0x01, 0x02,
    /// 0x03 and 0x04 here and then refuses 0x03 and the Arbitrum types; every other type byte
    /// is `ErrTxTypeNotSupported` too.
    private func signedTransaction(_ body: ArraySlice<UInt8>) throws(FeedError) -> Transaction {
        let at = body.startIndex - base
        if let type = body.first, type < 0x80, type != 0x01, type != 0x02, type != 0x04 {
            throw FeedError(.unsupportedTransactionType, at: at, in: .l2Msg, field: "type")
        }
        do throws(DecodingError) {
            return try TransactionDecoder.decode(body)
        } catch {
            throw FeedError(.invalidTransaction, at: at + error.offset, in: .l2Msg, field: error.field, underlying: error)
        }
    }

    /// Kinds 0 and 1 (`parseUnsignedTx`): gasLimit(32) ‖ maxFeePerGas(32) ‖ nonce(32, kind 0
    /// only) ‖ to(32, low 20 bytes; zero = create) ‖ value(32) ‖ calldata. The sender is the poster.
    func unsignedTransaction(_ body: ArraySlice<UInt8>, kind: UInt8, requestId: Hash32?) throws(FeedError) -> Transaction {
        var r = L2FieldReader(body, base: base)
        let kindOffset = body.startIndex - 1 - base
        let gas = try r.uint64Word("gasLimit")
        let maxFeePerGas = try r.word("maxFeePerGas")
        let nonce = kind == L2MessageKind.unsignedUserTx.rawValue ? try r.uint64Word("nonce") : 0
        let to = try r.address256("to")
        let destination: Address? = to == .zero ? nil : to
        let value = try r.word("value")
        let data = r.rest()
        switch kind {
        case L2MessageKind.unsignedUserTx.rawValue:
            return try ArbitrumTransactionBuilder.unsigned(
                chainId: chainId, from: poster, nonce: nonce, gasFeeCap: maxFeePerGas, gas: gas, to: destination,
                value: value, data: data)
        case L2MessageKind.contractTx.rawValue:
            guard let requestId else { throw FeedError(.missingRequestId, at: kindOffset, in: .l2Msg, field: "requestId") }
            return try ArbitrumTransactionBuilder.contract(
                chainId: chainId, requestId: requestId, from: poster, gasFeeCap: maxFeePerGas, gas: gas, to: destination,
                value: value, data: data)
        default:
            throw FeedError(.invalidFundedTxKind, at: kindOffset, in: .l2Msg, field: "kind")
        }
    }

    /// keccak256(requestId ‖ uint256(index)): the request id of a batch's `index`-th segment,
    /// and of the two transactions of an L2-funded-by-L1 message.
    static func subRequestId(_ requestId: Hash32, index: UInt64) -> Hash32 {
        var hasher = Keccak256Hasher()
        requestId.withUnsafeBytes { hasher.update($0) }
        withUnsafeBytes(of: (UInt64(0), UInt64(0), UInt64(0), index.bigEndian)) { hasher.update($0) }
        return hasher.finalize()
    }
}
