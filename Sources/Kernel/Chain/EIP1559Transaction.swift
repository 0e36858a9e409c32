/// An unsigned EIP-1559 (type 0x02) call with an empty access list: what the bot signs and
/// sends. `signingHash` is the digest its sender signs; `signedEncoding(_:)` is the envelope the
/// chain accepts, `0x02 || rlp([chainId, nonce, maxPriorityFeePerGas, maxFeePerGas, gasLimit, to,
/// value, data, [], yParity, r, s])`, which `TransactionDecoder` reads back.
public struct EIP1559Transaction: Sendable, Equatable {
    /// The chain (42161 for Arbitrum One).
    public var chainId: UInt64
    /// The sender's nonce.
    public var nonce: UInt64
    /// The priority fee per gas.
    public var maxPriorityFeePerGas: UInt256
    /// The fee cap per gas.
    public var maxFeePerGas: UInt256
    /// The gas limit.
    public var gasLimit: UInt64
    /// The callee.
    public var to: Address
    /// Wei sent with the call.
    public var value: UInt256
    /// The calldata.
    public var data: [UInt8]

    /// A transaction with the given fields.
    public init(
        chainId: UInt64, nonce: UInt64, maxPriorityFeePerGas: UInt256, maxFeePerGas: UInt256,
        gasLimit: UInt64, to: Address, value: UInt256, data: [UInt8]
    ) {
        self.chainId = chainId
        self.nonce = nonce
        self.maxPriorityFeePerGas = maxPriorityFeePerGas
        self.maxFeePerGas = maxFeePerGas
        self.gasLimit = gasLimit
        self.to = to
        self.value = value
        self.data = data
    }

    /// The digest the sender signs: keccak-256 of `0x02 || rlp([chainId, nonce,
    /// maxPriorityFeePerGas, maxFeePerGas, gasLimit, to, value, data, []])`.
    public var signingHash: Hash32 {
        var writer = envelope()
        writer.appendList { appendFields(to: &$0) }
        return Keccak256.hash(writer.bytes)
    }

    /// The signed envelope with `signature` (its `yParity`, `r` and `s`), as the chain hashes
    /// and accepts it.
    public func signedEncoding(_ signature: Signature) -> [UInt8] {
        var writer = envelope()
        writer.appendList { list in
            appendFields(to: &list)
            list.append(UInt64(signature.yParity))
            list.append(signature.r)
            list.append(signature.s)
        }
        return writer.bytes
    }

    /// A writer holding the type byte, with room for the list that follows.
    private func envelope() -> RLPWriter {
        var writer = RLPWriter(reservingCapacity: data.count + 256)
        writer.appendRaw(CollectionOfOne(TransactionType.dynamicFee.rawValue))
        return writer
    }

    /// The fields before the signature, in EIP-1559's order.
    private func appendFields(to list: inout RLPWriter) {
        list.append(chainId)
        list.append(nonce)
        list.append(maxPriorityFeePerGas)
        list.append(maxFeePerGas)
        list.append(gasLimit)
        list.append(to)
        list.append(value)
        list.append(bytes: data)
        list.appendList { _ in }
    }
}
