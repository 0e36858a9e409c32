import ArgumentParser
import Kernel

/// `mevbot record`: connects to one or more sequencer feeds and writes every new frame, with its
/// receive time, to a recording file (docs/feed-recording.md).
struct RecordCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "record",
        abstract: "Record the Arbitrum sequencer feed to a file, one JSON line per frame.",
        discussion: """
            Each line is {"receivedAtNanos":<unix ns>,"frame":<the frame>}; the first line is a header.
            With several --feed URLs each message is written once (the first copy to arrive). The client
            reconnects by itself and resumes from the last sequence number written. Stops after
            --duration seconds or at Ctrl-C, then prints the feed counters as one JSON line.
            """
    )

    @Option(name: .customLong("feed"), help: "Feed URL (ws:// or wss://). Repeat for redundant feeds.")
    var feeds: [String] = []

    @Option(name: .customLong("out"), help: "Recording file to write (replaced if it exists).")
    var out: String

    @Option(name: .customLong("duration"), help: "Stop after this many seconds (default: until interrupted).")
    var duration: Double?

    @Option(name: .customLong("from"), help: "Ask the feed to start at this sequence number.")
    var from: UInt64?

    func validate() throws {
        guard !feeds.isEmpty else { throw ValidationError("give at least one --feed URL") }
        for url in feeds where !RPCEndpoint.accepts(url, schemes: ["ws", "wss"]) {
            throw ValidationError("--feed \(Redaction.url(url)): expected a ws:// or wss:// URL with a host")
        }
        if let duration, !(duration > 0 && duration < 1e9) { throw ValidationError("--duration must be a positive number of seconds") }
    }

    func run() async throws {
        var configuration = FeedClientConfiguration(urls: feeds)
        configuration.startSequenceNumber = from
        let client = FeedClient(configuration: configuration, decoder: FeedDecoder(decodesTransactions: false))
        var header = JSONLine()
        header.string("recording", FeedRecordingFormat.formatName)
        header.string("feeds", feeds.joined(separator: " "))
        header.number("startedAtNanos", WallClock.nowUnixNanos())
        let writer = try FeedRecordingWriter(path: out, header: header.rendered)

        let network = Task { await client.run() }
        let interrupts = InterruptSignal.onInterrupt { network.cancel() }
        let timer = duration.map { seconds in
            Task {
                try? await Task.sleep(for: .seconds(seconds))
                network.cancel()
            }
        }
        defer {
            timer?.cancel()
            interrupts.cancel()
        }

        var written = 0
        do {
            // The feed brings a few frames a second: flush each so the file is always current.
            for await delivery in client.deliveries() {
                try writer.write(RecordedFrame(receivedAtUnixNanos: delivery.frame.receivedAtUnixNanos, bytes: delivery.frame.bytes))
                try writer.flush()
                written += 1
            }
            try writer.close()
        } catch {
            network.cancel()
            throw error
        }

        var summary = JSONLine()
        summary.string("out", out)
        summary.number("framesWritten", written)
        summary.object("feed", client.stats.snapshot.json)
        print(summary.rendered)
    }
}
