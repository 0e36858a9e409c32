import Kernel
import Logging

/// The Arbitrum sequencer feed client: one connection task per configured URL, each reconnecting by
/// itself forever (jittered exponential backoff, resuming from the last accepted sequence number),
/// all handing frames to one bounded queue that the decode loop drains through `deliveries()`.
///
/// ```swift
/// let client = FeedClient(configuration: .init(urls: [url]), decoder: FeedDecoder())
/// async let network: Void = client.run()          // until cancelled
/// for await delivery in client.deliveries() { … } // the decode loop
/// ```
/// The network side never waits for the decode loop (a full queue drops the newest frame), and the
/// decode loop never waits for the network side beyond an empty queue.
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

    /// A client for `configuration`; `decoder` decodes every frame in the decode loop.
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

    /// Runs every connection until the calling task is cancelled, then ends `deliveries()` (after
    /// the frames already queued).
    public func run() async {
        await withDiscardingTaskGroup { group in
            for (index, url) in configuration.urls.enumerated() {
                let connection = FeedConnection(
                    url: url,
                    source: index,
                    configuration: configuration,
                    queue: queue,
                    resumePoint: resumePoint,
                    stats: stats,
                    logger: logger
                )
                group.addTask { await connection.run() }
            }
        }
        queue.finish()
    }

    /// The decode loop's stream. Call once, iterate from one task.
    public func deliveries() -> FeedDeliveries {
        FeedDeliveries(
            frames: queue.frames,
            admission: FeedAdmission(decoder: decoder, resumePoint: resumePoint, stats: stats)
        )
    }
}
