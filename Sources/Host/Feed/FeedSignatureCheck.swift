import Kernel

/// Verifies the sequencer's signature on each message of a frame as Nitro's feed client does:
/// `signatureV2` must recover, over the message's signature hash for the chain, to the configured
/// signer. A message without a signature fails too.
struct FeedSignatureCheck: Sendable {
    /// The sequencer's feed signing address.
    let signer: Address
    /// The chain the signatures commit to.
    let chainId: UInt64

    /// Sequence numbers of the messages in `frame` whose signature does not verify. A frame that
    /// does not decode is left to the decode loop, which counts it as malformed.
    func rejected(in frame: [UInt8]) -> [UInt64] {
        guard let decoded = try? FeedDecoder(chainId: chainId, decodesTransactions: false).decode(frame) else { return [] }
        return decoded.entries.lazy.map(\.message).filter { !$0.verify(signer: signer, chainId: chainId) }.map(\.sequenceNumber)
    }
}
