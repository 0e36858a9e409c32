import CSecp256k1
import Kernel

/// Signs with one private key through libsecp256k1: ECDSA with RFC 6979 deterministic nonces
/// (the library's default nonce function), so that the same key and digest always give the same
/// signature, and low `s` (the library normalizes `s` and flips the recovery id with it), as the
/// chain requires since EIP-2.
///
/// Shared freely across tasks: it holds the key and its address, both immutable.
public final class TransactionSigner: Sendable {
    /// The key's account: the low 20 bytes of keccak-256 of its uncompressed public key.
    public let address: Address
    private let key: PrivateKey

    /// A signer for `key`.
    public init(key: PrivateKey) {
        self.key = key
        self.address = key.address
    }

    /// `transaction` signed: its `EIP1559Transaction.signedEncoding` with the signature of its
    /// `signingHash`, and that encoding's hash.
    public func sign(_ transaction: EIP1559Transaction) -> SignedTransaction {
        let raw = transaction.signedEncoding(sign(digest: transaction.signingHash))
        return SignedTransaction(raw: raw, hash: Keccak256.hash(raw))
    }

    /// The recoverable signature of a 32-byte digest: `r`, low `s`, and the recovery id as
    /// `yParity`.
    public func sign(digest: Hash32) -> Signature {
        let context = Secp256k1Context.shared
        var recoverable = secp256k1_ecdsa_recoverable_signature()
        let signed = digest.withUnsafeBytes { digestBytes in
            key.withUnsafeBytes { secret in
                digestBytes.bindMemory(to: UInt8.self).baseAddress.map {
                    secp256k1_ecdsa_sign_recoverable(context, &recoverable, $0, secret, nil, nil)
                } ?? 0
            }
        }
        // libsecp256k1 fails only for an invalid key (PrivateKey checked it) or a nonce function
        // that gives up (RFC 6979 retries until it finds a valid nonce).
        precondition(signed == 1, "libsecp256k1 could not sign with a verified key")
        var compact = [UInt8](repeating: 0, count: 64)
        var recoveryId: Int32 = 0
        secp256k1_ecdsa_recoverable_signature_serialize_compact(context, &compact, &recoveryId, &recoverable)
        return compact.withUnsafeBytes { bytes in
            Signature(
                r: UInt256(word32: UnsafeRawBufferPointer(rebasing: bytes[0..<32])),
                s: UInt256(word32: UnsafeRawBufferPointer(rebasing: bytes[32..<64])),
                yParity: UInt8(truncatingIfNeeded: recoveryId)
            )
        }
    }
}
