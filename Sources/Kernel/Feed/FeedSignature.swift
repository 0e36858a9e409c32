/// The feed signature (`signatureV2`): the sequencer signs each message's fields, and a client
/// checks the signer (Nitro `BroadcastFeedMessage.SignatureHash`, `broadcaster/message/message.go`,
/// and `util/signature/verifier.go` @ 6dce8d13902649a1acdfd3f2504129f1f5612358).
extension FeedMessage {
    /// The 20-byte prefix that keeps feed signatures apart from any other signed data.
    static let signaturePrefix: StaticString = "Arbitrum Nitro Feed:"

    /// keccak256("Arbitrum Nitro Feed:" ‖ u64be(chainId) ‖ u64be(sequenceNumber) ‖ blockHash
    /// (if present) ‖ blockMetadata ‖ u64be(delayedMessagesRead) ‖ kind ‖ sender ‖
    /// u64be(blockNumber) ‖ u64be(timestamp) ‖ requestId (if present) ‖ baseFeeL1 as minimal
    /// big-endian bytes (if present; zero gives none) ‖ l2Msg). No EIP-191 prefix.
    func signatureHash(chainId: UInt64) -> Hash32 {
        var h = Keccak256Hasher()
        h.update(UnsafeRawBufferPointer(start: Self.signaturePrefix.utf8Start, count: Self.signaturePrefix.utf8CodeUnitCount))
        func u64(_ v: UInt64) { withUnsafeBytes(of: v.bigEndian) { h.update($0) } }
        u64(chainId)
        u64(sequenceNumber)
        blockHash?.withUnsafeBytes { h.update($0) }
        blockMetadata?.withUnsafeBytes { h.update($0) }
        u64(delayedMessagesRead)
        h.update(byte: header.kind)
        header.sender.withUnsafeBytes { h.update($0) }
        u64(header.blockNumber)
        u64(header.timestamp)
        header.requestId?.withUnsafeBytes { h.update($0) }
        if let fee = header.baseFeeL1 {
            fee.minimalBigEndianBytes.withUnsafeBytes { h.update($0) }
        }
        l2Msg.withUnsafeBytes { h.update($0) }
        return h.finalize()
    }

    /// The address that signed this message for `chainId`: plain ecrecover of `signatureHash`
    /// with the 65-byte r ‖ s ‖ v (v below 4, as go-ethereum's `Ecrecover` accepts); nil when
    /// the signature is absent, not 65 bytes, or recovers no key.
    func recoverSigner(chainId: UInt64) -> Address? {
        guard let signature, signature.count == 65 else { return nil }
        let v = signature[signature.startIndex + 64]
        guard v < 4 else { return nil }
        let compact = Array(signature.prefix(64))
        guard let publicKey = Secp256k1.recover(compact: compact, recoveryId: Int32(v), digest: signatureHash(chainId: chainId)),
              publicKey.count == 65
        else { return nil }
        return publicKey.withUnsafeBytes { Address(lowBytesOf: Keccak256.hash(UnsafeRawBufferPointer(rebasing: $0[1..<65]))) }
    }

    /// True when the message carries a valid signature by `signer` for `chainId`.
    public func verify(signer: Address, chainId: UInt64) -> Bool {
        recoverSigner(chainId: chainId) == signer
    }
}
