import Atomics
import HTTPTypes
import Kernel
import Logging
import NIOCore
import WSClient

/// One feed URL's connection task: connect, read frames into the queue until the connection ends,
/// wait a backoff delay, reconnect from the resume point; until cancelled.
struct FeedConnection: Sendable {
    /// The endpoint.
    let url: String
    /// This URL's index in the configuration, stamped on its frames.
    let source: Int
    let configuration: FeedClientConfiguration
    let queue: FrameQueue
    let resumePoint: ResumePoint
    let stats: FeedStats
    let logger: Logger

    /// The feed signature check, when a signer is configured: run here, on the connection's task,
    /// so the decode loop never spends its time on ECDSA recovery.
    var signatureCheck: FeedSignatureCheck? {
        configuration.signer.map { FeedSignatureCheck(signer: $0, chainId: configuration.chainId) }
    }

    // (Both names are valid HTTP tokens, so the initializers cannot fail.)
    /// The handshake header naming the feed protocol version (nitro's `FeedClientVersion`).
    static let clientVersionHeader = HTTPField.Name("Arbitrum-Feed-Client-Version")!
    /// The handshake header asking the server to start at a sequence number.
    static let requestedSequenceNumberHeader = HTTPField.Name("Arbitrum-Requested-Sequence-Number")!

    /// Raised inside a connection that has been silent for longer than the idle timeout.
    struct IdleTimeout: Error {}
    /// Raised when the hand-over queue was full and dropped a frame: the connection ends, so that
    /// its reconnect asks again, from the last sequence number the decode loop accepted, for what
    /// was dropped (the frames still queued come again too and are dropped as duplicates).
    struct QueueOverflow: Error {}
    /// Raised when a fragmented message grows past the configured maximum.
    struct MessageTooLarge: Error {}

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
            logger.info("feed connection ended; reconnecting", metadata: ["url": "\(url)", "delay": "\(delay)"])
            do { try await Task.sleep(for: delay) } catch { break }
        }
    }

    /// The handshake headers: client version, and the resume point when there is one.
    func handshakeHeaders() -> HTTPFields {
        var headers = HTTPFields()
        headers[Self.clientVersionHeader] = "2"
        if let next = resumePoint.next {
            headers[Self.requestedSequenceNumberHeader] = String(next)
        }
        return headers
    }

    /// One connection's life; true when it delivered at least one frame (a healthy connection).
    private func connectOnce() async -> Bool {
        let delivered = ManagedAtomic<Bool>(false)
        let wsConfiguration = WebSocketClientConfiguration(
            maxFrameSize: configuration.maximumMessageSize,
            additionalHeaders: handshakeHeaders(),
            extensions: [],  // no permessage-deflate: nitro's uses its own dictionary
            closeTimeout: configuration.closeTimeout,
            autoPing: .disabled,  // the server pings; silence is caught by the idle timeout
            validateUTF8: false
        )
        let client = WebSocketClient(url: url, configuration: wsConfiguration, logger: logger) { inbound, _, _ in
            stats.connectionsOpen.wrappingIncrement(ordering: .relaxed)
            FeedStats.add(stats.connectionsOpened)
            defer { stats.connectionsOpen.wrappingDecrement(ordering: .relaxed) }
            logger.info("feed connected", metadata: ["url": "\(url)"])
            try await read(inbound, delivered: delivered)
        }
        do {
            try await client.run()
        } catch where Task.isCancelled {
            logger.debug("feed connection cancelled", metadata: ["url": "\(url)"])
        } catch {
            logger.warning("feed connection failed", metadata: ["url": "\(url)", "error": "\(error)"])
        }
        return delivered.load(ordering: .relaxed)
    }

    /// Reads messages into the queue until the stream ends, with a watchdog for silence.
    private func read(_ inbound: WebSocketInboundStream, delivered: ManagedAtomic<Bool>) async throws {
        let lastActivity = ManagedAtomic<Int64>(Self.monotonicNanos())
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask {
                var assembler = MessageAssembler(maximumSize: configuration.maximumMessageSize)
                for try await frame in inbound {
                    lastActivity.store(Self.monotonicNanos(), ordering: .relaxed)
                    guard let bytes = try assembler.add(frame) else { continue }
                    FeedStats.add(stats.framesReceived)
                    FeedStats.add(stats.bytesReceived, UInt64(bytes.count))
                    delivered.store(true, ordering: .relaxed)
                    let receivedAt = ContinuousClock.now
                    let receivedAtUnixNanos = WallClock.nowUnixNanos()
                    let queued = queue.push(
                        ReceivedFrame(
                            bytes: bytes,
                            receivedAt: receivedAt,
                            receivedAtUnixNanos: receivedAtUnixNanos,
                            source: source,
                            badSignatures: signatureCheck?.rejected(in: bytes) ?? []
                        )
                    )
                    guard queued else { throw QueueOverflow() }
                }
            }
            group.addTask {
                let limit = Self.nanos(configuration.idleTimeout)
                let tick = max(configuration.idleTimeout / 4, .milliseconds(10))
                while true {
                    try await Task.sleep(for: tick)
                    if Self.monotonicNanos() - lastActivity.load(ordering: .relaxed) > limit {
                        throw IdleTimeout()
                    }
                }
            }
            // Whichever ends first (the stream, or the watchdog throwing) ends the connection.
            defer { group.cancelAll() }
            try await group.next()
        }
    }

    private static let epoch = ContinuousClock.now

    private static func monotonicNanos() -> Int64 { nanos(epoch.duration(to: .now)) }

    private static func nanos(_ d: Duration) -> Int64 {
        let (s, a) = d.components
        return s &* 1_000_000_000 &+ a / 1_000_000_000
    }
}

/// Joins a fragmented WebSocket message (first frame, continuations, `fin`) into one payload.
struct MessageAssembler {
    /// The largest message accepted.
    let maximumSize: Int
    private var partial: [UInt8]? = nil

    init(maximumSize: Int) {
        self.maximumSize = maximumSize
    }

    /// The complete message `frame` finishes, if it does.
    mutating func add(_ frame: WebSocketDataFrame) throws -> [UInt8]? {
        let data = frame.data
        switch frame.opcode {
        case .text, .binary:
            if frame.fin {
                partial = nil
                return Array(data.readableBytesView)
            }
            guard data.readableBytes <= maximumSize else { throw FeedConnection.MessageTooLarge() }
            partial = Array(data.readableBytesView)
            return nil
        case .continuation:
            guard var bytes = partial else { return nil }  // a stray continuation: ignore it
            guard bytes.count + data.readableBytes <= maximumSize else { throw FeedConnection.MessageTooLarge() }
            partial = nil
            bytes.append(contentsOf: data.readableBytesView)
            if frame.fin { return bytes }
            partial = bytes
            return nil
        }
    }
}
