import ArgumentParser
import Engine
import Kernel
import Logging

/// `mevbot replay`: the main job on recorded data. Serves a recording over a real WebSocket on
/// 127.0.0.1, reads it back with the feed client, decodes every frame, recognises the swaps of the
/// DEXes enabled in dex.yaml, and prints one summary line. With `--state`, the engine runs on the
/// snapshot's pools: one JSON line per opportunity, in feed order, before the summary.
struct ReplayCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "replay",
        abstract: "Run the feed pipeline on a recording over loopback and summarise what it saw.",
        discussion: """
            Prints {"frames","messages","transactions","swaps","legs","swapsByDex","malformedCalls",
            "feed":{counters},"latencyMicros":{"p50","p99","max"}} once every recorded message has been
            delivered; latency runs from a frame's receipt to the end of its decode and swap recognition.
            The file may hold recording lines or bare frames ({"version":1,"messages":[…]}, replayed back to
            back); a file without any frame is an error.
            """
    )

    @Argument(help: "The recording or bare-frame file (docs/feed-recording.md).")
    var file = "replay/arbitrum-one-feed.jsonl"

    @Option(help: "The DEX config file.")
    var config = "config/dex.yaml"

    @Option(help: "A pool snapshot (README: Pool snapshots): run the engine on it and print the opportunities.")
    var state: String?

    @Option(name: .customLong("timeout"), help: "Give up after this many seconds.")
    var timeoutSeconds: Int = 120

    @Option(help: "With --state: milliseconds between frames, max (back to back: a burst), or recorded.")
    var pace = "2"

    /// Feed client logs: warnings and worse.
    static let logger: Logger = {
        var logger = Logger(label: "mevbot.replay")
        logger.logLevel = .warning
        return logger
    }()

    func run() async throws {
        let loaded = try loadConfig(path: config)
        let frames = try FeedRecordingReader.readAll(path: file)
        // The engine is built before any frame is sent, so that no frame waits for it.
        let engine = try state.map { try makeEngine(snapshot: $0, config: loaded) }
        guard let pacing = ReplayPacing(pace: pace) else {
            printToStandardError("mevbot replay: --pace: expected milliseconds or max, got \"\(pace)\"")
            throw ExitCode(1)
        }
        // The opportunities are the output: written off the event loop, as `run` writes them,
        // but never dropped.
        let lines = LineWriter(capacity: .max)
        let (summary, complete) = try await Self.replay(frames, config: loaded, engine: engine, pacing: pacing, timeoutSeconds: timeoutSeconds) {
            lines.write($0)
        }
        await lines.drain()
        print(summary.rendered)
        if !complete { throw ExitCode.failure }
    }

    /// Serves `frames` on loopback and runs them through the feed client and the pipeline, on the
    /// feed's event loop as `run` does; each opportunity goes to `report`. With `engine`, frames
    /// go out `pacing` apart (2 ms by default: as a feed's, 250 ms, only faster, so that each
    /// frame's latency is its own and not time queued behind the frames before it), and the
    /// summary adds `sentToDecisionNanos`: from the server's flush of a frame to the decision on
    /// its messages. The summary line, and whether every message arrived before the timeout.
    static func replay(
        _ frames: [RecordedFrame], config loaded: LoadedConfig, engine: Engine?, pacing: ReplayPacing = .interval(.milliseconds(2)),
        timeoutSeconds: Int, report: @escaping ([Opportunity]) -> Void
    ) async throws -> (summary: JSONLine, complete: Bool) {
        let expected = FeedRecordingReader.messageCount(frames)
        var serverConfiguration = FeedReplayServer.Configuration()
        let sendLog = engine == nil ? nil : FrameSendLog()
        if engine != nil {
            serverConfiguration.pacing = pacing
            serverConfiguration.sendLog = sendLog
        }
        let server = FeedReplayServer(frames: frames, configuration: serverConfiguration)
        _ = try await server.start()
        let client = FeedClient(configuration: FeedClientConfiguration(urls: [server.url]), decoder: FeedDecoder(), logger: Self.logger)
        let watchdog = Task {
            try await Task.sleep(for: .seconds(timeoutSeconds))
            client.stop()
        }
        var pipeline = FeedPipeline(classifier: SwapClassifier(loaded), engine: engine)
        var sentToDecision = LatencySamples()
        await client.run { delivery in
            let found = pipeline.consume(delivery)
            if !found.isEmpty { report(found) }
            if let sendLog, case .messages(let entries) = delivery.content, let newest = entries.last?.sequenceNumber,
               let sent = sendLog.sentAt(newest) {
                sentToDecision.add(ContinuousClock.now - sent)
            }
            return pipeline.messages < expected
        }
        watchdog.cancel()
        await server.stop()
        var summary = pipeline.summary(frames: frames.count, feed: client.stats.snapshot)
        if engine != nil { summary.object("sentToDecisionNanos", sentToDecision.summary()) }
        return (summary, pipeline.messages >= expected)
    }

    /// The engine over the snapshot at `path`, or the error naming the file (and pool and field)
    /// on standard error and exit code 1.
    private func makeEngine(snapshot path: String, config loaded: LoadedConfig) throws -> Engine {
        do {
            let snapshot = try SnapshotFile.load(path: path, config: loaded)
            return try Engine(snapshot: snapshot, plugins: loaded.enabledPlugins, configuration: loaded.engine)
        } catch let error as SnapshotFileError {
            printToStandardError(error.description)
        } catch {
            printToStandardError("\(path): \(error)")
        }
        throw ExitCode(1)
    }
}
