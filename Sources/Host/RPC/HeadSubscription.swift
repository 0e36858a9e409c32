import Kernel
import Logging
import NIOConcurrencyHelpers
import NIOPosix

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
        guard let address = WebSocketAddress(endpoint.url) else {
            logger.error("newHeads endpoint is not a ws:// or wss:// URL with a host and a valid port", metadata: ["endpoint": "\(endpoint.label)"])
            return false
        }
        let reader = HeadReader(continuation: continuation, stats: stats, logger: logger, endpoint: endpoint.label)
        let limits = WebSocketLimits(maximumMessageSize: Self.maximumMessageSize, idleTimeout: idleTimeout)
        let threads = MultiThreadedEventLoopGroup.singleton
        do {
            let tls = address.secure ? try WebSocketConnection.systemTLS() : nil
            let connection = try await WebSocketConnection.open(address, headers: [], limits: limits, tls: tls, on: threads.next()) { message, _ in
                reader.read(message)
            }
            HeadSubscriptionStats.add(stats.connectionsOpened)
            connection.send(text: NewHeadsMessage.subscribeRequest)
            let end = await connection.ended()
            if !end.isOrderly {
                logger.warning("newHeads connection lost", metadata: ["endpoint": "\(endpoint.label)", "reason": "\(endpoint.redacting(end.description))"])
            }
        } catch where Task.isCancelled {
            logger.debug("newHeads connection cancelled", metadata: ["endpoint": "\(endpoint.label)"])
        } catch {
            logger.warning("newHeads connection failed", metadata: ["endpoint": "\(endpoint.label)", "error": "\(endpoint.redacting(String(describing: error)))"])
        }
        return reader.subscribed
    }
}

/// One connection's reading of the node's messages, on its event loop: the subscription's id,
/// then its heads into the stream.
private final class HeadReader: Sendable {
    private let continuation: AsyncStream<BlockHeader>.Continuation
    private let stats: HeadSubscriptionStats
    private let logger: Logger
    private let endpoint: String
    private let subscription = NIOLockedValueBox<String?>(nil)

    init(continuation: AsyncStream<BlockHeader>.Continuation, stats: HeadSubscriptionStats, logger: Logger, endpoint: String) {
        self.continuation = continuation
        self.stats = stats
        self.logger = logger
        self.endpoint = endpoint
    }

    /// Whether the node accepted the subscription.
    var subscribed: Bool { subscription.withLockedValue { $0 != nil } }

    /// Reads one message; a refused subscription closes the connection.
    func read(_ message: [UInt8]) -> WebSocketReceipt {
        switch NewHeadsMessage(message) {
        case .subscribed(let id):
            subscription.withLockedValue { $0 = id }
            HeadSubscriptionStats.add(stats.subscriptions)
        case .refused(let error):
            return .close("subscription refused: \(error)")
        case .head(let id, let header) where id == subscription.withLockedValue({ $0 }):
            HeadSubscriptionStats.add(stats.heads)
            continuation.yield(header)
        case .head:
            HeadSubscriptionStats.add(stats.malformed)
            logger.warning("newHeads notification of an unknown subscription skipped", metadata: ["endpoint": "\(endpoint)"])
        case .malformed(let reason):
            HeadSubscriptionStats.add(stats.malformed)
            logger.warning("malformed newHeads message skipped", metadata: ["endpoint": "\(endpoint)", "reason": "\(reason)"])
        }
        return .accepted
    }
}
