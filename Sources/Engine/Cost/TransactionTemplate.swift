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

    /// The signature placeholder: `r` = keccak256("R") and `s` = keccak256("S") halved (a valid
    /// low `s`), 32 bytes each that do not compress, like a real signature's (nitro's
    /// `makeFakeTxForMessage` stands in for the signature the same way in gas estimation).
    private static let placeholderR = Keccak256.hash(Array("R".utf8)).withUnsafeBytes { UInt256(word32: $0) }
    private static let placeholderS = Keccak256.hash(Array("S".utf8)).withUnsafeBytes { UInt256(word32: $0) } >> 1

    /// The bytes the signed transaction with calldata `data` would have:
    /// `0x02 || rlp([chainId, nonce, maxPriorityFeePerGas, maxFeePerGas, gasLimit, to, 0, data,
    /// [], yParity, r, s])` with the placeholder signature and yParity 1 (a real `r` or `s` is
    /// one byte shorter than 32 once in 256 signatures).
    public func signedBytes(data: [UInt8]) -> [UInt8] {
        var writer = RLPWriter()
        writer.appendList { fields in
            fields.append(chainId)
            fields.append(nonce)
            fields.append(maxPriorityFeePerGas)
            fields.append(maxFeePerGas)
            fields.append(gasLimit)
            fields.append(to)
            fields.append(UInt256.zero)
            fields.append(bytes: data)
            fields.appendList { _ in }
            fields.append(UInt64(1))
            fields.append(Self.placeholderR)
            fields.append(Self.placeholderS)
        }
        return [0x02] + writer.bytes
    }
}
