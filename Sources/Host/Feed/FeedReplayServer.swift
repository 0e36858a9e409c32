import NIOConcurrencyHelpers
import Kernel
import NIOCore
import NIOHTTP1
import NIOPosix
import NIOWebSocket

/// A local Arbitrum-feed-like WebSocket server for tests and the demo (`mevbot serve-feed`): it
/// plays a recording to every connection, starting at the `Arbitrum-Requested-Sequence-Number`
/// the client asks for, answering with `Arbitrum-Feed-Server-Version: 2` and `Arbitrum-Chain-Id`.
/// On command it drops every connection or sends a garbage frame, and it can start paused.
///
/// Built directly on swift-nio (`NIOWebSocketServerUpgrader` and one `ReplayHandler` per
/// connection) rather than Hummingbird: the upgrade callback sees the request headers and sets the
/// response headers, the handler writes batches of frames per flush with channel-writability
/// backpressure, and dropping a connection is just closing its channel.
public final class FeedReplayServer: Sendable {
    /// Where to listen and how to play.
    public struct Configuration: Sendable {
        /// The address to bind (loopback by default).
        var host = "127.0.0.1"
        /// The port; 0 picks a free one (read `port` after `start()`).
        var port = 0
        /// The `Arbitrum-Chain-Id` response header (Arbitrum One by default).
        var chainId: UInt64 = 42161
        /// How fast frames go out.
        public var pacing: ReplayPacing = .maximum
        /// Accept connections but send nothing until `release()`.
        var startPaused = false
        /// Where each frame's send instant is noted (nil: nowhere).
        public var sendLog: FrameSendLog?

        public init() {}
    }

    /// What the lock guards: open connections, the pause flag, handshake history, the listener.
    private struct State {
        var channels: [ObjectIdentifier: any Channel] = [:]
        var paused: Bool
        var acceptedConnections = 0
        var requestedSequenceNumbers: [UInt64?] = []
        var listener: (any Channel)?
        var port = 0
    }

    /// The configuration it was made with.
    let configuration: Configuration
    private let script: ReplayScript
    private let state: NIOLockedValueBox<State>

    /// A server for `frames` (Kernel's decoder finds each frame's sequence numbers, to honor a
    /// requested start).
    public init(frames: [RecordedFrame], configuration: Configuration = .init()) {
        self.configuration = configuration
        self.script = ReplayScript(frames: frames, decoder: FeedDecoder(decodesTransactions: false), pacing: configuration.pacing)
        self.state = NIOLockedValueBox(State(paused: configuration.startPaused))
    }

    /// The bound port (after `start()`), else 0.
    var port: Int { state.withLockedValue { $0.port } }

    /// `ws://host:port/`.
    public var url: String { "ws://\(configuration.host):\(port)/" }

    /// WebSocket connections open now.
    var openConnections: Int { state.withLockedValue { $0.channels.count } }

    /// WebSocket handshakes accepted so far.
    var acceptedConnections: Int { state.withLockedValue { $0.acceptedConnections } }

    /// The `Arbitrum-Requested-Sequence-Number` of each accepted handshake, in order (nil: absent).
    var requestedSequenceNumbers: [UInt64?] { state.withLockedValue { $0.requestedSequenceNumbers } }

    /// Binds and starts accepting; returns the bound port.
    @discardableResult
    public func start() async throws -> Int {
        let script = self.script
        let state = self.state
        let chainId = configuration.chainId
        let sendLog = configuration.sendLog
        let bootstrap = ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelOption(.socketOption(.tcp_nodelay), value: 1)
            .childChannelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    let upgrader = NIOWebSocketServerUpgrader(
                        shouldUpgrade: { channel, _ in
                            var headers = HTTPHeaders()
                            headers.add(name: "Arbitrum-Feed-Server-Version", value: "2")
                            headers.add(name: "Arbitrum-Chain-Id", value: String(chainId))
                            return channel.eventLoop.makeSucceededFuture(headers)
                        },
                        upgradePipelineHandler: { channel, head in
                            let requested = head.headers.first(name: "Arbitrum-Requested-Sequence-Number").flatMap { UInt64($0) }
                            let paused = state.withLockedValue { state in
                                state.acceptedConnections += 1
                                state.requestedSequenceNumbers.append(requested)
                                state.channels[ObjectIdentifier(channel)] = channel
                                return state.paused
                            }
                            channel.closeFuture.whenComplete { _ in
                                _ = state.withLockedValue { $0.channels.removeValue(forKey: ObjectIdentifier(channel)) }
                            }
                            return channel.eventLoop.makeCompletedFuture {
                                let handler = ReplayHandler(script: script, start: script.startIndex(requested: requested), paused: paused, sendLog: sendLog)
                                try channel.pipeline.syncOperations.addHandler(handler)
                            }
                        }
                    )
                    try channel.pipeline.syncOperations.configureHTTPServerPipeline(
                        withServerUpgrade: (upgraders: [upgrader], completionHandler: { _ in })
                    )
                }
            }
        let listener = try await bootstrap.bind(host: configuration.host, port: configuration.port).get()
        let port = listener.localAddress?.port ?? 0
        state.withLockedValue {
            $0.listener = listener
            $0.port = port
        }
        return port
    }

    /// Closes every open connection (abruptly: no WebSocket close frame). Clients reconnect.
    func dropAllConnections() async {
        for channel in state.withLockedValue({ Array($0.channels.values) }) {
            try? await channel.close()
        }
    }

    /// Sends `text` as one text frame on every open connection (by default, not JSON at all).
    func sendGarbage(_ text: String = "this is not a feed frame") async {
        let payload = ByteBuffer(string: text)
        for channel in state.withLockedValue({ Array($0.channels.values) }) {
            channel.pipeline.fireUserInboundEventTriggered(ReplayEvent.garbage(payload))
        }
    }

    /// Lets paused connections (and later ones) start sending.
    func release() {
        let channels = state.withLockedValue { state in
            state.paused = false
            return Array(state.channels.values)
        }
        for channel in channels {
            channel.pipeline.fireUserInboundEventTriggered(ReplayEvent.release)
        }
    }

    /// Stops listening and closes every connection.
    public func stop() async {
        let listener = state.withLockedValue { state in
            defer { state.listener = nil }
            return state.listener
        }
        try? await listener?.close()
        await dropAllConnections()
    }
}
