import ArgumentParser

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// `mevbot serve-feed`: plays a recording as a local Arbitrum feed over WebSocket, for the demo
/// and for trying `record` or the engine without the real feed.
struct ServeFeedCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve-feed",
        abstract: "Serve a feed recording over WebSocket on 127.0.0.1, as the Arbitrum feed server would.",
        discussion: """
            Every connection gets the recording from the Arbitrum-Requested-Sequence-Number it asks for
            (from the start without one). Prints {"listening":"ws://127.0.0.1:<port>/","frames":<n>} once
            bound (port 0 picks a free one), then serves until Ctrl-C.
            """
    )

    @Option(name: .customLong("replay"), help: "Recording or bare-frame file (docs/feed-recording.md).")
    var replay: String

    @Option(name: .customLong("port"), help: "TCP port on 127.0.0.1 (0: any free port).")
    var port: Int = 9642

    @Option(name: .customLong("pace"), help: "max, recorded, or milliseconds between frames.")
    var pace: String = "max"

    @Option(name: .customLong("max-gap-ms"), help: "With --pace recorded: the longest pause between two frames.")
    var maximumGapMilliseconds: Int = 1000

    @Option(name: .customLong("chain-id"), help: "The Arbitrum-Chain-Id header sent.")
    var chainId: UInt64 = 42161

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port must be 0...65535") }
        guard maximumGapMilliseconds >= 0 else { throw ValidationError("--max-gap-ms must not be negative") }
        _ = try pacing()
    }

    /// The pacing `--pace` names.
    func pacing() throws -> ReplayPacing {
        guard let pacing = ReplayPacing(pace: pace, maximumGap: .milliseconds(maximumGapMilliseconds)) else {
            throw ValidationError("--pace must be max, recorded or a number of milliseconds")
        }
        return pacing
    }

    func run() async throws {
        let frames = try FeedRecordingReader.readAll(path: replay)
        var configuration = FeedReplayServer.Configuration()
        configuration.port = port
        configuration.chainId = chainId
        configuration.pacing = try pacing()
        let server = FeedReplayServer(frames: frames, configuration: configuration)
        try await server.start()
        var ready = JSONLine()
        ready.string("listening", server.url)
        ready.number("frames", frames.count)
        print(ready.rendered)
        fflush(nil)  // so a script reading our stdout sees the port now
        var interrupts: InterruptSignal?
        await withCheckedContinuation { (done: CheckedContinuation<Void, Never>) in
            interrupts = InterruptSignal.onInterrupt { done.resume() }
        }
        interrupts?.cancel()
        await server.stop()
    }
}
