/// Decodes transactions from their canonical EIP-2718 envelopes: a legacy RLP list, or a type
/// byte followed by an RLP list. Strict as go-ethereum: canonical RLP, no trailing bytes, every
/// field in range, signature values checked. Neither the hash nor the sender is computed
/// (`Transaction.hash`, `Transaction.recoverSender()`): each costs more than the decoding.
public enum TransactionDecoder {
    /// Decodes one transaction that spans all of `raw`. Error offsets are relative to
    /// `raw.startIndex`. Allocates nothing except for a submit-retryable's synthesized calldata.
    public static func decode(_ raw: ArraySlice<UInt8>) throws(DecodingError) -> Transaction {
        guard let first = raw.first else { throw DecodingError(.empty, at: 0) }
        var tx = try raw.withBorrowedBytes { (buf) throws(DecodingError) -> Transaction in
            if first >= 0xc0 {
                var fields = try Fields(buf: buf, raw: raw, typed: false)
                return try fields.legacy()
            }
            guard first < 0x80 else { throw DecodingError(.unexpectedKind, at: 0, field: "transaction") }
            guard let type = TransactionType(rawValue: first), type != .legacy else {
                throw DecodingError(.unknownType, at: 0, field: "type")
            }
            var fields = try Fields(buf: buf, raw: raw, typed: true)
            return type.isArbitrum ? try fields.arbitrum(type) : try fields.ethereumTyped(type)
        }
        if case .submitRetryable(let ticket) = tx.details {
            tx.data = ticket.callData(gasFeeCap: tx.maxFeePerGas, gas: tx.gas)[...]
        }
        return tx
    }

    /// Decodes one transaction that spans all of `raw`.
    public static func decode(_ raw: [UInt8]) throws(DecodingError) -> Transaction {
        try decode(raw[...])
    }
}

/// The state of one decode: the borrowed bytes and a cursor over the transaction's field list.
struct Fields {
    let buf: UnsafeRawBufferPointer
    let raw: ArraySlice<UInt8>
    var cursor: RLPCursor

    init(buf: UnsafeRawBufferPointer, raw: ArraySlice<UInt8>, typed: Bool) throws(DecodingError) {
        self.buf = buf
        self.raw = raw
        let start = typed ? 1 : 0
        let header = try RLPHeader.read(buf, at: start, limit: buf.count, field: "transaction")
        guard header.isList else { throw DecodingError(.unexpectedKind, at: start, field: "transaction") }
        guard header.end == buf.count else { throw DecodingError(.trailingBytes, at: header.end, field: "transaction") }
        cursor = RLPCursor(buf, list: header)
    }

    /// A slice of the caller's input for a range of buffer offsets.
    func slice(_ r: Range<Int>) -> ArraySlice<UInt8> {
        raw[(raw.startIndex + r.lowerBound)..<(raw.startIndex + r.upperBound)]
    }

    /// `[nonce, gasPrice, gas, to, value, data, v, r, s]`, with the chain id folded into `v` (EIP-155)
    /// or absent (27/28).
    mutating func legacy() throws(DecodingError) -> Transaction {
        let fieldsStart = cursor.position
        let nonce = try cursor.uint64("nonce")
        let gasPrice = try cursor.uint256("gasPrice")
        let gas = try cursor.uint64("gas")
        let to = try cursor.optionalAddress("to")
        let value = try cursor.uint256("value")
        let data = try cursor.bytes("data")
        let signatureStart = cursor.position
        let v = try cursor.uint256("v")
        let r = try cursor.uint256("r")
        let s = try cursor.uint256("s")
        try cursor.finish(field: "transaction")

        let chainId: UInt256?
        let parity: UInt256
        if v == UInt256(27) || v == UInt256(28) {
            chainId = nil
            parity = v &- UInt256(27)
        } else if v >= UInt256(35) {
            let protected = v &- UInt256(35)
            chainId = protected >> 1
            parity = protected & .one
        } else {
            throw DecodingError(.invalidSignature, at: signatureStart, field: "v")
        }
        return Transaction(
            type: .legacy, chainId: chainId, nonce: nonce, to: to, value: value, gas: gas,
            fees: .gasPrice(gasPrice), data: slice(data),
            signature: try Signature(r: r, s: s, yParity: parity, v: v, offset: signatureStart),
            from: nil, details: .none, raw: raw, signedFields: fieldsStart..<signatureStart)
    }

