import CSecp256k1

/// Recovers the sender of a signed transaction with libsecp256k1. About forty times the cost of
/// a whole decode, so it runs only when something needs the sender.
extension Transaction {
    /// Why a sender could not be recovered.
    public enum SenderError: Error, Equatable, Sendable {
        /// The transaction type carries no signature; its sender is in `from`.
        case unsigned
        /// libsecp256k1 found no public key for this signature and hash.
        case recoveryFailed
    }

    /// The hash the sender signed: keccak-256 of the type byte (typed) and the RLP list of the
    /// fields before the signature; for EIP-155 legacy transactions the list also ends with
    /// `chainId, 0, 0`. Built from slices of `raw` without copying them.
    var signingHash: Hash32? {
        guard signature != nil else { return nil }
        return raw.withUnsafeBytes { buf in
            let fields = UnsafeRawBufferPointer(rebasing: buf[signedFields])
            var hasher = Keccak256Hasher()
            var suffix = RLPSmallBuffer()
            if type == .legacy, let chainId {
                suffix.appendInteger(chainId)
                suffix.append(0x80)
                suffix.append(0x80)
            } else if type != .legacy {
                hasher.update(byte: type.rawValue)
            }
            var header = RLPSmallBuffer()
            header.appendListHeader(payloadCount: fields.count + suffix.count)
            header.withBytes { hasher.update($0) }
            hasher.update(fields)
            suffix.withBytes { hasher.update($0) }
            return hasher.finalize()
        }
    }

    /// Recovers the signer's address, as go-ethereum's signer does: the signature values were
    /// already checked by the decoder (low s, recovery id 0 or 1, 0 < r, s < n).
    public func recoverSender() throws(SenderError) -> Address {
        guard let signature, let digest = signingHash else { throw .unsigned }
        var compact = [UInt8](repeating: 0, count: 64)
        compact.withUnsafeMutableBytes { out in
            signature.r.writeBigEndian(to: UnsafeMutableRawBufferPointer(rebasing: out[0..<32]))
            signature.s.writeBigEndian(to: UnsafeMutableRawBufferPointer(rebasing: out[32..<64]))
        }
        guard let publicKey = Secp256k1.recover(compact: compact, recoveryId: Int32(signature.yParity), digest: digest) else {
            throw .recoveryFailed
        }
        return publicKey.withUnsafeBytes { Address(lowBytesOf: Keccak256.hash(UnsafeRawBufferPointer(rebasing: $0[1..<65]))) }
    }
}

/// The process-wide libsecp256k1 context.
enum Secp256k1 {
    /// A context made once; libsecp256k1 contexts are safe to share for verification and recovery.
    nonisolated(unsafe) static let context: OpaquePointer? = secp256k1_context_create(UInt32(SECP256K1_CONTEXT_NONE))

    /// The 65-byte uncompressed public key that signed `digest`, or nil.
    static func recover(compact: [UInt8], recoveryId: Int32, digest: Hash32) -> [UInt8]? {
        guard let context else { return nil }
        var signature = secp256k1_ecdsa_recoverable_signature()
        guard secp256k1_ecdsa_recoverable_signature_parse_compact(context, &signature, compact, recoveryId) == 1 else {
            return nil
        }
        var publicKey = secp256k1_pubkey()
        let recovered = digest.withUnsafeBytes { d in
            d.withMemoryRebound(to: UInt8.self) { bytes in
                bytes.baseAddress.map { secp256k1_ecdsa_recover(context, &publicKey, &signature, $0) } ?? 0
            }
        }
        guard recovered == 1 else { return nil }
        var out = [UInt8](repeating: 0, count: 65)
        var count = 65
        secp256k1_ec_pubkey_serialize(context, &out, &count, &publicKey, UInt32(SECP256K1_EC_UNCOMPRESSED))
        return out
    }
}
