import ArgumentParser
import Atomics
import Engine
import Foundation
import Kernel
import Logging
import Synchronization

/// `mevbot run` assembled: the feed client with the hot loop on its event loop, and state sync
/// beside them; with `demo`, a loopback feed server replaying the bundled demo feed first.
final class BotService: Sendable {
    /// The bundled demo data (README: Two commands).
    static let demoFeed = "replay/demo-feed.jsonl"
    static let demoSnapshot = "replay/demo-snapshot.json"

    private let client: FeedClient
    private let server: FeedReplayServer?
    private let engine: Engine
    private let config: LoadedConfig
    private let mailbox: SyncMailbox
    private let sync: StateSync?
    private let syncTask: Task<Void, Never>?
    /// With `demo`: the number of messages the demo feed holds (the run ends after them).
    private let expectedMessages: Int?
    /// Sync's JSON-RPC client, for its stats.
    private let rpcClient: JSONRPCClient?
    /// When the hot loop last finished a message (`MonotonicNanoseconds`; 0: never).
    private let lastMessageNanos = ManagedAtomic<UInt64>(0)
    /// Whether the hot loop is running.
    private let engineRunning = ManagedAtomic<Bool>(false)
    /// With `--execute`: what trades the opportunities (attached once, before `run`).
    private let execution = Mutex<ExecutionRun?>(nil)
    /// Where the opportunities and execution decisions are written, off the hot loop.
    let lines = LineWriter()

    private init(client: FeedClient, server: FeedReplayServer?, engine: Engine, config: LoadedConfig,
                 mailbox: SyncMailbox, sync: StateSync?, syncTask: Task<Void, Never>?, expectedMessages: Int?, rpcClient: JSONRPCClient?) {
        self.client = client
        self.server = server
        self.engine = engine
        self.config = config
        self.mailbox = mailbox
        self.sync = sync
        self.syncTask = syncTask
        self.expectedMessages = expectedMessages
        self.rpcClient = rpcClient
    }

    /// Builds and starts everything but the hot loop and the feed it reads: the snapshot read, the
    /// engine built, sync started beside (when endpoints are set), the demo's feed server.
    static func start(settings: RunSettings, config: LoadedConfig, demo: Bool, logger: Logger = Logger(label: "mevbot.run")) async throws -> BotService {
        let snapshot = try settings.snapshot.map { path in
            do {
                return try SnapshotFile.load(path: path, config: config)
            } catch {
                printToStandardError("mevbot run: \(error)")
                throw ExitCode(1)
            }
        }
        let engine: Engine
        do {
            engine = try Engine(snapshot: snapshot ?? Snapshot(block: 0, timestamp: 0, pools: []), plugins: config.enabledPlugins, configuration: config.engine)
        } catch {
            printToStandardError("mevbot run: \(settings.snapshot ?? "state"): \(error)")
            throw ExitCode(1)
        }
        let mailbox = SyncMailbox()
        var sync: StateSync?
        var syncTask: Task<Void, Never>?
        var rpcClient: JSONRPCClient?
        if !settings.rpcEndpoints.isEmpty {
            var rpc = config.rpc
            rpc.endpoints = settings.rpcEndpoints
            let client = JSONRPCClient(configuration: rpc)
            rpcClient = client
            let source = RPCChainSource(client: client)
            let started = StateSync(source: source, plugins: config.enabledPlugins, configuration: config.sync, universe: config.tokenUniverse)
            // Heads over the node's WebSocket when the config names one; polls cover its silences.
            let heads = settings.rpcWebSocket.map { url in
                HeadSignal.signals(from: HeadSubscription(url: url, logger: logger).heads(), fallback: max(config.sync.poll * 4, .seconds(1)))
            }
            let driver = SyncDriver(sync: started, candidates: config.poolCandidates, snapshot: snapshot, heads: heads, mailbox: mailbox, logger: logger)
            sync = started
            syncTask = Task { await driver.run() }
        }
        var server: FeedReplayServer?
        var feeds = settings.feeds
        var expected: Int?
        if demo {
            let frames = try FeedRecordingReader.readAll(path: demoFeed)
            expected = FeedRecordingReader.messageCount(frames)
            var configuration = FeedReplayServer.Configuration()
            configuration.pacing = .interval(.milliseconds(10))
            let replay = FeedReplayServer(frames: frames, configuration: configuration)
            _ = try await replay.start()
            server = replay
            feeds = [replay.url]
        }
        let client = FeedClient(configuration: FeedClientConfiguration(urls: feeds), decoder: FeedDecoder(), logger: logger)
        return BotService(client: client, server: server, engine: engine, config: config,
                          mailbox: mailbox, sync: sync, syncTask: syncTask, expectedMessages: expected, rpcClient: rpcClient)
    }

    /// Trades the opportunities with `execution` from now on (`run --execute`).
    func attach(_ execution: ExecutionRun) {
        self.execution.withLock { $0 = execution }
    }

