import Kernel

/// The fields of the EIP-1559 transaction that carries a cycle to the executor, other than its
/// calldata, for estimating its signed size before it is signed.
public struct TransactionTemplate: Sendable, Equatable {
    /// The chain (42161 for Arbitrum One).
    public var chainId: UInt64
    /// The sender's nonce.
    public var nonce: UInt64
    /// The priority fee (Arbitrum ignores it; zero).
    public var maxPriorityFeePerGas: UInt256
    /// The fee cap.
    public var maxFeePerGas: UInt256
    /// The gas limit.
    public var gasLimit: UInt64
    /// The executor contract.
    public var to: Address

    /// A template with the given fields; the chain defaults to Arbitrum One and the priority fee
    /// to zero.
    public init(chainId: UInt64 = 42161, nonce: UInt64, maxPriorityFeePerGas: UInt256 = .zero, maxFeePerGas: UInt256, gasLimit: UInt64, to: Address) {
        self.chainId = chainId
        self.nonce = nonce
        self.maxPriorityFeePerGas = maxPriorityFeePerGas
        self.maxFeePerGas = maxFeePerGas
        self.gasLimit = gasLimit
        self.to = to
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
        EIP1559Transaction(
            chainId: chainId, nonce: nonce, maxPriorityFeePerGas: maxPriorityFeePerGas,
            maxFeePerGas: maxFeePerGas, gasLimit: gasLimit, to: to, value: .zero, data: data
        )
    }

    /// The bytes the signed transaction with calldata `data` would have: its
    /// `EIP1559Transaction.signedEncoding` with the placeholder signature.
    public func signedBytes(data: [UInt8]) -> [UInt8] {
        transaction(data: data).signedEncoding(Self.placeholder)
    }
}
