import ArgumentParser
import Kernel
import Logging

/// `mevbot replay`: the main job on recorded data. Serves a recording over a real WebSocket on
/// 127.0.0.1, reads it back with the feed client, decodes every frame, recognises the swaps of the
/// DEXes enabled in dex.yaml, and prints one summary line.
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

    @Option(name: .customLong("timeout"), help: "Give up after this many seconds.")
    var timeoutSeconds: Int = 120

    /// Feed client logs: warnings and worse.
    static let logger: Logger = {
        var logger = Logger(label: "mevbot.replay")
        logger.logLevel = .warning
        return logger
    }()

    func run() async throws {
        let loaded = try loadConfig(path: config)
        let frames = try FeedRecordingReader.readAll(path: file)
        let expected = frames.reduce(0) { $0 + ((try? FeedDecoder(decodesTransactions: false).decode($1.bytes))?.entries.count ?? 0) }
        let server = FeedReplayServer(frames: frames)
        _ = try await server.start()
        let client = FeedClient(configuration: FeedClientConfiguration(urls: [server.url]), decoder: FeedDecoder(), logger: Self.logger)
        let network = Task { await client.run() }
        let watchdog = Task {
            try await Task.sleep(for: .seconds(timeoutSeconds))
            network.cancel()
        }
        var pipeline = ReplayPipeline(classifier: SwapClassifier(loaded))
        for await delivery in client.deliveries() {
            _ = pipeline.consume(delivery)
            if pipeline.messages >= expected { break }
        }
        network.cancel()
        watchdog.cancel()
        await network.value
        await server.stop()
        print(pipeline.summary(frames: frames.count, feed: client.stats.snapshot).rendered)
        if pipeline.messages < expected { throw ExitCode.failure }
    }
}