    /// EIP-2930, EIP-1559, EIP-4844 and EIP-7702 field lists.
    mutating func ethereumTyped(_ type: TransactionType) throws(DecodingError) -> Transaction {
        let fieldsStart = cursor.position
        let chainId = try cursor.uint256("chainId")
        let nonce = try cursor.uint64("nonce")
        let fees: Transaction.Fees
        if type == .accessList {
            fees = .gasPrice(try cursor.uint256("gasPrice"))
        } else {
            let tip = try cursor.uint256("maxPriorityFeePerGas")
            fees = .dynamic(maxFeePerGas: try cursor.uint256("maxFeePerGas"), maxPriorityFeePerGas: tip)
        }
        let gas = try cursor.uint64("gas")
        let to: Address?
        switch type {
        case .blob, .setCode: to = try cursor.address("to")
        default: to = try cursor.optionalAddress("to")
        }
        let value = try cursor.uint256("value")
        let data = try cursor.bytes("data")
        let accessList = try readAccessList()
        let details: Transaction.Details
        switch type {
        case .blob:
            let maxFeePerBlobGas = try cursor.uint256("maxFeePerBlobGas")
            details = .blob(accessList: accessList, maxFeePerBlobGas: maxFeePerBlobGas, blobHashes: try readBlobHashes())
        case .setCode:
            details = .setCode(accessList: accessList, authorizations: try readAuthorizations())
        default:
            details = .accessList(accessList)
        }
        let signatureStart = cursor.position
        let yParity = try cursor.uint256("yParity")
        let r = try cursor.uint256("r")
        let s = try cursor.uint256("s")
        try cursor.finish(field: "transaction")
        return Transaction(
            type: type, chainId: chainId, nonce: nonce, to: to, value: value, gas: gas,
            fees: fees, data: slice(data),
            signature: try Signature(r: r, s: s, yParity: yParity, v: yParity, offset: signatureStart),
            from: nil, details: details, raw: raw, signedFields: fieldsStart..<signatureStart)
    }

    /// `[[address, [storageKey, ...]], ...]`, every entry checked.
    mutating func readAccessList() throws(DecodingError) -> RLPList {
        var list = try cursor.list("accessList")
        let payload = list.position..<list.end
        var count = 0
        while !list.isAtEnd {
            var entry = try list.list("accessList")
            _ = try entry.address("accessList.address")
            var keys = try entry.list("accessList.storageKeys")
            while !keys.isAtEnd { _ = try keys.hash("accessList.storageKey") }
            try entry.finish(field: "accessList")
            count += 1
        }
        return RLPList(payload: slice(payload), count: count)
    }

    /// `[versionedHash, ...]`, each 32 bytes.
    mutating func readBlobHashes() throws(DecodingError) -> RLPList {
        var list = try cursor.list("blobVersionedHashes")
        let payload = list.position..<list.end
        var count = 0
        while !list.isAtEnd {
            _ = try list.hash("blobVersionedHashes")
            count += 1
        }
        return RLPList(payload: slice(payload), count: count)
    }

    /// `[[chainId, address, nonce, yParity, r, s], ...]` (EIP-7702). An authorization with a bad
    /// signature is skipped by the chain, not refused, so only the shape and ranges are checked here.
    mutating func readAuthorizations() throws(DecodingError) -> RLPList {
        var list = try cursor.list("authorizationList")
        let payload = list.position..<list.end
        var count = 0
        while !list.isAtEnd {
            var auth = try list.list("authorization")
            _ = try auth.uint256("authorization.chainId")
            _ = try auth.address("authorization.address")
            _ = try auth.uint64("authorization.nonce")
            _ = try auth.integerBytes("authorization.yParity", maxBytes: 1)
            _ = try auth.uint256("authorization.r")
            _ = try auth.uint256("authorization.s")
            try auth.finish(field: "authorization")
            count += 1
        }
        return RLPList(payload: slice(payload), count: count)
    }
}
