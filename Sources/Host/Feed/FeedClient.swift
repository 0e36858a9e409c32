import Kernel
import Logging
import NIOCore
import NIOPosix
import NIOSSL

/// The Arbitrum sequencer feed client: one connection per configured URL, each reconnecting by
/// itself forever (jittered exponential backoff, resuming from the last accepted sequence number),
/// all reading on one event loop thread of the client's own.
///
/// Two ways to consume, one per client:
/// - the hot path, `run(handling:)`: each frame is decoded, admitted and handled on that event
///   loop as soon as it is read (`InlineDeliveries`; ADR 0013);
/// - an awaiting consumer, `run()` with `deliveries()`: frames go to a bounded queue (dropping the
///   newest when full, see `FrameQueue`) that a task drains (`record`, tests).
///
/// ```swift
/// let client = FeedClient(configuration: .init(urls: [url]), decoder: FeedDecoder())
/// await client.run { delivery in … ; return true }   // until stop(), cancelled, or false
/// ```
public final class FeedClient: Sendable {
    /// The endpoints and tuning.
    let configuration: FeedClientConfiguration
    /// Counters, readable at any time.
    public let stats: FeedStats
    /// The next sequence number connections ask for; advanced by the decode loop.
    let resumePoint: ResumePoint
    private let queue: FrameQueue
    private let decoder: FeedDecoder
    private let logger: Logger
    private let stopSignal = StopSignal()

    /// A client for `configuration`; `decoder` decodes every frame as it is admitted.
    public init(
        configuration: FeedClientConfiguration,
        decoder: FeedDecoder,
        stats: FeedStats = FeedStats(),
        logger: Logger = Logger(label: "mevbot.feed")
    ) {
        self.configuration = configuration
        self.stats = stats
        self.resumePoint = ResumePoint(next: configuration.startSequenceNumber)
        self.queue = FrameQueue(capacity: configuration.queueCapacity, stats: stats)
        self.decoder = decoder
        self.logger = logger
    }

    /// Runs every connection, handing each delivery to `handle` on the feed's event loop as its
    /// frame is read; returns when `handle` returns false, `stop()` is called or the task is
    /// cancelled. No delivery is handled after it returns.
    public func run(handling handle: @escaping (FeedDelivery) -> Bool) async {
        let sink = InlineDeliveries(admission: admission(), handle: handle)
        await withTaskGroup(of: Void.self) { group in
            group.addTask { await self.runConnections(into: sink) }
            group.addTask { await sink.stopped.wait() }
            await group.next()
            group.cancelAll()
        }
    }

    /// Runs every connection into the queue that `deliveries()` drains, until `stop()` is called
    /// or the task is cancelled; then ends `deliveries()` (after the frames already queued).
    public func run() async {
        await runConnections(into: queue)
    }

    /// Ends `run`, from any thread.
    public func stop() {
        stopSignal.signal()
    }

    /// The awaiting consumer's stream (with `run()`). Call once, iterate from one task.
    public func deliveries() -> FeedDeliveries {
        FeedDeliveries(frames: queue.frames, admission: admission())
    }

    private func admission() -> FeedAdmission {
        FeedAdmission(decoder: decoder, resumePoint: resumePoint, stats: stats)
    }

    /// Every URL's connection on one event loop of the client's own, until stopped or cancelled;
    /// then `sink` is finished and the loop's thread ends (so nothing is handled after).
    private func runConnections(into sink: any FrameSink) async {
        let threads = MultiThreadedEventLoopGroup(numberOfThreads: 1)
        let eventLoop = threads.next()
        let warmer = configuration.warmInterval.map { interval in
            eventLoop.scheduleRepeatedTask(initialDelay: TimeAmount(interval), delay: TimeAmount(interval)) { _ in
                sink.keepWarm(idleFor: interval)
            }
        }
        let tls = makeTLSContext()
        await withTaskGroup(of: Void.self) { group in
            for (index, url) in configuration.urls.enumerated() {
                let connection = FeedConnection(
                    url: url, source: index, configuration: configuration, sink: sink, resumePoint: resumePoint,
                    stats: stats, logger: logger, eventLoop: eventLoop, tls: tls)
                group.addTask { await connection.run() }
            }
            group.addTask { await self.stopSignal.wait() }
            await group.next()
            group.cancelAll()
        }
        warmer?.cancel()
        sink.finish()
        do {
            try await threads.shutdownGracefully()
        } catch {
            logger.warning("feed event loop did not shut down cleanly", metadata: ["error": "\(error)"])
        }
    }

    /// A TLS client context with the system's trust roots when any URL is `wss`.
    private func makeTLSContext() -> NIOSSLContext? {
        guard configuration.urls.contains(where: { WebSocketAddress($0)?.secure == true }) else { return nil }
        do {
            return try WebSocketConnection.systemTLS()
        } catch {
            logger.error("no TLS context: wss:// feeds cannot connect", metadata: ["error": "\(error)"])
            return nil
        }
    }
}
