import Kernel

/// How a `FeedClient` connects.
public struct FeedClientConfiguration: Sendable {
    /// Feed endpoints (`ws://` or `wss://`), each served by its own connection; the first copy of
    /// a message to arrive wins.
    var urls: [String]
    /// Frames the hand-over queue holds before it drops the newest.
    public var queueCapacity: Int = 8192
    /// The largest WebSocket message accepted (nitro's `l2Msg` alone may be 256 KiB before base64).
    var maximumMessageSize: Int = 16 << 20
    /// A connection that delivers nothing for this long is dropped and reopened (the Arbitrum One
    /// feed sends several frames a second).
    var idleTimeout: Duration = .seconds(20)
    /// While no frame comes for this long, the last one is decoded again every time this passes,
    /// to keep the hot path's decode in the caches (`InlineDeliveries.keepWarm`); nil: never.
    var warmInterval: Duration? = .milliseconds(1)
    /// The reconnect schedule.
    var backoff = FeedBackoff()
    /// The first sequence number wanted, when resuming from a known position.
    var startSequenceNumber: UInt64? = nil
    /// The sequencer's feed signing address: when set, every message's `signatureV2` must recover
    /// to it (checked as Nitro's client does) or the message is dropped and counted.
    var signer: Address? = nil
    /// The chain id the feed signature commits to.
    var chainId: UInt64 = FeedDecoder.arbitrumOneChainId

    /// A configuration for `urls` with the defaults above.
    public init(urls: [String]) {
        self.urls = urls
    }
}