    /// Connects the feed and runs the hot loop on its event loop until `stop()` (or, for the demo,
    /// the demo feed's last message), then stops the rest; the summary line. With `publisher`,
    /// each delivery's stages go to the stage histograms (`DeliveryTimings`) and the loop's
    /// counters are published every 100 ms, and once more at the end. With an attached
    /// execution, each delivery's opportunities are traded, then go to `report` (by default
    /// `lines`, as JSON lines).
    func run(publisher: MetricsPublisher? = nil, progress: Bool = false, report: (([Opportunity]) -> Void)? = nil) async -> JSONLine {
        let lines = self.lines
        let report = report ?? { lines.write($0) }
        engineRunning.store(true, ordering: .relaxed)
        var lastPublished: UInt64 = 0, lastProgress: UInt64 = 0
        let terminal = progress && isatty(STDERR_FILENO) == 1
        let execution = self.execution.withLock { $0 }
        let lastMessageNanos = self.lastMessageNanos
        var loop = HotLoop(
            pipeline: FeedPipeline(classifier: SwapClassifier(config), engine: engine), mailbox: mailbox, stopAfter: expectedMessages,
            report: report, trade: execution.map { execution in { opportunities, engine in execution.trade(opportunities, on: engine) } }
        ) { pipeline in
            let now = MonotonicNanoseconds.now()
            lastMessageNanos.store(max(1, now), ordering: .relaxed)
            if terminal, now &- lastProgress > 250_000_000 {
                lastProgress = now
                FileHandle.standardError.write(Data(("\r" + pipeline.progressLine + "  ").utf8))
            }
            guard let publisher else { return }
            pipeline.lastTimings.forEachStage { stage, nanoseconds in
                publisher.metrics.stageLatency(stage).recordNanoseconds(Int64(clamping: nanoseconds))
            }
            if now &- lastPublished > 100_000_000 {
                lastPublished = now
                publisher.publish(engine: pipeline.engineCounters)
                publisher.publish(swaps: pipeline.classifier.counters)
            }
        }
        await client.run { delivery in loop.handle(delivery) }
        // The last deliveries' counts, which the 100 ms cadence above may not have published: a
        // scrape after the end (the demo keeps serving) must agree with the summary.
        publisher?.publish(engine: loop.pipeline.engineCounters)
        publisher?.publish(swaps: loop.pipeline.classifier.counters)
        engineRunning.store(false, ordering: .relaxed)
        await execution?.stop()
        if let publisher, let execution { publisher.publish(execution: execution.desk.counters, inFlight: execution.desk.inFlight) }
        if terminal { FileHandle.standardError.write(Data(("\r" + loop.pipeline.progressLine + "\n").utf8)) }
        syncTask?.cancel()
        await syncTask?.value
        await server?.stop()
        return loop.pipeline.summary(frames: Int(client.stats.snapshot.framesReceived), feed: client.stats.snapshot)
    }

    /// What `/ready` judges: the feed's connection and last message, sync's lag and error, the
    /// hot loop. Without state sync the state is never current (the engine runs on a snapshot).
    func readiness(_ limits: Readiness.Limits) -> Readiness {
        let last = lastMessageNanos.load(ordering: .relaxed)
        let age = last == 0 ? nil : (MonotonicNanoseconds.now() &- last) / 1_000_000
        let feed = client.stats.snapshot
        let running = engineRunning.load(ordering: .relaxed)
        if let sync {
            return Readiness(feed: feed, millisSinceLastMessage: age, sync: sync.status.current, engineRunning: running, limits: limits)
        }
        return Readiness(feedConnected: feed.connectionsOpen > 0, millisSinceLastMessage: age, syncLag: nil,
                         syncError: "no RPC endpoint: the engine runs on the snapshot alone", engineRunning: running, limits: limits)
    }

    /// Publishes what may be read off the hot loop: the feed's, RPC client's and sync's counters.
    func publishShared(to publisher: MetricsPublisher) {
        publisher.publish(feed: client.stats.snapshot)
        if let rpcClient { publisher.publish(rpc: rpcClient.stats.snapshot) }
        if let sync { publisher.publish(sync: sync.status.current) }
        if let execution = execution.withLock({ $0 }) { publisher.publish(execution: execution.desk.counters, inFlight: execution.desk.inFlight) }
        publisher.publish(reportLinesDropped: lines.droppedLines)
    }

    /// Ends the run: the feed stops once the delivery being handled is done.
    func stop() {
        client.stop()
    }

    /// Saves sync's state to `path` (nothing without sync: the engine ran on the snapshot alone).
    func save(to path: String, config: LoadedConfig) async throws {
        guard let snapshot = await sync?.snapshot else {
            printToStandardError("mevbot run: no state sync ran; nothing newer than the snapshot to save")
            return
        }
        do {
            try SnapshotFile.save(snapshot, path: path, config: config)
        } catch {
            printToStandardError("mevbot run: \(error)")
            throw ExitCode(1)
        }
    }
}
