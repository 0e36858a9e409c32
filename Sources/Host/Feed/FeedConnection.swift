import Atomics
import Kernel
import Logging
import NIOCore
import NIOSSL

/// One feed URL's connection task: connect, hand each message to the sink on the feed's event
/// loop until the connection ends, wait a backoff delay, reconnect from the resume point; until
/// cancelled.
struct FeedConnection: Sendable {
    /// The endpoint.
    let url: String
    /// This URL's index in the configuration, stamped on its frames.
    let source: Int
    let configuration: FeedClientConfiguration
    /// Where each message goes, on `eventLoop`.
    let sink: any FrameSink
    let resumePoint: ResumePoint
    let stats: FeedStats
    let logger: Logger
    /// The feed's event loop: every connection of a client reads on it.
    let eventLoop: any EventLoop
    /// The TLS context for `wss` URLs (nil: `wss` cannot be used).
    let tls: NIOSSLContext?

    /// The feed signature check, when a signer is configured: run on the event loop as each frame
    /// is read, before the decode (about 40 µs a message: only with a signer configured).
    var signatureCheck: FeedSignatureCheck? {
        configuration.signer.map { FeedSignatureCheck(signer: $0, chainId: configuration.chainId) }
    }

    /// The handshake header naming the feed protocol version (nitro's `FeedClientVersion`).
    static let clientVersionHeader = "Arbitrum-Feed-Client-Version"
    /// The handshake header asking the server to start at a sequence number.
    static let requestedSequenceNumberHeader = "Arbitrum-Requested-Sequence-Number"

    /// Connects and reconnects until the task is cancelled.
    func run() async {
        var schedule = ReconnectSchedule(backoff: configuration.backoff)
        var first = true
        while !Task.isCancelled {
            if !first { FeedStats.add(stats.reconnects) }
            first = false
            let healthy = await connectOnce()
            if Task.isCancelled { break }
            let delay = schedule.delay(afterHealthyConnection: healthy)
            logger.info("feed connection ended; reconnecting", metadata: ["url": "\(Redaction.url(url))", "delay": "\(delay)"])
            do { try await Task.sleep(for: delay) } catch { break }
        }
    }

    /// The handshake headers: client version, and the sequence number to resume from when known.
    static func handshakeHeaders(resumingAt next: UInt64?) -> [(String, String)] {
        var headers = [(clientVersionHeader, "2")]
        if let next {
            headers.append((requestedSequenceNumberHeader, String(next)))
        }
        return headers
    }

    /// One connection's life; true when it delivered at least one frame (a healthy connection).
    private func connectOnce() async -> Bool {
        guard let address = WebSocketAddress(url) else {
            logger.error("feed URL is not a ws:// or wss:// URL with a host and a valid port", metadata: ["url": "\(Redaction.url(url))"])
            return false
        }
        let delivered = ManagedAtomic<Bool>(false)
        let limits = WebSocketLimits(maximumMessageSize: configuration.maximumMessageSize, idleTimeout: configuration.idleTimeout)
        let (source, stats, sink, signatureCheck) = (self.source, self.stats, self.sink, self.signatureCheck)
        do {
            let connection = try await WebSocketConnection.open(
                address, headers: Self.handshakeHeaders(resumingAt: resumePoint.next), limits: limits, tls: address.secure ? tls : nil, on: eventLoop
            ) { bytes, receivedAt in
                FeedStats.add(stats.framesReceived)
                FeedStats.add(stats.bytesReceived, UInt64(bytes.count))
                delivered.store(true, ordering: .relaxed)
                let frame = ReceivedFrame(
                    bytes: bytes, receivedAt: receivedAt, receivedAtUnixNanos: WallClock.nowUnixNanos(), source: source,
                    badSignatures: signatureCheck?.rejected(in: bytes) ?? [])
                return sink.accept(frame) ? .accepted : .close("the frame queue is full")
            }
            stats.connectionsOpen.wrappingIncrement(ordering: .relaxed)
            FeedStats.add(stats.connectionsOpened)
            logger.info("feed connected", metadata: ["url": "\(Redaction.url(url))"])
            let end = await connection.ended()
            stats.connectionsOpen.wrappingDecrement(ordering: .relaxed)
            if end.isOrderly {
                logger.debug("feed connection closed", metadata: ["url": "\(Redaction.url(url))", "reason": "\(end)"])
            } else {
                logger.warning("feed connection lost", metadata: ["url": "\(Redaction.url(url))", "reason": "\(end)"])
            }
        } catch where Task.isCancelled {
            logger.debug("feed connection cancelled", metadata: ["url": "\(Redaction.url(url))"])
        } catch {
            logger.warning("feed connection failed", metadata: ["url": "\(Redaction.url(url))", "error": "\(error)"])
        }
        return delivered.load(ordering: .relaxed)
    }
}
