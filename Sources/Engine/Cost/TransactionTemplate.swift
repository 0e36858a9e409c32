import Kernel

/// The EIP-1559 transaction that carries a cycle to the executor, all but its calldata, for
/// estimating its signed size before it is signed.
public struct TransactionTemplate: Sendable, Equatable {
    /// The transaction without calldata (and with no value): chain, nonce, fees, gas limit and
    /// the executor contract.
    public var envelope: EIP1559Transaction

    /// A template with the given fields; the chain defaults to Arbitrum One and the priority fee
    /// to zero (Arbitrum ignores it).
    public init(chainId: UInt64 = 42161, nonce: UInt64, maxPriorityFeePerGas: UInt256 = .zero, maxFeePerGas: UInt256, gasLimit: UInt64, to: Address) {
        envelope = EIP1559Transaction(
            chainId: chainId, nonce: nonce, maxPriorityFeePerGas: maxPriorityFeePerGas,
            maxFeePerGas: maxFeePerGas, gasLimit: gasLimit, to: to, value: .zero, data: [])
    }

    /// The signature placeholder: yParity 1, `r` = keccak256("R") and `s` = keccak256("S")
    /// halved (a valid low `s`), 32 bytes each that do not compress, like a real signature's
    /// (nitro's `makeFakeTxForMessage` stands in for the signature the same way in gas
    /// estimation; a real `r` or `s` is one byte shorter than 32 once in 256 signatures).
    private static let placeholder = Signature(
        r: Keccak256.hash(Array("R".utf8)).withUnsafeBytes { UInt256(word32: $0) },
        s: Keccak256.hash(Array("S".utf8)).withUnsafeBytes { UInt256(word32: $0) } >> 1,
        yParity: 1
    )

    /// The unsigned transaction carrying calldata `data` (and no value).
    public func transaction(data: [UInt8]) -> EIP1559Transaction {
        var transaction = envelope
        transaction.data = data
        return transaction
    }

    /// The bytes the signed transaction with calldata `data` would have: its
    /// `EIP1559Transaction.signedEncoding` with the placeholder signature.
    public func signedBytes(data: [UInt8]) -> [UInt8] {
        transaction(data: data).signedEncoding(Self.placeholder)
    }
}
