import Atomics
import Kernel
import Logging
import NIOCore
import WSClient

/// New heads from `eth_subscribe ["newHeads"]` over a WebSocket, as an `AsyncStream`. The
/// connection subscribes, yields every head it is sent, and when it ends (closed, refused,
/// silent for longer than `idleTimeout`) reconnects by itself after a jittered exponential
/// backoff, reset by each connection that subscribed. A malformed message is counted in `stats`
/// and skipped. Heads come as the node sends them: a reorg's new heads repeat numbers.
public struct HeadSubscription: Sendable {
    /// The WebSocket endpoint.
    public let endpoint: RPCEndpoint
    /// The longest silence a connection is allowed before it is replaced.
    public let idleTimeout: Duration
    /// The counters.
    public let stats: HeadSubscriptionStats
    private let backoff: FeedBackoff
    private let logger: Logger

    /// The largest message read.
    static let maximumMessageSize = 1 << 20

    /// A subscription at `url`, reconnecting after `backoff` (the ceiling of the first retry's
    /// delay; each further one doubles it, up to 30 s).
    public init(url: String, backoff: Duration = .milliseconds(100), idleTimeout: Duration = .seconds(60),
                stats: HeadSubscriptionStats = HeadSubscriptionStats(), logger: Logger = Logger(label: "mevbot.heads")) {
        self.endpoint = RPCEndpoint(url: url)
        self.backoff = FeedBackoff(initial: backoff)
        self.idleTimeout = idleTimeout
        self.stats = stats
        self.logger = logger
    }

    /// A stream of heads, served by a task of its own until the stream's consumer stops (the
    /// newest 1024 heads are kept when the consumer falls behind).
    public func heads() -> AsyncStream<BlockHeader> {
        let (stream, continuation) = AsyncStream.makeStream(of: BlockHeader.self, bufferingPolicy: .bufferingNewest(1024))
        let task = Task {
            await run(continuation)
            continuation.finish()
        }
        continuation.onTermination = { _ in task.cancel() }
        return stream
    }

    /// Connects and reconnects until cancelled.
    private func run(_ continuation: AsyncStream<BlockHeader>.Continuation) async {
        var schedule = ReconnectSchedule(backoff: backoff)
        var first = true
        while !Task.isCancelled {
            if !first { HeadSubscriptionStats.add(stats.reconnects) }
            first = false
            let subscribed = await connectOnce(continuation)
            if Task.isCancelled { break }
            let delay = schedule.delay(afterHealthyConnection: subscribed)
            logger.info("newHeads connection ended; reconnecting", metadata: ["endpoint": "\(endpoint.label)", "delay": "\(delay)"])
            do { try await Task.sleep(for: delay) } catch { break }
        }
    }

    /// One connection's life; true when it subscribed.
    private func connectOnce(_ continuation: AsyncStream<BlockHeader>.Continuation) async -> Bool {
        let subscribed = ManagedAtomic<Bool>(false)
        let configuration = WebSocketClientConfiguration(maxFrameSize: Self.maximumMessageSize, closeTimeout: .seconds(1))
        let client = WebSocketClient(url: endpoint.url, configuration: configuration, logger: logger) { inbound, outbound, _ in
            HeadSubscriptionStats.add(stats.connectionsOpened)
            try await outbound.write(.text(NewHeadsMessage.subscribeRequest))
            try await read(inbound, into: continuation, subscribed: subscribed)
        }
        do {
            try await client.run()
        } catch where Task.isCancelled {
            logger.debug("newHeads connection cancelled", metadata: ["endpoint": "\(endpoint.label)"])
        } catch {
            logger.warning("newHeads connection failed", metadata: ["endpoint": "\(endpoint.label)", "error": "\(endpoint.redacting(String(describing: error)))"])
        }
        return subscribed.load(ordering: .relaxed)
    }

    /// Reads messages until the stream ends, the subscription is refused or the watchdog finds
    /// the connection silent.
    private func read(_ inbound: WebSocketInboundStream, into continuation: AsyncStream<BlockHeader>.Continuation,
                      subscribed: ManagedAtomic<Bool>) async throws {
        let lastActivity = ManagedAtomic<UInt64>(MonotonicNanoseconds.now())
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask {
                var subscription: String?
                for try await message in inbound.messages(maxSize: Self.maximumMessageSize) {
                    lastActivity.store(MonotonicNanoseconds.now(), ordering: .relaxed)
                    switch NewHeadsMessage(Self.bytes(of: message)) {
                    case .subscribed(let id):
                        subscription = id
                        subscribed.store(true, ordering: .relaxed)
                        HeadSubscriptionStats.add(stats.subscriptions)
                    case .refused(let error):
                        throw error
                    case .head(let id, let header) where id == subscription:
                        HeadSubscriptionStats.add(stats.heads)
                        continuation.yield(header)
                    case .head:
                        HeadSubscriptionStats.add(stats.malformed)
                        logger.warning("newHeads notification of an unknown subscription skipped", metadata: ["endpoint": "\(endpoint.label)"])
                    case .malformed(let reason):
                        HeadSubscriptionStats.add(stats.malformed)
                        logger.warning("malformed newHeads message skipped", metadata: ["endpoint": "\(endpoint.label)", "reason": "\(reason)"])
                    }
                }
            }
            group.addTask {
                let limit = idleTimeout.nanoseconds
                let tick = max(idleTimeout / 4, .milliseconds(10))
                while true {
                    try await Task.sleep(for: tick)
                    let last = lastActivity.load(ordering: .relaxed)
                    let now = MonotonicNanoseconds.now()
                    if now > last, now - last > limit { throw IdleTimeout() }
                }
            }
            // Whichever ends first (the stream, a refusal, the watchdog) ends the connection.
            defer { group.cancelAll() }
            try await group.next()
        }
    }

    /// Raised when a connection has been silent for longer than the idle timeout.
    private struct IdleTimeout: Error {}

    /// A message's bytes, text or binary.
    private static func bytes(of message: WebSocketMessage) -> [UInt8] {
        switch message {
        case .text(let text): Array(text.utf8)
        case .binary(let buffer): Array(buffer.readableBytesView)
        }
    }
}
