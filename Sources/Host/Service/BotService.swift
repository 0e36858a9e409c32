import ArgumentParser
import Engine
import Foundation
import Kernel
import Logging

/// `mevbot run` assembled: the feed client's network task, the hot loop, and state sync beside
/// them; with `demo`, a loopback feed server replaying the bundled demo feed first.
final class BotService: Sendable {
    /// The bundled demo data (README: Two commands).
    static let demoFeed = "replay/demo-feed.jsonl"
    static let demoSnapshot = "replay/demo-snapshot.json"

    private let client: FeedClient
    private let network: Task<Void, Never>
    private let server: FeedReplayServer?
    private let engine: Engine
    private let config: LoadedConfig
    private let mailbox: SyncMailbox
    private let sync: StateSync?
    private let syncTask: Task<Void, Never>?
    /// With `demo`: the number of messages the demo feed holds (the run ends after them).
    private let expectedMessages: Int?

    private init(client: FeedClient, network: Task<Void, Never>, server: FeedReplayServer?, engine: Engine, config: LoadedConfig,
                 mailbox: SyncMailbox, sync: StateSync?, syncTask: Task<Void, Never>?, expectedMessages: Int?) {
        self.client = client
        self.network = network
        self.server = server
        self.engine = engine
        self.config = config
        self.mailbox = mailbox
        self.sync = sync
        self.syncTask = syncTask
        self.expectedMessages = expectedMessages
    }

    /// Builds and starts everything but the hot loop: the snapshot read, the engine built, sync
    /// started beside (when endpoints are set), the feed connected.
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
        if !settings.rpcEndpoints.isEmpty {
            var rpc = config.rpc
            rpc.endpoints = settings.rpcEndpoints
            let source = RPCChainSource(client: JSONRPCClient(configuration: rpc))
            let started = StateSync(source: source, plugins: config.enabledPlugins, configuration: config.sync, universe: config.tokenUniverse)
            let driver = SyncDriver(sync: started, candidates: config.poolCandidates, snapshot: snapshot, heads: nil, mailbox: mailbox, logger: logger)
            sync = started
            syncTask = Task { await driver.run() }
        }
        var server: FeedReplayServer?
        var feeds = settings.feeds
        var expected: Int?
        if demo {
            let frames = try FeedRecordingReader.readAll(path: demoFeed)
            expected = frames.reduce(0) { $0 + ((try? FeedDecoder(decodesTransactions: false).decode($1.bytes))?.entries.count ?? 0) }
            var configuration = FeedReplayServer.Configuration()
            configuration.pacing = .interval(.milliseconds(10))
            let replay = FeedReplayServer(frames: frames, configuration: configuration)
            _ = try await replay.start()
            server = replay
            feeds = [replay.url]
        }
        let client = FeedClient(configuration: FeedClientConfiguration(urls: feeds), decoder: FeedDecoder(), logger: logger)
        let network = Task { await client.run() }
        return BotService(client: client, network: network, server: server, engine: engine, config: config,
                          mailbox: mailbox, sync: sync, syncTask: syncTask, expectedMessages: expected)
    }

    /// Runs the hot loop until `stop()` (or, for the demo, the demo feed's last message), then
    /// stops the rest; the summary line.
    func run(report: (Opportunity) -> Void = { print(JSONValue.object($0.json).rendered) }) async -> JSONLine {
        var loop = HotLoop(pipeline: FeedPipeline(classifier: SwapClassifier(config), engine: engine), mailbox: mailbox)
        await loop.run(client.deliveries(), stopAfter: expectedMessages, report: report)
        network.cancel()
        syncTask?.cancel()
        await network.value
        await syncTask?.value
        await server?.stop()
        return loop.pipeline.summary(frames: Int(client.stats.snapshot.framesReceived), feed: client.stats.snapshot)
    }

    /// Ends the run: the network stops, the hot loop finishes the deliveries already queued.
    func stop() {
        network.cancel()
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
