/// The sender's nonces, handed out locally so that signing never waits for the network.
///
/// The chain's count is the truth: the allocator starts from it (or from the nonce file when
/// that is ahead, so that a restart never reuses a nonce an in-flight transaction holds), and
/// any rejection or gap suspends allocation until `resync(chainCount:)` brings the chain's count
/// back. While suspended, `allocate()` gives nothing: a trade is refused rather than sent with a
/// guessed nonce, so no nonce is ever used twice.
public struct NonceAllocator: Sendable, Equatable {
    /// The next nonce to hand out; nil while a resync is awaited.
    public private(set) var next: UInt64?

    /// An allocator that waits for its first `resync`.
    public init() {}

    /// The next nonce, or nil while a resync is awaited.
    public mutating func allocate() -> UInt64? {
        guard let nonce = next else { return nil }
        next = nonce + 1
        return nonce
    }

    /// A transaction was rejected or the chain showed a gap: allocation stops until the chain's
    /// count is read again.
    public mutating func suspend() {
        next = nil
    }

    /// Starts again from the chain's transaction count (`eth_getTransactionCount`, pending), or
    /// from `persisted` (the nonce file) when that is ahead of it.
    public mutating func resync(chainCount: UInt64, persisted: UInt64? = nil) {
        next = max(chainCount, persisted ?? 0)
    }
}
